import TLSCodec

/// `LeafNodeSource` (RFC 9420 §7.2) with its `select` body: a KeyPackage's lifetime, an Update, or a Commit's
/// parent hash. Source values other than 1, 2 and 3 are rejected.
public enum LeafNodeSource: Hashable, Sendable {
    /// `key_package(1)`: the leaf comes from a KeyPackage and carries its lifetime.
    case keyPackage(Lifetime)
    /// `update(2)`: the leaf comes from an Update proposal.
    case update
    /// `commit(3)`: the leaf comes from a Commit's UpdatePath and carries the parent hash.
    case commit(parentHash: [UInt8])

    /// The wire value of `leaf_node_source`.
    public var rawValue: UInt8 {
        switch self {
        case .keyPackage: 1
        case .update: 2
        case .commit: 3
        }
    }

    public var name: String {
        switch self {
        case .keyPackage: "key_package"
        case .update: "update"
        case .commit: "commit"
        }
    }

    init(from reader: inout TLSReader) throws {
        let start = reader.offset
        let source = try reader.readUInt8("leaf_node_source")
        switch source {
        case 1: self = .keyPackage(try reader.read(Lifetime.self, "lifetime"))
        case 2: self = .update
        case 3: self = .commit(parentHash: try reader.readOpaque("parent_hash"))
        default:
            throw reader.error(.invalidValue, "leaf_node_source",
                               "value \(source) is not allowed: LeafNodeSource must be key_package(1), update(2) or commit(3) (RFC 9420 §7.2)",
                               at: start)
        }
    }

    func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(rawValue)
        switch self {
        case .keyPackage(let lifetime): writer.write(lifetime)
        case .update: break
        case .commit(let parentHash): writer.writeOpaque(parentHash)
        }
    }
}
