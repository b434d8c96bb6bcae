/// `ContentType` (RFC 9420 §6): `application(1)`, `proposal(2)` or `commit(3)`; other values are rejected.
public enum ContentType: UInt8, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case application = 1
    case proposal = 2
    case commit = 3

    public var description: String {
        switch self {
        case .application: "application"
        case .proposal: "proposal"
        case .commit: "commit"
        }
    }

    static let rule = "ContentType must be application(1), proposal(2) or commit(3) (RFC 9420 §6)"
}
