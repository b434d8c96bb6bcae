import MIMIContent
import MIMIProtocol
import MLS
import MLSCrypto
import Results
import SimProviders
import TLSCodec
import Transport

/// The embedded world: a scenario played by the simulated hub, followers and clients of `SimProviders`
/// (draft-ietf-mimi-protocol-06), in-process or over loopback HTTP. Scenario names map to identifiers as
/// `mimi://<provider>/u/<user>`, `mimi://<provider>/d/<user>/<n>` and `mimi://<hub>/r/<room>`. Every action
/// delivers what it caused (fan-out, consent answers) before returning; the transcript and wire violations come
/// from ``WireInspector`` over the network's recorded exchanges.
public final class SimulatedWorld: ScenarioWorld {
    let scenario: Scenario
    let network: SimNetwork
    var rng: DeterministicRandom
    /// Sequence numbers of requests the harness forged itself (inject).
    var forged: Set<Int> = []
    /// Provider → message kind → mutation the next such message gets (tamper).
    var tampers: [String: [String: String]] = [:]
    /// Policies by room name.
    var policies: [String: RoleData] = [:]

    init(scenario: Scenario, network: SimNetwork, seed: UInt64) {
        self.scenario = scenario
        self.network = network
        var root = DeterministicRandom(seed: seed)
        rng = root.fork("scenario world")
    }

    deinit {
        let network = self.network
        Task { await network.shutdown() }
    }

    /// Builds the network for `scenario`: its providers, users (with their identifiers) and every client.
    static func make(for scenario: Scenario, seed: UInt64, kind: TransportKind) async throws -> SimulatedWorld {
        let network = try await SimNetwork.start(domains: scenario.providers.map(\.domain), kind: kind, seed: seed)
        let world = SimulatedWorld(scenario: scenario, network: network, seed: seed)
        for user in scenario.users {
            let provider = try network.provider(user.provider)
            let suite = try CipherSuite(user.suite ?? scenario.suite)
            for device in 1...max(user.devices, 1) {
                try await provider.addClient(world.uri(ClientRef(user: user.name, device: device)), suite: suite, keyPackages: 3)
            }
            let ids = user.identifiers
            await provider.addUser(SimUser(uri: world.uri(user: user.name), handle: ids["handle"] ?? "im:\(user.name)@\(user.provider)",
                                           displayName: ids["name"] ?? ids["partialName"] ?? user.name, email: ids["email"],
                                           phone: ids["phone"]))
        }
        return world
    }

    // MARK: Names

    var hub: String { scenario.hub?.domain ?? "" }

    func providerDomain(ofUser user: String) -> String { scenario.user(named: user)?.provider ?? "" }

    func uri(user: String) -> String { SimIdentifiers.user(user, at: providerDomain(ofUser: user)) }

    func uri(_ c: ClientRef) -> String { SimIdentifiers.client(c.user, device: String(c.device), at: providerDomain(ofUser: c.user)) }

    func roomURI(_ room: String) -> String { SimIdentifiers.room(room, at: hub) }

    func provider(_ c: ClientRef) throws -> SimProvider { try network.provider(providerDomain(ofUser: c.user)) }

    /// The scenario name of a user URI (its last path segment).
    func userName(_ uri: String) -> String { SimIdentifiers.localName(of: uri) ?? uri }

    /// The ClientRef of a client URI `mimi://p/d/user/n`.
    func clientRef(_ uri: String) -> ClientRef? {
        let parts = uri.split(separator: "/")
        guard parts.count >= 2, let n = Int(parts[parts.count - 1]) else { return nil }
        return ClientRef(user: String(parts[parts.count - 2]), device: n)
    }

    func roleIndex(_ name: String, room: String) -> UInt32? {
        RoomPolicies.index(of: name, in: policies[room] ?? RoomPolicies.strict)
    }

    // MARK: ScenarioWorld

    public func perform(_ action: WorldAction) async throws -> ActionOutcome {
        let outcome = try await run(action)
        await network.settle()
        return outcome
    }

    public func performConcurrently(_ actions: [WorldAction]) async throws -> [ActionOutcome] {
        var staged: [(index: Int, client: ClientRef, room: String, provider: SimProvider, output: CommitOutput)] = []
        var outcomes: [ActionOutcome?] = Array(repeating: nil, count: actions.count)
        for (i, action) in actions.enumerated() {
            for c in clientsNamed(in: action) { try await ensureClient(c) }
            switch try await stage(action) {
            case .staged(let client, let room, let provider, let output): staged.append((i, client, room, provider, output))
            case .done(let outcome): outcomes[i] = outcome
            case .notStageable: outcomes[i] = try await run(action)
            }
        }
        for s in staged {
            let flow = await s.provider.submitStaged(s.output, by: uri(s.client), room: roomURI(s.room))
            outcomes[s.index] = commitOutcome(flow, by: s.client, room: s.room, provider: s.provider)
        }
        await network.settle()
        return outcomes.map { $0 ?? ActionOutcome(code: "error", detail: "no outcome") }
    }

    public func observe(room: String) async throws -> RoomObservation {
        let view = await network.observe(room: roomURI(room))
        func participants(_ state: RoomState?) -> [String: String] {
            var out: [String: String] = [:]
            for (user, role) in state?.participantRoles ?? [:] { out[userName(user)] = role }
            return out
        }
        let clients = view.activeClients.compactMap { c -> ClientObservation? in
            guard let ref = clientRef(c.client) else { return nil }
            return ClientObservation(client: ref, provider: SimIdentifiers.domain(of: c.client) ?? "", epoch: c.epoch,
                                     epochAuthenticator: c.epochAuthenticator, members: c.members.compactMap(clientRef),
                                     participants: participants(c.state), receivedCount: c.received.count)
        }.sorted { $0.client < $1.client }
        return RoomObservation(room: room, hubEpoch: view.hubEpoch, members: view.hubMembers.compactMap(clientRef),
                               participants: participants(view.hubState), clients: clients)
    }

    public func received(by client: ClientRef, room: String) async throws -> [ReceivedMessage] {
        guard let c = await (try provider(client)).client(uri(client)), let r = c.rooms[roomURI(room)] else { return [] }
        return r.received.compactMap { m in
            guard let sender = clientRef(m.sender), let content = try? ContentDecoder.decode(m.content),
                  let semantics = SimulatedContent.semantics(content) else { return nil }
            return ReceivedMessage(messageId: m.messageID, sender: sender, content: semantics)
        }
    }

    public func transcript() async -> [TranscriptEntry] {
        WireInspector().inspect(network.exchanges(), forged: forged).transcript
    }

    public func violations() async -> [WireViolation] {
        WireInspector().inspect(network.exchanges(), forged: forged).violations
    }
}

/// Makes a ``SimulatedWorld`` per scenario run over one transport.
public struct SimulatedWorldFactory: ScenarioWorldFactory {
    public let kind: TransportKind

    public init(kind: TransportKind) { self.kind = kind }

    public var name: String { "sim-\(kind.rawValue)" }

    public func implementations(for scenario: Scenario) -> [String: String] {
        Dictionary(scenario.providers.map { ($0.domain, name) }, uniquingKeysWith: { a, _ in a })
    }

    public func makeWorld(for scenario: Scenario, seed: UInt64) async throws -> any ScenarioWorld {
        try await SimulatedWorld.make(for: scenario, seed: seed, kind: kind)
    }
}
