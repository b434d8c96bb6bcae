import MLS
import MLSCrypto
import TLSCodec
import Testing

/// The successor groups of the interop runner's reinit and branch steps (RFC 9420 §11.2, §11.3): a forced path and
/// an out-of-band tree in the first Commit, and the joiner's checks on the Welcome.
@Suite struct MLSInteropSuccessorTests {
    static func pair(seed: UInt64) throws -> GroupWorld {
        var w = try GroupWorld(suite: try CipherSuite(1), seed: seed)
        let b = try w.keyPackage(for: "b")
        try w.commit(by: "c0", CommitOptions(byValue: [.add(Add(keyPackage: b.keyPackage))]), joiners: ["b": b])
        return w
    }

    @Test("branch with a forced path and the tree out of band: the member joins with the tree and agrees")
    func branchOptions() throws {
        let w = try Self.pair(seed: 31)
        let c0 = try #require(w.members["c0"])
        let b = try #require(w.members["b"])
        var r = DeterministicRandom(seed: 3100)
        let bKP = try KeyPackageBundle.make(suite: w.suite, identity: b.identity, using: &r)
        let sub = try c0.branch(groupID: Array("sub".utf8), extensions: [], keyPackages: [bKP.keyPackage],
                                options: SuccessorOptions(forcePath: true, ratchetTreeInWelcome: false), using: &r)
        guard case .welcome(let welcome) = sub.welcome.body else { Issue.record("not a Welcome"); return }
        #expect(throws: MLSError.code(.ratchetTreeMissing)) {
            _ = try MLSGroup.joinSuccessor(welcome: welcome, keyPackage: bKP, previous: b, usage: .branch, using: &r)
        }
        let joined = try MLSGroup.joinSuccessor(welcome: welcome, keyPackage: bKP, ratchetTree: sub.ratchetTree.nodes,
                                                previous: b, usage: .branch, using: &r)
        #expect(joined.epochAuthenticator == sub.group.epochAuthenticator)
        #expect(joined.epoch == 1)
    }

    @Test("a branch Welcome is refused as a ReInit successor, and by a member of another epoch (RFC 9420 §11.2, §11.3)")
    func wrongSuccessor() throws {
        var w = try Self.pair(seed: 32)
        let c0 = try #require(w.members["c0"])
        let b = try #require(w.members["b"])
        var r = DeterministicRandom(seed: 3200)
        let bKP = try KeyPackageBundle.make(suite: w.suite, identity: b.identity, using: &r)
        let sub = try c0.branch(groupID: Array("sub".utf8), extensions: [], keyPackages: [bKP.keyPackage],
                                options: SuccessorOptions(), using: &r)
        guard case .welcome(let welcome) = sub.welcome.body else { Issue.record("not a Welcome"); return }
        #expect { _ = try MLSGroup.joinSuccessor(welcome: welcome, keyPackage: bKP, previous: b, usage: .reinit, using: &r) }
            throws: { e in (e as? SuccessorWelcomeError)?.rule.contains("usage reinit") == true }
        // b moves on an epoch: the branch PSK no longer names b's current epoch.
        try w.commit(by: "c0")
        let later = try #require(w.members["b"])
        #expect { _ = try MLSGroup.joinSuccessor(welcome: welcome, keyPackage: bKP, previous: later, usage: .branch, using: &r) }
            throws: { e in (e as? SuccessorWelcomeError)?.rule.contains("old group's group_id and epoch") == true }
    }

    @Test("a ReInit successor must have the ReInit's parameters; with them, members join with a forced path")
    func reinitParameters() throws {
        var w = try Self.pair(seed: 33)
        let reInit = ReInit(groupID: Array("next".utf8), version: .mls10, cipherSuite: 1, extensions: [])
        var b = try #require(w.members["b"])
        let proposal = try b.propose(.reInit(reInit))
        w.members["b"] = b
        try w.deliverProposal(proposal, from: "b")
        try w.commit(by: "c0")
        let c0 = try #require(w.members["c0"])
        b = try #require(w.members["b"])
        var r = DeterministicRandom(seed: 3300)
        let bKP = try KeyPackageBundle.make(suite: w.suite, identity: b.identity, using: &r)
        let successor = try c0.reinitSuccessor(keyPackages: [bKP.keyPackage], identity: c0.identity,
                                               options: SuccessorOptions(forcePath: true), using: &r)
        guard case .welcome(let welcome) = successor.welcome.body else { Issue.record("not a Welcome"); return }
        let joined = try MLSGroup.joinSuccessor(welcome: welcome, keyPackage: bKP, previous: b, usage: .reinit, using: &r)
        #expect(joined.epochAuthenticator == successor.group.epochAuthenticator)
        #expect(joined.groupID == Array("next".utf8))

        // A group started with other parameters than the ReInit's is refused: a branch of c0's group cannot be the
        // successor (its PSK usage is branch), and a member whose group was not reinitialized has no ReInit to match.
        #expect { _ = try MLSGroup.joinSuccessor(welcome: welcome, keyPackage: bKP, previous: w.members["c0"] ?? b,
                                                 usage: .branch, using: &r) }
            throws: { e in e is SuccessorWelcomeError }
    }
}
