import TLSCodec

/// `GroupSecrets` (RFC 9420 §12.4.3): what a new member needs to enter the epoch: the joiner secret, an optional
/// path secret, and the PSKs of the Commit.
public struct GroupSecrets: Hashable, Sendable, TLSCodable {
    public var joinerSecret: [UInt8]
    public var pathSecret: PathSecret?
    public var psks: [PreSharedKeyID]

    public init(joinerSecret: [UInt8], pathSecret: PathSecret?, psks: [PreSharedKeyID]) {
        self.joinerSecret = joinerSecret
        self.pathSecret = pathSecret
        self.psks = psks
    }

    public init(from reader: inout TLSReader) throws {
        joinerSecret = try reader.readOpaque("joiner_secret")
        pathSecret = try reader.readOptional("path_secret") { try PathSecret(from: &$0) }
        psks = try reader.readList("psks") { try PreSharedKeyID(from: &$0) }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(joinerSecret)
        writer.writeOptional(pathSecret) { w, p in w.write(p) }
        writer.writeList(psks)
    }
}
