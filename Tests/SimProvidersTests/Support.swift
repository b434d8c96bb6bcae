import MIMIContent
import MIMIProtocol
import MLSCrypto
import SimProviders
import Transport

/// The draft's three providers: hub a.example (alice), followers b.example (bob) and c.example (cathy).
struct ThreeProviders {
    static let room = "mimi://a.example/r/clubhouse"
    static let alice = "mimi://a.example/u/alice"
    static let bob = "mimi://b.example/u/bob"
    static let cathy = "mimi://c.example/u/cathy"
    static let alice1 = "mimi://a.example/d/alice/1"
    static let bob1 = "mimi://b.example/d/bob/1"
    static let cathy1 = "mimi://c.example/d/cathy/1"
    static let cathy2 = "mimi://c.example/d/cathy/2"

    let network: SimNetwork
    let a: SimProvider
    let b: SimProvider
    let c: SimProvider
    let suite: CipherSuite

    static func start(_ kind: TransportKind, suite id: UInt16, seed: UInt64 = 7) async throws -> ThreeProviders {
        let network = try await SimNetwork.start(domains: ["a.example", "b.example", "c.example"], kind: kind, seed: seed)
        let suite = try CipherSuite(id)
        let a = try network.provider("a.example"), b = try network.provider("b.example"), c = try network.provider("c.example")
        try await a.addClient(alice1, suite: suite)
        try await b.addClient(bob1, suite: suite)
        try await c.addClient(cathy1, suite: suite)
        return ThreeProviders(network: network, a: a, b: b, c: c, suite: suite)
    }

    /// Create room, alice adds bob.
    func roomWithTwo() async throws {
        try await a.createRoom(Self.room, by: Self.alice1, roles: RoomPolicies.cooperative, creatorRole: RoomPolicies.admin)
        let addBob = try await a.addUser(Self.bob, role: RoomPolicies.regular, to: Self.room, by: Self.alice1)
        guard addBob.accepted else { throw SetupFailure(step: "alice adds bob", outcome: addBob) }
        await network.settle()
    }

    /// Create room, alice adds bob, bob adds cathy.
    func roomWithThree() async throws {
        try await a.createRoom(Self.room, by: Self.alice1, roles: RoomPolicies.cooperative, creatorRole: RoomPolicies.admin)
        let addBob = try await a.addUser(Self.bob, role: RoomPolicies.regular, to: Self.room, by: Self.alice1)
        guard addBob.accepted else { throw SetupFailure(step: "alice adds bob", outcome: addBob) }
        await network.settle()
        let addCathy = try await b.addUser(Self.cathy, role: RoomPolicies.regular, to: Self.room, by: Self.bob1)
        guard addCathy.accepted else { throw SetupFailure(step: "bob adds cathy", outcome: addCathy) }
        await network.settle()
    }

    static func text(_ s: String, from user: String, salt: UInt8 = 1) -> MimiContent {
        MimiContent(salt: [UInt8](repeating: salt, count: 16), extensions: MimiExtensions(senderUri: user, roomUri: room),
                    nestedPart: NestedPart(disposition: .render, language: "", body: .single(SinglePart(contentType: "text/plain;charset=utf-8",
                                                                                                        content: Array(s.utf8)))))
    }
}

/// Every (transport, suite) pair the flow tests run over.
let transportsAndSuites: [(TransportKind, UInt16)] = [(.inprocess, 1), (.inprocess, 2), (.http, 1), (.http, 2)]

struct SetupFailure: Error, CustomStringConvertible {
    var step: String
    var outcome: FlowOutcome
    var description: String { "\(step): \(outcome.code) \(outcome.detail)" }
}
