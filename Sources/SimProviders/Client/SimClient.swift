import MIMIContent
import MIMIProtocol
import MLS
import MLSCrypto
import TLSCodec

/// A simulated MIMI client: an MLS member (RFC 9420, the group engine of `MLS`) of the rooms its user is in,
/// sending MIMI content (draft-ietf-mimi-content). It lives inside its provider; client ↔ own-provider traffic is
/// provider-internal (draft-ietf-mimi-protocol-06 §"Roles").
public struct SimClient: Sendable {
    public let uri: String
    public let user: String
    public let suite: CipherSuite
    var identity: SigningIdentity
    var rng: DeterministicRandom
    /// KeyPackages published and not yet used, by KeyPackageRef.
    var keyPackageBundles: [[UInt8]: KeyPackageBundle] = [:]
    public internal(set) var rooms: [String: ClientRoom] = [:]
    /// Encoded MLSMessages this client sent (it ignores their fan-out echo).
    var sent: Set<[UInt8]> = []
    /// Messages the client could not process, for diagnostics.
    public internal(set) var errors: [String] = []

    init(uri: String, suite: CipherSuite, rng: DeterministicRandom) throws {
        guard let user = SimIdentifiers.user(ofClient: uri) else { throw SimError.unknownClient(uri) }
        self.uri = uri
        self.user = user
        self.suite = suite
        var r = rng
        identity = try SigningIdentity.basic(Array(uri.utf8), suite: suite, using: &r)
        self.rng = r
    }

    /// The leaf capabilities: the defaults plus what MIMI rooms need (draft-ietf-mls-extensions: the
    /// app_data_dictionary extension, AppDataUpdate and SelfRemove proposals).
    var capabilities: Capabilities {
        var c = KeyPackageBundle.defaultCapabilities(suite: suite)
        c.extensions.append(.appDataDictionary)
        c.proposals += [.appDataUpdate, .selfRemove]
        return c
    }

    /// Makes a KeyPackage valid over `lifetime`, keeping its private keys.
    mutating func makeKeyPackage(lifetime: Lifetime) throws -> KeyPackage {
        let bundle = try KeyPackageBundle.make(suite: suite, identity: identity, capabilities: capabilities, lifetime: lifetime,
                                               using: &rng)
        keyPackageBundles[suite.makeKeyPackageRef(bundle.keyPackage.tlsEncoded)] = bundle
        return bundle.keyPackage
    }

    /// The epoch authenticator of the client's group for `room` (RFC 9420 §8.7).
    public func epochAuthenticator(room: String) -> [UInt8]? { rooms[room]?.group.epochAuthenticator }
}

/// A client's state for one room: its MLS group, the proposals it has seen this epoch with who proposed them, and
/// the application messages it received.
public struct ClientRoom: Sendable {
    public internal(set) var group: MLSGroup
    /// ProposalRef → proposal and proposing user, for resolving a Commit's references.
    var proposals: [[UInt8]: CachedClientProposal] = [:]
    public internal(set) var received: [ReceivedApplication] = []

    /// The room state as the GroupContext's app_data_dictionary holds it.
    public var state: RoomState? { RoomState.from(extensions: group.groupContext.extensions) }
    public var epoch: UInt64 { group.epoch }

    /// Client URIs of the group's members, by leaf order.
    public var memberClients: [String] { group.members.compactMap { HubRoom.clientURI(of: $0.leaf.credential) } }
}

/// A proposal a client saw in the current epoch, with the user who proposed it.
struct CachedClientProposal: Sendable {
    var proposal: Proposal
    var proposer: String
}

/// An application message a client received and decoded.
public struct ReceivedApplication: Sendable, Hashable {
    public var sender: String
    public var timestamp: UInt64
    /// The MIMI content bytes (application_data).
    public var content: [UInt8]
    public var messageID: [UInt8]
    public var frank: Frank?
    /// Whether the frank verified at this receiver (draft-ietf-mimi-protocol-06 §"Franking"): suite, hub
    /// signature with the franking key from the GroupContext, sender and room URIs in the content; nil without frank.
    public var frankVerified: Bool?
}
