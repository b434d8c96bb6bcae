import MIMIProtocol
import MLS

/// Everything the hub keeps for one room it hosts (draft-ietf-mimi-protocol-06 §"Hub"): the room state, the public
/// MLS group state, the proposals the next commit must include, and where Welcomes go.
public struct HubRoom: Sendable {
    public let roomID: IdentifierUri
    public var state: RoomState
    public var group: PublicGroupState
    /// Proposals accepted through /update and not yet committed (the leave flow): the next commit must include
    /// every one of them by reference.
    public var pendingProposals: [PendingHubProposal] = []
    /// KeyPackageRef → provider domain, learnt when /keyMaterial responses pass through the hub (§"Fetch Key
    /// Material"), so the Welcome that uses the package goes to that provider.
    public var keyPackageRoutes: [[UInt8]: String] = [:]
    /// Accepted application messages (the hub's timestamp order).
    public var acceptedMessages = 0
    /// Answers already given to accepted application messages, by the encoded MLSMessage: a retried
    /// /submitMessage gets the same answer and is not fanned out twice (§"Submit a Message": senders retry).
    public var submitted: [[UInt8]: SubmitMessageResponse] = [:]

    public init(roomID: IdentifierUri, state: RoomState, group: PublicGroupState) {
        self.roomID = roomID
        self.state = state
        self.group = group
    }

    /// The client URI of a member leaf (the identity of its basic credential).
    public func client(atLeaf index: UInt32) -> String? {
        group.leaf(index).flatMap { HubRoom.clientURI(of: $0.credential) }
    }

    /// The client URIs of all members, by leaf index.
    public var memberClients: [(index: UInt32, client: String)] {
        group.members.compactMap { m in HubRoom.clientURI(of: m.leaf.credential).map { (m.index, $0) } }
    }

    /// Users with at least one client in the group.
    public var activeUsers: Set<String> {
        Set(memberClients.compactMap { SimIdentifiers.user(ofClient: $0.client) })
    }

    /// Provider domains with at least one member client.
    public var memberDomains: Set<String> {
        Set(memberClients.compactMap { SimIdentifiers.domain(of: $0.client) })
    }

    /// The client URI a credential names: the identity of a basic credential, as UTF-8.
    public static func clientURI(of credential: Credential) -> String? {
        guard case .basic(let identity) = credential else { return nil }
        return String(validating: identity, as: UTF8.self)
    }
}

/// A proposal the hub accepted and holds for the next commit.
public struct PendingHubProposal: Sendable, Hashable {
    public var ref: [UInt8]
    public var message: MLSMessage
    public var proposal: Proposal
    /// The proposal's sender (a member leaf of the epoch).
    public var sender: Sender
    public var proposerUser: String
    public var acceptedTime: UInt64
}
