/// `WireFormat` (RFC 9420 §6, IANA registry §17.2): the format of an MLSMessage. Only the five formats of RFC 9420
/// are accepted on decode; any other value is an `invalidValue` error.
public enum WireFormat: UInt16, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case publicMessage = 1
    case privateMessage = 2
    case welcome = 3
    case groupInfo = 4
    case keyPackage = 5

    public var description: String {
        switch self {
        case .publicMessage: "mls_public_message"
        case .privateMessage: "mls_private_message"
        case .welcome: "mls_welcome"
        case .groupInfo: "mls_group_info"
        case .keyPackage: "mls_key_package"
        }
    }

    static let rule = "WireFormat must be mls_public_message(1), mls_private_message(2), mls_welcome(3), mls_group_info(4) or mls_key_package(5) (RFC 9420 §6)"
}
