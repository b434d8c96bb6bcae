/// Why a simulated provider or client operation could not be carried out (as opposed to a protocol refusal, which
/// is an answer with its code).
public enum SimError: Error, Hashable, Sendable, CustomStringConvertible {
    case notHub(room: String, domain: String)
    case roomExists(String)
    case unknownRoom(String)
    case unknownClient(String)
    case unknownUser(String)
    case malformedRoomState(String)
    case rejected(String)
    case mls(String)
    case transport(String)
    case unexpectedResponse(String)

    public var description: String {
        switch self {
        case .notHub(let room, let domain): "\(domain) is not the hub of \(room)"
        case .roomExists(let r): "room \(r) already exists"
        case .unknownRoom(let r): "unknown room \(r)"
        case .unknownClient(let c): "unknown client \(c)"
        case .unknownUser(let u): "unknown user \(u)"
        case .malformedRoomState(let r): "room \(r) has no well-formed participant_list and roles_list"
        case .rejected(let why): "rejected: \(why)"
        case .mls(let why): "MLS: \(why)"
        case .transport(let why): "transport: \(why)"
        case .unexpectedResponse(let why): "unexpected response: \(why)"
        }
    }
}
