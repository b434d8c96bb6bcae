import TLSCodec

/// `Proposal` (RFC 9420 §12.1): a proposed change to the group, selected by its ProposalType.
///
/// RFC 9420 gives no length for the body of an unknown proposal type. Like OpenMLS and mls-rs, this decoder reads
/// such a body as `opaque<V>` and keeps it byte for byte.
public enum Proposal: Hashable, Sendable, TLSCodable {
    case add(Add)
    case update(Update)
    case remove(Remove)
    case preSharedKey(PreSharedKey)
    case reInit(ReInit)
    case externalInit(ExternalInit)
    case groupContextExtensions(GroupContextExtensions)
    /// A proposal of a type RFC 9420 does not define, its body kept as the contents of an `opaque<V>`.
    case other(type: ProposalType, data: [UInt8])

    public var proposalType: ProposalType {
        switch self {
        case .add: .add
        case .update: .update
        case .remove: .remove
        case .preSharedKey: .psk
        case .reInit: .reinit
        case .externalInit: .externalInit
        case .groupContextExtensions: .groupContextExtensions
        case .other(let type, _): type
        }
    }

    public init(from reader: inout TLSReader) throws {
        let type = ProposalType(try reader.readUInt16("proposal_type"))
        switch type {
        case .add: self = .add(try reader.read(Add.self, "add"))
        case .update: self = .update(try reader.read(Update.self, "update"))
        case .remove: self = .remove(try reader.read(Remove.self, "remove"))
        case .psk: self = .preSharedKey(try reader.read(PreSharedKey.self, "psk"))
        case .reinit: self = .reInit(try reader.read(ReInit.self, "reinit"))
        case .externalInit: self = .externalInit(try reader.read(ExternalInit.self, "external_init"))
        case .groupContextExtensions:
            self = .groupContextExtensions(try reader.read(GroupContextExtensions.self, "group_context_extensions"))
        default:
            self = .other(type: type, data: try reader.readOpaque("data"))
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt16(proposalType.rawValue)
        switch self {
        case .add(let p): writer.write(p)
        case .update(let p): writer.write(p)
        case .remove(let p): writer.write(p)
        case .preSharedKey(let p): writer.write(p)
        case .reInit(let p): writer.write(p)
        case .externalInit(let p): writer.write(p)
        case .groupContextExtensions(let p): writer.write(p)
        case .other(_, let data): writer.writeOpaque(data)
        }
    }
}
