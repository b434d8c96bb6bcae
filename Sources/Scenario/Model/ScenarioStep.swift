/// One step of a scenario: an action or an expectation, with where it was written and what it must yield.
///
/// `expectReject` names the response code the step must be refused with (e.g. `wrongEpoch`, `notAllowed`:
/// draft-ietf-mimi-protocol-06 UpdateResponseCode and SubmitResponseCode); a refused step must change nothing.
public struct ScenarioStep: Sendable, Hashable {
    public var index: Int
    public var location: SourceLocation
    public var action: StepAction
    public var expectReject: String?
    /// HTTP status the step's request must be answered with.
    public var expectStatus: Int?
    public var note: String?

    public init(index: Int, location: SourceLocation, action: StepAction, expectReject: String? = nil,
                expectStatus: Int? = nil, note: String? = nil) {
        self.index = index
        self.location = location
        self.action = action
        self.expectReject = expectReject
        self.expectStatus = expectStatus
        self.note = note
    }

    /// `step 3 (add-user at flows/x.yaml:12:5)`.
    public var label: String { "step \(index + 1) (\(action.kind.rawValue) at \(location))" }
}

/// The step names of the scenario format. The JSON Schema (Scenarios/schema.json) lists the same names; a test
/// keeps the two in agreement.
public enum StepKind: String, Sendable, CaseIterable, Hashable, Codable {
    case createRoom = "create-room"
    case addUser = "add-user"
    case addDevice = "add-device"
    case removeUser = "remove-user"
    case leave
    case ban
    case unban
    case changeRole = "change-role"
    case update
    case externalJoin = "external-join"
    case rejoin
    case send
    case consent
    case identifierQuery = "identifier-query"
    case reportAbuse = "report-abuse"
    case inject
    case tamper
    case concurrent
    case expect
    case expectReceived = "expect-received"
    case expectNotReceived = "expect-not-received"

    /// Whether the step asks something of the world (as opposed to checking what the world looks like).
    public var isAction: Bool {
        switch self {
        case .expect, .expectReceived, .expectNotReceived: return false
        default: return true
        }
    }
}

/// What a step does. Room and user names refer to the scenario's declarations; message labels refer to earlier
/// `send` steps. The loader validates every reference before anything runs.
public indirect enum StepAction: Sendable, Hashable {
    case createRoom(by: ClientRef, room: String, policy: String)
    case addUser(by: ClientRef, room: String, user: String)
    case addDevice(by: ClientRef, room: String, device: ClientRef)
    case removeUser(by: ClientRef, room: String, user: String)
    /// The leaver proposes its own removal; `committer` (another member) commits the proposals.
    case leave(by: ClientRef, room: String, committer: ClientRef?)
    case ban(by: ClientRef, room: String, user: String)
    case unban(by: ClientRef, room: String, user: String)
    case changeRole(by: ClientRef, room: String, user: String, role: String)
    /// An empty commit with an UpdatePath (RFC 9420 §12.4): advances the epoch.
    case update(by: ClientRef, room: String)
    /// A new client joins by external commit after fetching the GroupInfo (protocol -06 "External join").
    case externalJoin(by: ClientRef, room: String)
    /// A client that lost its state rejoins by external commit, removing its prior leaf (RFC 9420 §12.4.3.2).
    case rejoin(by: ClientRef, room: String)
    case send(SendStep)
    case consent(ConsentStep)
    case identifierQuery(IdentifierQueryStep)
    case reportAbuse(by: ClientRef, room: String, message: String, note: String?)
    case inject(InjectStep)
    case tamper(TamperStep)
    /// Actions prepared against the same state and submitted in order (e.g. two commits for one epoch).
    case concurrent([ScenarioStep])
    case expect(ExpectStep)
    case expectReceived(room: String, by: [ClientRef], message: String)
    case expectNotReceived(room: String, by: [ClientRef], message: String)

    public var kind: StepKind {
        switch self {
        case .createRoom: return .createRoom
        case .addUser: return .addUser
        case .addDevice: return .addDevice
        case .removeUser: return .removeUser
        case .leave: return .leave
        case .ban: return .ban
        case .unban: return .unban
        case .changeRole: return .changeRole
        case .update: return .update
        case .externalJoin: return .externalJoin
        case .rejoin: return .rejoin
        case .send: return .send
        case .consent: return .consent
        case .identifierQuery: return .identifierQuery
        case .reportAbuse: return .reportAbuse
        case .inject: return .inject
        case .tamper: return .tamper
        case .concurrent: return .concurrent
        case .expect: return .expect
        case .expectReceived: return .expectReceived
        case .expectNotReceived: return .expectNotReceived
        }
    }

    /// The room the step acts on, when it has one.
    public var room: String? {
        switch self {
        case .createRoom(_, let r, _), .addUser(_, let r, _), .addDevice(_, let r, _), .removeUser(_, let r, _),
             .leave(_, let r, _), .ban(_, let r, _), .unban(_, let r, _), .changeRole(_, let r, _, _),
             .update(_, let r), .externalJoin(_, let r), .rejoin(_, let r), .reportAbuse(_, let r, _, _),
             .expectReceived(let r, _, _), .expectNotReceived(let r, _, _):
            return r
        case .send(let s): return s.room
        case .consent(let c): return c.room
        case .inject(let i): return i.room
        case .expect(let e): return e.room
        case .identifierQuery, .tamper, .concurrent: return nil
        }
    }

    /// The client that performs the step, when one does.
    public var actor: ClientRef? {
        switch self {
        case .createRoom(let b, _, _), .addUser(let b, _, _), .addDevice(let b, _, _), .removeUser(let b, _, _),
             .leave(let b, _, _), .ban(let b, _, _), .unban(let b, _, _), .changeRole(let b, _, _, _),
             .update(let b, _), .externalJoin(let b, _), .rejoin(let b, _), .reportAbuse(let b, _, _, _):
            return b
        case .send(let s): return s.by
        default: return nil
        }
    }
}

/// `expect`: the state every member client (and the hub) must agree on.
public struct ExpectStep: Sendable, Hashable {
    public var room: String
    public var epoch: UInt64?
    /// The MLS group members (clients), in any order.
    public var members: [ClientRef]?
    /// The participant list (draft-ietf-mimi-protocol-06 participant_list): user → role name.
    public var participants: [String: String]?
    /// Whose view to check; all current members when absent.
    public var by: [ClientRef]?

    public init(room: String, epoch: UInt64? = nil, members: [ClientRef]? = nil, participants: [String: String]? = nil,
                by: [ClientRef]? = nil) {
        self.room = room
        self.epoch = epoch
        self.members = members
        self.participants = participants
        self.by = by
    }
}

/// `consent`: a consent operation between two users of different providers (protocol -06 "Consent").
public struct ConsentStep: Sendable, Hashable {
    /// ConsentOperation: `request` and `cancel` travel on /requestConsent, `grant` and `revoke` on /updateConsent.
    public enum Operation: String, Sendable, Hashable, CaseIterable { case cancel, request, grant, revoke }
    public var operation: Operation
    public var requester: String
    public var target: String
    public var room: String?

    public init(operation: Operation, requester: String, target: String, room: String? = nil) {
        self.operation = operation
        self.requester = requester
        self.target = target
        self.room = room
    }
}

/// `identifier-query`: a user's provider asks another provider to resolve identifiers (protocol -06).
public struct IdentifierQueryStep: Sendable, Hashable {
    /// SearchIdentifierType names: handle, nick, email, phone, partialName, wholeProfile.
    public static let searchTypes = ["handle", "nick", "email", "phone", "partialName", "wholeProfile"]
    public var by: String
    public var domain: String
    /// (searchType, searchValue) pairs; all must match.
    public var query: [QueryTerm]
    /// IdentifierQueryCode expected (`success` when absent).
    public var expectCode: String?
    /// Users whose URIs must be returned.
    public var expectFound: [String]?

    public struct QueryTerm: Sendable, Hashable {
        public var type: String
        public var value: String
        public init(type: String, value: String) {
            self.type = type
            self.value = value
        }
    }

    public init(by: String, domain: String, query: [QueryTerm], expectCode: String? = nil, expectFound: [String]? = nil) {
        self.by = by
        self.domain = domain
        self.query = query
        self.expectCode = expectCode
        self.expectFound = expectFound
    }
}

/// `inject`: a raw request from one provider to another, bypassing the simulated implementation's own logic,
/// to test how the receiver handles malformed or replayed input.
public struct InjectStep: Sendable, Hashable {
    /// The directory endpoint names of protocol -06.
    public static let endpoints = ["keyMaterial", "update", "notify", "submitMessage", "groupInfo", "requestConsent",
                                   "updateConsent", "identifierQuery", "reportAbuse"]
    public enum Body: Sendable, Hashable {
        /// Exactly these bytes.
        case hex([UInt8])
        /// The body of the last transcript entry sent to this endpoint, resent byte for byte (duplicate delivery).
        case replayLast
        /// The last body sent to this endpoint, cut to `count` bytes.
        case truncateLast(Int)
        /// The last body sent to this endpoint with extra bytes appended.
        case appendToLast([UInt8])
    }
    public var from: String
    public var to: String
    public var endpoint: String
    public var room: String?
    public var body: Body

    public init(from: String, to: String, endpoint: String, room: String?, body: Body) {
        self.from = from
        self.to = to
        self.endpoint = endpoint
        self.room = room
        self.body = body
    }
}

/// `tamper`: the next message of one kind that `party` sends across a provider boundary is altered in flight.
/// Only the kinds the embedded world can alter are accepted, so that no scenario tampers with nothing.
public struct TamperStep: Sendable, Hashable {
    public static let messages = ["commit", "proposal", "application"]
    public static let mutations = ["flip-signature", "flip-membership-tag", "flip-confirmation-tag", "flip-ciphertext",
                                   "wrong-epoch", "truncate"]
    public var party: String
    public var message: String
    public var mutation: String

    public init(party: String, message: String, mutation: String) {
        self.party = party
        self.message = message
        self.mutation = mutation
    }
}
