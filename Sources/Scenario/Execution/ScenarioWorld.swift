import Results

/// The seam between the scenario runner and whatever plays the providers and clients: the embedded simulated
/// hub and followers (in-process or over loopback HTTP), or remote implementations bound to a role.
///
/// The executor drives a world one action at a time, then observes it. A world must be deterministic: given the
/// same scenario and seed it produces the same transcript, byte for byte (DEVELOPERS.md, "Determinism").
/// A protocol-level refusal is not an error: it is an ``ActionOutcome`` with its code. `throws` is for the world
/// itself breaking (the case then ends with status `error`).
public protocol ScenarioWorld: AnyObject {
    /// Performs one action and delivers everything it caused (fan-out, Welcomes) before returning.
    func perform(_ action: WorldAction) async throws -> ActionOutcome
    /// Prepares every action against the same state, then submits them in order (two commits for one epoch: the
    /// hub accepts the first and answers the second `wrongEpoch`). One outcome per action, in order.
    func performConcurrently(_ actions: [WorldAction]) async throws -> [ActionOutcome]
    /// The hub's and every member client's view of a room.
    func observe(room: String) async throws -> RoomObservation
    /// The application messages `client` has received and decoded in `room`, in delivery order.
    func received(by client: ClientRef, room: String) async throws -> [ReceivedMessage]
    /// Every message that crossed a provider boundary so far, in order. A world that records its HTTP traffic with
    /// Transport's `ExchangeRecorder` gets this from ``WireInspector/inspect(_:forged:)``.
    func transcript() async -> [TranscriptEntry]
    /// Messages that failed the harness's own decoding and validation, in transcript order. The first one fails the
    /// case and is blamed on its sender. Messages the harness itself forged (`inject`, `tamper`) are not violations;
    /// ``WireInspector`` takes their sequence numbers as `forged`.
    func violations() async -> [WireViolation]
}

/// Makes a fresh world for one scenario run.
public protocol ScenarioWorldFactory: Sendable {
    /// Short name recorded in results (e.g. `sim-inprocess`).
    var name: String { get }
    /// Which implementation plays each provider, recorded in results and the report's matrix.
    func implementations(for scenario: Scenario) -> [String: String]
    func makeWorld(for scenario: Scenario, seed: UInt64) async throws -> any ScenarioWorld
}

/// One action, with every reference resolved: message labels are replaced by message IDs.
public enum WorldAction: Sendable, Hashable {
    case createRoom(by: ClientRef, room: String, policy: String)
    case addUser(by: ClientRef, room: String, user: String)
    case addDevice(by: ClientRef, room: String, device: ClientRef)
    case removeUser(by: ClientRef, room: String, user: String)
    case leave(by: ClientRef, room: String, committer: ClientRef?)
    case ban(by: ClientRef, room: String, user: String)
    case unban(by: ClientRef, room: String, user: String)
    case changeRole(by: ClientRef, room: String, user: String, role: String)
    case update(by: ClientRef, room: String)
    case externalJoin(by: ClientRef, room: String)
    case rejoin(by: ClientRef, room: String)
    case send(by: ClientRef, room: String, content: ContentSemantics, frank: Bool)
    case consent(ConsentStep)
    case identifierQuery(IdentifierQueryStep)
    case reportAbuse(by: ClientRef, room: String, messageId: [UInt8], note: String?)
    case inject(InjectStep)
    case tamper(TamperStep)

    /// Whether the action, when accepted, produces an MLS commit (and so a new epoch) in its room.
    public var commits: Bool {
        switch self {
        case .addUser, .addDevice, .removeUser, .leave, .ban, .update, .externalJoin, .rejoin, .changeRole, .unban:
            return true
        default:
            return false
        }
    }
}

/// What came of one action.
public struct ActionOutcome: Sendable, Hashable {
    /// `success`, or the refusal code by name (see ``ResponseCodes``).
    public var code: String
    /// HTTP status of the decisive response, when the action made an HTTP request.
    public var httpStatus: Int?
    /// The party whose answer decided the outcome (e.g. the hub `a.example`): blamed when the verdict is wrong.
    public var respondent: String?
    /// For an accepted commit: who committed it and the epoch it created.
    public var commit: CommitInfo?
    /// For an accepted send: the message ID and the content as actually encoded (salt excluded).
    public var sent: SentMessage?
    /// For an identifier query: the user URIs found.
    public var found: [String]?
    /// Free text shown in reports (e.g. the errorDescription of an UpdateRoomResponse).
    public var detail: String?

    public init(code: String = ResponseCodes.success, httpStatus: Int? = nil, respondent: String? = nil,
                commit: CommitInfo? = nil, sent: SentMessage? = nil, found: [String]? = nil, detail: String? = nil) {
        self.code = code
        self.httpStatus = httpStatus
        self.respondent = respondent
        self.commit = commit
        self.sent = sent
        self.found = found
        self.detail = detail
    }

    public var accepted: Bool { code == ResponseCodes.success }
}

/// An accepted commit.
public struct CommitInfo: Sendable, Hashable {
    public var room: String
    public var committer: ClientRef
    public var epoch: UInt64
    public init(room: String, committer: ClientRef, epoch: UInt64) {
        self.room = room
        self.committer = committer
        self.epoch = epoch
    }
}

/// A message as sent: its ID (draft-ietf-mimi-content-08 §"Message ID") and semantics.
public struct SentMessage: Sendable, Hashable {
    public var messageId: [UInt8]
    public var content: ContentSemantics
    public init(messageId: [UInt8], content: ContentSemantics) {
        self.messageId = messageId
        self.content = content
    }
}

/// A message as a client received and decoded it.
public struct ReceivedMessage: Sendable, Hashable {
    public var messageId: [UInt8]
    public var sender: ClientRef
    public var content: ContentSemantics
    public init(messageId: [UInt8], sender: ClientRef, content: ContentSemantics) {
        self.messageId = messageId
        self.sender = sender
        self.content = content
    }
}

/// The state of one room as the hub and each member client see it.
public struct RoomObservation: Sendable, Hashable {
    public var room: String
    /// The hub's epoch for the room's group; nil when the room does not exist.
    public var hubEpoch: UInt64?
    /// The hub's MLS group members.
    public var members: [ClientRef]
    /// The hub's participant list: user → role name.
    public var participants: [String: String]
    /// One entry per client that holds state for the room, sorted by client.
    public var clients: [ClientObservation]

    public init(room: String, hubEpoch: UInt64?, members: [ClientRef], participants: [String: String],
                clients: [ClientObservation]) {
        self.room = room
        self.hubEpoch = hubEpoch
        self.members = members
        self.participants = participants
        self.clients = clients
    }
}

/// One client's view of a room's group (RFC 9420 §8.7 epoch_authenticator included).
public struct ClientObservation: Sendable, Hashable {
    public var client: ClientRef
    /// The domain of the client's provider.
    public var provider: String
    public var epoch: UInt64
    public var epochAuthenticator: [UInt8]
    public var members: [ClientRef]
    public var participants: [String: String]
    /// How many application messages the client has received in the room.
    public var receivedCount: Int

    public init(client: ClientRef, provider: String, epoch: UInt64, epochAuthenticator: [UInt8], members: [ClientRef],
                participants: [String: String], receivedCount: Int) {
        self.client = client
        self.provider = provider
        self.epoch = epoch
        self.epochAuthenticator = epochAuthenticator
        self.members = members
        self.participants = participants
        self.receivedCount = receivedCount
    }
}

/// A message that failed the harness's decoding or validation, with the party that sent it.
public struct WireViolation: Sendable, Hashable {
    /// Index of the offending ``TranscriptEntry``.
    public var transcriptIndex: Int
    public var sender: String
    public var message: String
    /// Registry id or citation of the rule broken.
    public var requirement: String
    public init(transcriptIndex: Int, sender: String, message: String, requirement: String) {
        self.transcriptIndex = transcriptIndex
        self.sender = sender
        self.message = message
        self.requirement = requirement
    }
}
