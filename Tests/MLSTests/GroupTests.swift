import MLS
import MLSCrypto
import TLSCodec
import Testing

/// The group state machine end to end (RFC 9420 §11, §12): creation, Welcome joins, every proposal type, external
/// joins, application messages and the exporter, in PublicMessage and PrivateMessage handshakes.
@Suite struct GroupTests {
    @Test("Create, add by Welcome, exchange application data both ways", arguments: [UInt16(1), 2, 3, 5, 7])
    func createAddAndTalk(suiteID: UInt16) throws {
        var world = try GroupWorld(suite: try CipherSuite(suiteID), seed: 1)
        let bob = try world.keyPackage(for: "bob")
        try world.commit(by: "c0", CommitOptions(byValue: [.add(Add(keyPackage: bob.keyPackage))]), joiners: ["bob": bob])
        #expect(world.members.count == 2)
        #expect(world.agree())

        var alice = try #require(world.members["c0"])
        var bobGroup = try #require(world.members["bob"])
        let m1 = try alice.protect(Array("hello".utf8), authenticatedData: [1, 2])
        guard case .application(let data, let aad, let sender) = try bobGroup.process(try GroupWorld.wire(m1)) else {
            Issue.record("expected application data")
            return
        }
        #expect(data == Array("hello".utf8))
        #expect(aad == [1, 2])
        #expect(sender == alice.myLeaf)
        let m2 = try bobGroup.protect(Array("hi".utf8))
        guard case .application(let back, _, _) = try alice.process(try GroupWorld.wire(m2)) else {
            Issue.record("expected application data")
            return
        }
        #expect(back == Array("hi".utf8))
        #expect(try alice.export(label: "test", context: [9], length: 32) == bobGroup.export(label: "test", context: [9], length: 32))
    }

    @Test("Update by reference, Remove, PSKs, GroupContextExtensions and an empty commit; encrypted handshakes")
    func everyProposalType() throws {
        var configuration = GroupConfiguration()
        configuration.handshakeWireFormat = .privateMessage
        var world = try GroupWorld(suite: try CipherSuite(1), seed: 2, configuration: configuration)
        var joiners: [String: KeyPackageBundle] = [:]
        for name in ["b", "c", "d"] { joiners[name] = try world.keyPackage(for: name) }
        try world.commit(by: "c0", CommitOptions(byValue: joiners.values.map { .add(Add(keyPackage: $0.keyPackage)) },
                                                 ratchetTreeInWelcome: false), joiners: joiners)
        #expect(world.agree())

        // Update from b, committed by c by reference.
        var b = try #require(world.members["b"])
        let update = try b.proposeUpdate()
        world.members["b"] = b
        try world.deliverProposal(update, from: "b")
        try world.commit(by: "c")
        #expect(world.agree())

        // External PSK and resumption PSK by value, with a path.
        let pskID = world.installPSK()
        var c0 = try #require(world.members["c0"])
        let ext = c0.externalPSKProposal(id: pskID)
        let res = c0.resumptionPSKProposal(epoch: c0.epoch - 1)
        world.members["c0"] = c0
        try world.commit(by: "c0", CommitOptions(byValue: [ext, res], forcePath: true))
        #expect(world.agree())

        // GroupContextExtensions with an external_senders list; then Remove d; then an empty commit.
        let senders = ExternalSenders(senders: [ExternalSender(signatureKey: c0.identity.signaturePublicKey,
                                                               credential: .basic(identity: Array("ds".utf8)))])
        try world.commit(by: "b", CommitOptions(byValue: [.groupContextExtensions(GroupContextExtensions(
            extensions: [Extension(senders)]))]))
        #expect(world.agree())
        let d = try #require(world.members["d"]).myLeaf
        try world.commit(by: "c", CommitOptions(byValue: [.remove(Remove(removed: d))]))
        #expect(world.members["d"] == nil)
        try world.commit(by: "c0")
        #expect(world.agree())
        #expect(world.members.count == 3)
    }

    @Test("External join, with and without resync; new members see the same epoch")
    func externalJoin() throws {
        var world = try GroupWorld(suite: try CipherSuite(2), seed: 3)
        let b = try world.keyPackage(for: "b")
        try world.commit(by: "c0", CommitOptions(byValue: [.add(Add(keyPackage: b.keyPackage))]), joiners: ["b": b])
        try world.externalJoin(name: "x", sponsor: "b")
        #expect(world.members.count == 3)
        #expect(world.agree())
        let pskID = world.installPSK()
        try world.externalJoin(name: "x2", sponsor: "c0", removePrior: "x", pskIDs: [pskID])
        #expect(world.members.count == 3)
        #expect(world.agree())
        var x2 = try #require(world.members["x2"])
        var c0 = try #require(world.members["c0"])
        let m = try x2.protect([42])
        guard case .application(let data, _, _) = try c0.process(try GroupWorld.wire(m)) else {
            Issue.record("expected application data")
            return
        }
        #expect(data == [42])
    }

    @Test("Late application messages from the previous epoch still open")
    func outOfOrderAcrossEpochs() throws {
        var world = try GroupWorld(suite: try CipherSuite(3), seed: 4)
        let b = try world.keyPackage(for: "b")
        try world.commit(by: "c0", CommitOptions(byValue: [.add(Add(keyPackage: b.keyPackage))]), joiners: ["b": b])
        var a = try #require(world.members["c0"])
        let early1 = try a.protect([1])
        let early2 = try a.protect([2])
        world.members["c0"] = a
        try world.commit(by: "c0")
        a = try #require(world.members["c0"])
        let late = try a.protect([3])
        var bob = try #require(world.members["b"])
        for (message, expected) in [(late, [UInt8(3)]), (early2, [2]), (early1, [1])] {
            guard case .application(let data, _, _) = try bob.process(try GroupWorld.wire(message)) else {
                Issue.record("expected application data")
                return
            }
            #expect(data == expected)
        }
    }

    @Test("Two runs from one seed produce identical bytes")
    func deterministic() throws {
        func run() throws -> [UInt8] {
            var world = try GroupWorld(suite: try CipherSuite(1), seed: 99)
            let b = try world.keyPackage(for: "b")
            let out = try world.commit(by: "c0", CommitOptions(byValue: [.add(Add(keyPackage: b.keyPackage))]), joiners: ["b": b])
            return out.commit.tlsEncoded + (out.welcome?.tlsEncoded ?? [])
        }
        #expect(try run() == run())
    }
}

/// The populated-tree fixture (for benchmarks and large simulations) yields a valid tree and working states.
@Suite struct GroupFixtureTests {
    @Test("A populated fixture of 37 members: valid tree, three states agree across path updates")
    func populated() throws {
        var r = DeterministicRandom(seed: 37)
        let suite = try CipherSuite(1)
        var states = try MLSGroup.populatedFixture(memberCount: 37, suite: suite, states: [0, 36, 17], using: &r)
        var tree = states[0].tree
        try tree.validate(groupID: states[0].groupID, suite: suite, treeHash: states[0].treeHash)
        for round in 0..<3 {
            let committer = round % 3
            let out = try states[committer].commit(CommitOptions(forcePath: true))
            for i in states.indices where i != committer { try states[i].process(try GroupWorld.wire(out.commit)) }
            try states[committer].mergePendingCommit()
            #expect(Set(states.map(\.epochAuthenticator)).count == 1)
        }
    }
}
