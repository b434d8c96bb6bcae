import TLSCodec

/// `ProposalType` (RFC 9420 §12.1, IANA registry §17.4): a uint16 from an open registry. Unknown and GREASE values
/// are kept.
public struct ProposalType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static let add = ProposalType(1)
    public static let update = ProposalType(2)
    public static let remove = ProposalType(3)
    public static let psk = ProposalType(4)
    public static let reinit = ProposalType(5)
    public static let externalInit = ProposalType(6)
    public static let groupContextExtensions = ProposalType(7)
    /// `app_data_update` (draft-ietf-mls-extensions §7.3.1, 0x0008 suggested).
    public static let appDataUpdate = ProposalType(0x0008)
    /// `app_ephemeral` (draft-ietf-mls-extensions §7.3.2, 0x0009 suggested).
    public static let appEphemeral = ProposalType(0x0009)
    /// `self_remove` (draft-ietf-mls-extensions §7.3.3, 0x000a suggested).
    public static let selfRemove = ProposalType(0x000a)

    /// The proposal types RFC 9420 defines; §7.2 says a client need not list these in its capabilities.
    public static let defaultTypes: [ProposalType] = [.add, .update, .remove, .psk, .reinit, .externalInit, .groupContextExtensions]

    public var isGrease: Bool { GreaseValue.isGrease(rawValue) }
    public var description: String {
        switch rawValue {
        case 1: "add"
        case 2: "update"
        case 3: "remove"
        case 4: "psk"
        case 5: "reinit"
        case 6: "external_init"
        case 7: "group_context_extensions"
        case 8: "app_data_update"
        case 9: "app_ephemeral"
        case 10: "self_remove"
        default: "proposal_type(0x\(String(rawValue, radix: 16)))"
        }
    }
}
