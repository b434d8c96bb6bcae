import MIMIProtocol
import MLS
import MLSCrypto
import TLSCodec
import Transport

/// A simulated MIMI provider (draft-ietf-mimi-protocol-06): the hub of the rooms whose URI names its domain and a
/// follower in every other room one of its users is in. It serves the MIMI endpoints as an ``HTTPHandler`` and
/// reaches other providers through an ``HTTPTransport`` (in-process or loopback HTTP, the same code path), and
/// holds its users' simulated clients, whose traffic with their own provider is provider-internal (§"Roles").
///
/// Determinism: all randomness comes from one ``DeterministicRandom`` and all time from an injected ``SimClock``;
/// outgoing fan-out waits in an outbox until ``flushOutbox()``, which the network calls in a fixed order.
public actor SimProvider: HTTPHandler {
    public let domain: String
    public let configuration: ProviderConfiguration
    let clock: SimClock
    var rng: DeterministicRandom
    var transport: (any HTTPTransport)?
    /// Directories of peer providers by domain; peers not listed use the standard layout at `https://<domain>`.
    var directories: [String: DirectoryDocument] = [:]

    // Hub side.
    var rooms: [String: HubRoom] = [:]
    var hubKeys: [UInt16: (privateKey: [UInt8], publicKey: [UInt8])] = [:]
    var frankingKey: [UInt8]
    var abuseReports: [AbuseReport] = []

    // Follower side.
    var keyPackages = KeyPackageStore()
    var seenNotify: SeenBodies
    var users: [String: SimUser] = [:]
    var clients: [String: SimClient] = [:]
    var consentRequests: [ConsentScope] = []
    var consentGrants: [ConsentScope: [KeyPackage]] = [:]
    /// (requester, target) pairs whose consent one of this provider's users revoked.
    var consentRevoked: Set<[String]> = []
    /// Fan-out and other messages waiting to be sent, in order.
    var outbox: [OutgoingRequest] = []
    /// Mutations to apply to this provider's next outgoing message of a kind (commit, proposal, application).
    var tampers: [String: String] = [:]
    /// Requests this provider refused or could not decode, for diagnostics.
    public private(set) var refusals: [String] = []

    public init(domain: String, seed: UInt64, clock: SimClock, configuration: ProviderConfiguration = ProviderConfiguration()) {
        self.domain = domain.lowercased()
        self.configuration = configuration
        self.clock = clock
        var root = DeterministicRandom(seed: seed)
        var mine = root.fork("provider " + domain.lowercased())
        frankingKey = mine.bytes(32)
        rng = mine
        seenNotify = SeenBodies(capacity: configuration.notifyDedupWindow)
    }

    /// Connects the provider to the network: the transport it sends through.
    public func connect(_ transport: any HTTPTransport) { self.transport = transport }

    /// Sets the directory of a peer provider.
    public func setDirectory(_ directory: DirectoryDocument, for peer: String) { directories[peer.lowercased()] = directory }

    /// This provider's own directory document (served at /.well-known/mimi-protocol-directory).
    public var directory: DirectoryDocument { DirectoryDocument.standard(base: "https://\(domain)") }

    func directory(of peer: String) -> DirectoryDocument {
        directories[peer] ?? DirectoryDocument.standard(base: "https://\(peer)")
    }

    /// The hub's credential: a basic credential naming the provider (`mimi://<domain>`).
    var hubCredential: Credential { .basic(identity: Array("mimi://\(domain)".utf8)) }

    /// The hub's signature key pair for a cipher suite (external sender key, GroupInfo responses, franking).
    func hubKey(for suite: CipherSuite) throws -> (privateKey: [UInt8], publicKey: [UInt8]) {
        if let k = hubKeys[suite.id] { return k }
        var r = rng.fork("hub signature key \(suite.id)")
        let k = try suite.generateSignatureKeyPair(using: &r)
        hubKeys[suite.id] = k
        return k
    }

    /// The hub's ExternalSender entry for a suite (RFC 9420 §12.1.8.1), which every room's group must list.
    public func hubExternalSender(suite: CipherSuite) throws -> ExternalSender {
        ExternalSender(signatureKey: try hubKey(for: suite).publicKey, credential: hubCredential)
    }

    /// The franking agent data (FrankingAgentData) this hub publishes for a suite.
    public func frankingAgent(suite: CipherSuite) throws -> FrankingAgentData {
        FrankingAgentData(frankingSignatureKey: try hubKey(for: suite).publicKey, credential: hubCredential)
    }

    func refuse(_ reason: String) { refusals.append(reason) }

    /// Corrupts this provider's next outgoing `message` (commit, proposal or application) with `mutation`.
    public func tamperNext(_ message: String, mutation: String) { tampers[message] = mutation }

    func takeTamper(_ message: String) -> String? { tampers.removeValue(forKey: message) }

    // MARK: Observations

    /// The hub's view of a room it hosts.
    public func hubRoom(_ roomID: String) -> HubRoom? { rooms[roomID] }

    /// Abuse reports this hub accepted.
    public var acceptedAbuseReports: [AbuseReport] { abuseReports }

    /// The local client, if any.
    public func client(_ uri: String) -> SimClient? { clients[uri] }

    /// All local clients, sorted by URI.
    public var allClients: [SimClient] { clients.keys.sorted().compactMap { clients[$0] } }

    /// How many packages `client` of `user` still has on offer.
    public func availableKeyPackages(client: String, user: String) -> Int { keyPackages.available(client: client, of: user) }

    /// Consent scopes granted to this provider's users.
    public var grantedConsents: [ConsentScope] { consentGrants.keys.sorted { $0.tlsEncoded.lexicographicallyPrecedes($1.tlsEncoded) } }

    /// Consent requests this provider's users received.
    public var receivedConsentRequests: [ConsentScope] { consentRequests }

    /// How many distinct /notify bodies this provider processed.
    public var processedNotifyCount: Int { seenNotify.count }
}

/// A user of a simulated provider, with the profile /identifierQuery searches (draft-ietf-mimi-protocol-06
/// §"Identifier Query").
public struct SimUser: Sendable, Hashable {
    public var uri: String
    /// `im:` handle, e.g. `im:alice@a.example`.
    public var handle: String
    public var displayName: String
    public var email: String?
    public var phone: String?
    /// Whether a requester needs this user's consent before fetching KeyPackages (§"Consent").
    public var requiresConsent: Bool
    /// Whether a consent request is granted at once (the simulated user's answer).
    public var grantsConsent: Bool

    public init(uri: String, handle: String, displayName: String, email: String? = nil, phone: String? = nil,
                requiresConsent: Bool = false, grantsConsent: Bool = true) {
        self.uri = uri
        self.handle = handle
        self.displayName = displayName
        self.email = email
        self.phone = phone
        self.requiresConsent = requiresConsent
        self.grantsConsent = grantsConsent
    }
}

/// A request waiting in a provider's outbox.
struct OutgoingRequest: Sendable {
    var target: String
    var url: String
    var body: [UInt8]
    /// For a fan-out to this provider's own clients: the room (delivered without HTTP).
    var localRoom: String? = nil
}
