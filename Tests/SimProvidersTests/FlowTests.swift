import MIMIContent
import MIMIProtocol
import SimProviders
import Testing
import Transport

/// The draft's example flows end to end (draft-ietf-mimi-protocol-06 §"Example flows"), over both transports and
/// cipher suites 1 and 2: after every commit all clients agree with each other and with the hub.
@Suite("Flows")
struct FlowTests {
    @Test("create room, hub user adds a follower user, follower user adds a third-provider user", arguments: transportsAndSuites)
    func createAndAdd(_ kind: TransportKind, _ suite: UInt16) async throws {
        let w = try await ThreeProviders.start(kind, suite: suite)
        defer { Task { await w.network.shutdown() } }
        try await w.a.createRoom(ThreeProviders.room, by: ThreeProviders.alice1, roles: RoomPolicies.cooperative,
                                 creatorRole: RoomPolicies.admin)
        var view = await w.network.observe(room: ThreeProviders.room)
        #expect(view.hubEpoch == 0)
        #expect(view.disagreements.isEmpty, "\(view.disagreements)")

        let addBob = try await w.a.addUser(ThreeProviders.bob, role: RoomPolicies.regular, to: ThreeProviders.room, by: ThreeProviders.alice1)
        #expect(addBob.code == "success", "\(addBob.detail)")
        #expect(addBob.httpStatus == nil, "the hub's own client commits without HTTP")
        await w.network.settle()
        view = await w.network.observe(room: ThreeProviders.room)
        #expect(view.hubEpoch == 1)
        #expect(view.activeClients.map(\.client) == [ThreeProviders.alice1, ThreeProviders.bob1])
        #expect(view.disagreements.isEmpty, "\(view.disagreements)")

        let addCathy = try await w.b.addUser(ThreeProviders.cathy, role: RoomPolicies.regular, to: ThreeProviders.room, by: ThreeProviders.bob1)
        #expect(addCathy.code == "success", "\(addCathy.detail)")
        #expect(addCathy.httpStatus == 200)
        await w.network.settle()
        view = await w.network.observe(room: ThreeProviders.room)
        #expect(view.hubEpoch == 2)
        #expect(view.activeClients.count == 3)
        #expect(view.disagreements.isEmpty, "\(view.disagreements)")
        #expect(view.hubState?.participantRoles == [ThreeProviders.alice: "admin", ThreeProviders.bob: "regular",
                                                    ThreeProviders.cathy: "regular"])
        // Bob's keyMaterial for Cathy went through the hub; the Welcome went to c.example only.
        let paths = w.network.exchanges().map { "\($0.from)→\($0.to) \($0.method) \($0.target) \($0.status ?? 0)" }
        #expect(paths.contains("b.example→a.example POST /keyMaterial/mimi%3A%2F%2Fc.example%2Fu%2Fcathy 200"), "\(paths)")
        #expect(paths.contains("a.example→c.example POST /keyMaterial/mimi%3A%2F%2Fc.example%2Fu%2Fcathy 200"), "\(paths)")
        #expect(paths.contains("b.example→a.example POST /update/a.example/r/clubhouse 200"), "\(paths)")
        #expect(paths.contains("a.example→c.example POST /notify/a.example/r/clubhouse 201"), "\(paths)")
    }

    @Test("message with frank, abuse report, leave in three steps", arguments: transportsAndSuites)
    func messageAndLeave(_ kind: TransportKind, _ suite: UInt16) async throws {
        let w = try await ThreeProviders.start(kind, suite: suite)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithThree()

        let content = ThreeProviders.text("Hi from Cathy", from: ThreeProviders.cathy)
        let sent = try await w.c.send(content, room: ThreeProviders.room, by: ThreeProviders.cathy1, frank: true)
        #expect(sent.code == "success", "\(sent.detail)")
        #expect(sent.frank != nil)
        await w.network.settle()
        let view = await w.network.observe(room: ThreeProviders.room)
        for c in view.activeClients where c.client != ThreeProviders.cathy1 {
            #expect(c.received.count == 1, "\(c.client)")
            #expect(c.received.first?.messageID == sent.messageID)
            #expect(c.received.first?.frank == sent.frank)
            #expect(c.received.first?.frankVerified == true, "the receiver verifies the hub's frank")
            #expect(c.received.first?.content == ContentEncoder.encode(content))
        }

        // Leave: bob proposes; the hub caches and fans out; cathy commits; the hub checks they are included.
        let proposed = try await w.b.proposeLeave(room: ThreeProviders.room, by: ThreeProviders.bob1)
        #expect(proposed.code == "success", "\(proposed.detail)")
        await w.network.settle()
        let pending = await w.a.hubRoom(ThreeProviders.room)?.pendingProposals.count
        #expect(pending == 2)
        let committed = try await w.c.commit(by: ThreeProviders.cathy1, room: ThreeProviders.room, participantUpdate: nil)
        #expect(committed.code == "success", "\(committed.detail)")
        await w.network.settle()
        let after = await w.network.observe(room: ThreeProviders.room)
        #expect(after.hubEpoch == 3)
        #expect(after.activeClients.map(\.client) == [ThreeProviders.alice1, ThreeProviders.cathy1])
        #expect(after.disagreements.isEmpty, "\(after.disagreements)")
        #expect(after.hubState?.participantRoles == [ThreeProviders.alice: "admin", ThreeProviders.cathy: "regular"])
        #expect(after.clients.first { $0.client == ThreeProviders.bob1 }?.active == false, "bob's client got the commit removing it")
    }

    @Test("leave by SelfRemove: the hub holds it, another member commits it by reference, the sender's leaf goes",
          arguments: transportsAndSuites)
    func leaveBySelfRemove(_ kind: TransportKind, _ suite: UInt16) async throws {
        let w = try await ThreeProviders.start(kind, suite: suite)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithThree()
        let proposed = try await w.b.proposeLeave(room: ThreeProviders.room, by: ThreeProviders.bob1, selfRemove: true)
        #expect(proposed.code == "success", "\(proposed.detail)")
        await w.network.settle()
        let pending = await w.a.hubRoom(ThreeProviders.room)?.pendingProposals.map(\.proposal.proposalType)
        #expect(pending == [.appDataUpdate, .selfRemove])
        let committed = try await w.c.commit(by: ThreeProviders.cathy1, room: ThreeProviders.room, participantUpdate: nil)
        #expect(committed.code == "success", "\(committed.detail)")
        await w.network.settle()
        let after = await w.network.observe(room: ThreeProviders.room)
        #expect(after.hubEpoch == 3)
        #expect(after.activeClients.map(\.client) == [ThreeProviders.alice1, ThreeProviders.cathy1])
        #expect(after.disagreements.isEmpty, "\(after.disagreements)")
        #expect(after.hubState?.participantRoles == [ThreeProviders.alice: "admin", ThreeProviders.cathy: "regular"])
        #expect(after.clients.first { $0.client == ThreeProviders.bob1 }?.active == false, "bob's client got the commit removing it")
    }

    @Test("external join of a new device: groupInfo from the hub, then an external commit", arguments: transportsAndSuites)
    func externalJoin(_ kind: TransportKind, _ suite: UInt16) async throws {
        let w = try await ThreeProviders.start(kind, suite: suite)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithThree()
        try await w.c.addClient(ThreeProviders.cathy2, suite: w.suite)
        let joined = try await w.c.externalJoin(room: ThreeProviders.room, by: ThreeProviders.cathy2)
        #expect(joined.code == "success", "\(joined.detail)")
        await w.network.settle()
        let view = await w.network.observe(room: ThreeProviders.room)
        #expect(view.hubEpoch == 3)
        #expect(view.activeClients.count == 4)
        #expect(view.disagreements.isEmpty, "\(view.disagreements)")
        let sent = try await w.c.send(ThreeProviders.text("new phone", from: ThreeProviders.cathy), room: ThreeProviders.room,
                                      by: ThreeProviders.cathy2, frank: false)
        #expect(sent.code == "success")
        await w.network.settle()
        let after = await w.network.observe(room: ThreeProviders.room)
        for c in after.activeClients where c.client != ThreeProviders.cathy2 {
            #expect(c.received.map(\.messageID) == [sent.messageID].compactMap { $0 }, "\(c.client)")
        }
        // A user who is not a participant cannot fetch the GroupInfo to join.
        try await w.c.addClient("mimi://c.example/d/dave/1", suite: w.suite)
        let refused = try await w.c.externalJoin(room: ThreeProviders.room, by: "mimi://c.example/d/dave/1")
        #expect(refused.code == "notAuthorized")
    }

    @Test("a client that lost its state rejoins, replacing its old leaf", arguments: [TransportKind.inprocess, .http])
    func rejoin(_ kind: TransportKind) async throws {
        let w = try await ThreeProviders.start(kind, suite: 1)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithTwo()
        let rejoined = try await w.b.externalJoin(room: ThreeProviders.room, by: ThreeProviders.bob1, replacingOwnLeaf: true)
        #expect(rejoined.code == "success", "\(rejoined.detail)")
        await w.network.settle()
        let view = await w.network.observe(room: ThreeProviders.room)
        #expect(view.hubEpoch == 2)
        #expect(view.hubMembers.sorted() == [ThreeProviders.alice1, ThreeProviders.bob1])
        #expect(view.disagreements.isEmpty, "\(view.disagreements)")
    }
}
