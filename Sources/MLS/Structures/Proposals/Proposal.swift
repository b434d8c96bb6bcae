import TLSCodec

/// `Proposal` (RFC 9420 §12.1): a proposed change to the group, selected by its ProposalType.
///
/// The bodies of the draft-ietf-mls-extensions proposals (§4.7 AppDataUpdate, §4.8 AppEphemeral, §6.3 SelfRemove)
/// are written inline after `proposal_type`, as the draft's `select (Proposal.msg_type)` defines them, and decoded
/// strictly. RFC 9420 gives no length for the body of any other unknown proposal type; like OpenMLS and mls-rs,
/// this decoder reads such a body as `opaque<V>` and keeps it byte for byte.
public enum Proposal: Hashable, Sendable, TLSCodable {
    case add(Add)
    case update(Update)
    case remove(Remove)
    case preSharedKey(PreSharedKey)
    case reInit(ReInit)
    case externalInit(ExternalInit)
    case groupContextExtensions(GroupContextExtensions)
    /// `app_data_update` (draft-ietf-mls-extensions §4.7).
    case appDataUpdate(AppDataUpdate)
    /// `app_ephemeral` (draft-ietf-mls-extensions §4.8).
    case appEphemeral(AppEphemeral)
    /// `self_remove` (draft-ietf-mls-extensions §6.3).
    case selfRemove(SelfRemove)
    /// A proposal of a type neither RFC 9420 nor draft-ietf-mls-extensions defines here, its body kept as the
    /// contents of an `opaque<V>`.
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
        case .appDataUpdate: .appDataUpdate
        case .appEphemeral: .appEphemeral
        case .selfRemove: .selfRemove
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
        case .appDataUpdate: self = .appDataUpdate(try reader.read(AppDataUpdate.self, "app_data_update"))
        case .appEphemeral: self = .appEphemeral(try reader.read(AppEphemeral.self, "app_ephemeral"))
        case .selfRemove: self = .selfRemove(try reader.read(SelfRemove.self, "self_remove"))
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
        case .appDataUpdate(let p): writer.write(p)
        case .appEphemeral(let p): writer.write(p)
        case .selfRemove(let p): writer.write(p)
        case .other(_, let data): writer.writeOpaque(data)
        }
    }
}
