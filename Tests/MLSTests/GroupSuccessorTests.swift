import MLS
import MLSCrypto
import TLSCodec
import Testing

/// ReInit (RFC 9420 §11.2), branching (§11.3) and proposals from outside the group (§12.1.8).
@Suite struct GroupSuccessorTests {
    static func pair(seed: UInt64) throws -> GroupWorld {
        var w = try GroupWorld(suite: try CipherSuite(1), seed: seed)
        let b = try w.keyPackage(for: "b")
        try w.commit(by: "c0", CommitOptions(byValue: [.add(Add(keyPackage: b.keyPackage))]), joiners: ["b": b])
        return w
    }

    @Test("ReInit to another cipher suite: proposal by b, Commit by c0, successor group joined with the reinit PSK")
    func reinit() throws {
        var w = try Self.pair(seed: 21)
        var b = try #require(w.members["b"])
        let proposal = try b.propose(.reInit(ReInit(groupID: Array("next".utf8), version: .mls10, cipherSuite: 2, extensions: [])))
        w.members["b"] = b
        try w.deliverProposal(proposal, from: "b")
        try w.commit(by: "c0")
        let c0 = try #require(w.members["c0"])
        b = try #require(w.members["b"])
        #expect(c0.status == .reinitialized(ReInit(groupID: Array("next".utf8), version: .mls10, cipherSuite: 2, extensions: [])))
        #expect(throws: MLSError.code(.groupInactive)) { _ = try b.protect([1]) }

        let suite2 = try CipherSuite(2)
        var r = DeterministicRandom(seed: 2100)
        let bNew = try KeyPackageBundle.make(suite: suite2, identity: try SigningIdentity.basic(Array("b".utf8), suite: suite2, using: &r), using: &r)
        let c0Identity = try SigningIdentity.basic(Array("c0".utf8), suite: suite2, using: &r)
        let successor = try c0.reinitSuccessor(keyPackages: [bNew.keyPackage], identity: c0Identity, using: &r)
        let welcome = try GroupWorld.welcome(of: successor.welcome)
        let joined = try MLSGroup.join(welcome: welcome, keyPackage: bNew, psks: b.psks, using: &r)
        #expect(joined.epochAuthenticator == successor.group.epochAuthenticator)
        #expect(joined.groupID == Array("next".utf8))
        #expect(joined.cipherSuite.id == 2)
        // Without the old group's resumption PSK the Welcome cannot be opened.
        #expect(throws: MLSError.code(.pskNotFound)) { _ = try MLSGroup.join(welcome: welcome, keyPackage: bNew, using: &r) }
    }

    @Test("Branch: a subgroup with the branch resumption PSK")
    func branch() throws {
        let w = try Self.pair(seed: 22)
        let c0 = try #require(w.members["c0"])
        let b = try #require(w.members["b"])
        var r = DeterministicRandom(seed: 2200)
        let bKP = try KeyPackageBundle.make(suite: w.suite, identity: b.identity, using: &r)
        let sub = try c0.branch(groupID: Array("sub".utf8), keyPackages: [bKP.keyPackage], using: &r)
        let welcome = try GroupWorld.welcome(of: sub.welcome)
        let joined = try MLSGroup.join(welcome: welcome, keyPackage: bKP, psks: b.psks, using: &r)
        #expect(joined.epochAuthenticator == sub.group.epochAuthenticator)
    }

    @Test("new_member_proposal: a joiner's own Add, committed by reference")
    func newMemberAdd() throws {
        var w = try Self.pair(seed: 23)
        let c0 = try #require(w.members["c0"])
        let x = try w.keyPackage(for: "x")
        let proposal = try ExternalProposals.newMemberAdd(x, groupInfo: try c0.groupInfo())
        for name in w.names { try w.members[name]?.process(try GroupWorld.wire(proposal)) }
        try w.commit(by: "b", joiners: ["x": x])
        #expect(w.members.count == 3)
        #expect(w.agree())
    }
}
