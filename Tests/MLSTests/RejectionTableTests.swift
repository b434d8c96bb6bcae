import MLS
import MLSCrypto
import TLSCodec
import Testing

/// The rejection table (issue 3): one negative test per validation rule the group enforces, each naming its RFC 9420
/// rule and asserting the code of the ``MLSError`` and its requirement id. Proposal-list rules (§12.2) are enforced by the same function for
/// the committer and the receiver; they are shown here on the committer, which refuses to build the Commit, and
/// for a receiver where a well-signed bad Commit can be built (missing path, bad confirmation tag, wrong parent
/// hash, unknown reference).
@Suite struct RejectionTableTests {
    /// A group of three (c0, b, c) in suite 1.
    static func world(seed: UInt64 = 7) throws -> GroupWorld {
        var w = try GroupWorld(suite: try CipherSuite(1), seed: seed)
        let b = try w.keyPackage(for: "b")
        let c = try w.keyPackage(for: "c")
        try w.commit(by: "c0", CommitOptions(byValue: [.add(Add(keyPackage: b.keyPackage)), .add(Add(keyPackage: c.keyPackage))]),
                     joiners: ["b": b, "c": c])
        return w
    }

    /// Runs `body`, which must throw the ``MLSError`` of `code`; the error must name the requirement of its rule.
    @discardableResult
    static func rejects(_ code: MLSError.Code, _ body: () throws -> Void) -> MLSError? {
        let e = #expect(throws: MLSError.self, "expected a rejection with \(code)") { try body() }
        #expect(e?.code == code, "expected \(code), got \(e.map(String.init(describing:)) ?? "nothing")")
        #expect(e?.requirement == code.requirement)
        return e
    }

    /// A member's Commit message with `edit` applied to its PublicMessage.
    static func editedCommit(_ w: inout GroupWorld, by name: String, _ options: CommitOptions = CommitOptions(),
                             _ edit: (inout PublicMessage) -> Void) throws -> MLSMessage {
        var c = try #require(w.members[name])
        var opts = options
        opts.wireFormat = .publicMessage
        let out = try c.commit(opts)
        guard case .publicMessage(var pm) = out.commit.body else { throw GroupWorldError.unexpected("not a PublicMessage") }
        edit(&pm)
        return MLSMessage(.publicMessage(pm))
    }

    // MARK: Framing (§6)

    @Test("§6: a Commit for another epoch is rejected")
    func wrongEpoch() throws {
        var w = try Self.world()
        let m = try Self.editedCommit(&w, by: "c0") { $0.content.epoch += 1 }
        var b = try #require(w.members["b"])
        Self.rejects(.wrongEpoch) { try b.process(m) }
    }

    @Test("§6: a message for another group_id is rejected")
    func wrongGroupID() throws {
        var w = try Self.world()
        let m = try Self.editedCommit(&w, by: "c0") { $0.content.groupID = [1, 2, 3] }
        var b = try #require(w.members["b"])
        Self.rejects(.wrongGroupID) { try b.process(m) }
    }

    @Test("§6: a Commit from a non-member leaf is rejected")
    func commitByNonMember() throws {
        var w = try Self.world()
        let m = try Self.editedCommit(&w, by: "c0") { $0.content.sender = .member(leafIndex: 9) }
        var b = try #require(w.members["b"])
        Self.rejects(.senderNotMember) { try b.process(m) }
    }

    @Test("§6.2: a bad membership tag is rejected")
    func badMembershipTag() throws {
        var w = try Self.world()
        let m = try Self.editedCommit(&w, by: "c0") { $0.membershipTag = $0.membershipTag.map { [$0[0] ^ 1] + $0.dropFirst() } }
        var b = try #require(w.members["b"])
        Self.rejects(.membershipTagInvalid) { try b.process(m) }
    }

    @Test("§6.2: application data in a PublicMessage is rejected")
    func applicationAsPublic() throws {
        var w = try Self.world()
        let m = try Self.editedCommit(&w, by: "c0") { $0.content.body = .application([1]); $0.auth.confirmationTag = nil }
        var b = try #require(w.members["b"])
        Self.rejects(.applicationAsPublicMessage) { try b.process(m) }
    }

    @Test("§6.1: an external proposal with a bad signature is rejected")
    func badSignature() throws {
        var w = try Self.world()
        var signerRNG = DeterministicRandom(seed: 1001)
        let ds = try SigningIdentity.basic(Array("ds".utf8), suite: w.suite, using: &signerRNG)
        let other = try SigningIdentity.basic(Array("mallory".utf8), suite: w.suite, using: &signerRNG)
        let ext = Extension(ExternalSenders(senders: [ExternalSender(signatureKey: ds.signaturePublicKey, credential: ds.credential)]))
        try w.commit(by: "c0", CommitOptions(byValue: [.groupContextExtensions(GroupContextExtensions(extensions: [ext]))]))
        let b = try #require(w.members["b"])
        let m = try ExternalProposals.fromExternalSender(.remove(Remove(removed: 2)), groupID: b.groupID, epoch: b.epoch,
                                                         senderIndex: 0, signaturePrivateKey: other.signaturePrivateKey,
                                                         suite: w.suite)
        var receiver = b
        Self.rejects(.signatureInvalid) { try receiver.process(m) }
        // The genuine external sender's Remove is accepted and can be committed.
        let good = try ExternalProposals.fromExternalSender(.remove(Remove(removed: 2)), groupID: b.groupID, epoch: b.epoch,
                                                            senderIndex: 0, signaturePrivateKey: ds.signaturePrivateKey,
                                                            suite: w.suite)
        for name in w.names { try w.members[name]?.process(try GroupWorld.wire(good)) }
        try w.commit(by: "c0")
        #expect(w.members.count == 2)
        #expect(w.agree())
    }

    @Test("§12.1.8.1: a proposal from an unlisted external sender is rejected")
    func unknownExternalSender() throws {
        let w = try Self.world()
        var b = try #require(w.members["b"])
        var r = DeterministicRandom(seed: 1002)
        let ds = try SigningIdentity.basic(Array("ds".utf8), suite: w.suite, using: &r)
        let m = try ExternalProposals.fromExternalSender(.remove(Remove(removed: 2)), groupID: b.groupID, epoch: b.epoch,
                                                         senderIndex: 5, signaturePrivateKey: ds.signaturePrivateKey,
                                                         suite: w.suite)
        Self.rejects(.unknownExternalSender) { try b.process(m) }
    }

    @Test("§12.1.8: an Update from an external sender is rejected")
    func externalUpdate() throws {
        var w = try Self.world()
        var r = DeterministicRandom(seed: 1003)
        let ds = try SigningIdentity.basic(Array("ds".utf8), suite: w.suite, using: &r)
        let ext = Extension(ExternalSenders(senders: [ExternalSender(signatureKey: ds.signaturePublicKey, credential: ds.credential)]))
        try w.commit(by: "c0", CommitOptions(byValue: [.groupContextExtensions(GroupContextExtensions(extensions: [ext]))]))
        var b = try #require(w.members["b"])
        let leaf = try #require(b.tree.leaf(0))
        let m = try ExternalProposals.fromExternalSender(.update(Update(leafNode: leaf)), groupID: b.groupID, epoch: b.epoch,
                                                         senderIndex: 0, signaturePrivateKey: ds.signaturePrivateKey,
                                                         suite: w.suite)
        Self.rejects(.proposalSenderNotAllowed) { try b.process(m) }
    }

    // MARK: Proposal list (§12.2) and KeyPackages (§10.1)

    @Test("§12.2: two Adds with the same signature key are rejected")
    func duplicateAdd() throws {
        let w = try Self.world()
        var r = DeterministicRandom(seed: 1004)
        let id = try SigningIdentity.basic(Array("dup".utf8), suite: w.suite, using: &r)
        let k1 = try KeyPackageBundle.make(suite: w.suite, identity: id, using: &r)
        let k2 = try KeyPackageBundle.make(suite: w.suite, identity: id, using: &r)
        var c0 = try #require(w.members["c0"])
        Self.rejects(.duplicateAdd) {
            _ = try c0.commit(CommitOptions(byValue: [.add(Add(keyPackage: k1.keyPackage)), .add(Add(keyPackage: k2.keyPackage))]))
        }
    }

    @Test("§12.2: an Add of a current member's signature key is rejected")
    func addOfExistingMember() throws {
        let w = try Self.world()
        var r = DeterministicRandom(seed: 1005)
        let b = try #require(w.members["b"])
        let kp = try KeyPackageBundle.make(suite: w.suite, identity: b.identity, using: &r)
        var c0 = try #require(w.members["c0"])
        Self.rejects(.addOfExistingMember) { _ = try c0.commit(CommitOptions(byValue: [.add(Add(keyPackage: kp.keyPackage))])) }
    }

    @Test("§10.1: a KeyPackage with a bad signature is rejected")
    func keyPackageSignature() throws {
        var w = try Self.world()
        var kp = try w.keyPackage(for: "x").keyPackage
        kp.signature[0] ^= 1
        var c0 = try #require(w.members["c0"])
        Self.rejects(.keyPackageSignature) {
            _ = try c0.commit(CommitOptions(byValue: [.add(Add(keyPackage: kp))]))
        }
    }

    @Test("§10.1: a KeyPackage of another cipher suite is rejected")
    func keyPackageSuite() throws {
        let w = try Self.world()
        var r = DeterministicRandom(seed: 1006)
        let suite2 = try CipherSuite(2)
        let id = try SigningIdentity.basic(Array("x".utf8), suite: suite2, using: &r)
        let kp = try KeyPackageBundle.make(suite: suite2, identity: id, using: &r)
        var c0 = try #require(w.members["c0"])
        Self.rejects(.keyPackageCipherSuite) {
            _ = try c0.commit(CommitOptions(byValue: [.add(Add(keyPackage: kp.keyPackage))]))
        }
    }

    @Test("§12.2: the committer's own Update is rejected")
    func updateByCommitter() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        _ = try c0.proposeUpdate()
        Self.rejects(.updateByCommitter) { _ = try c0.commit() }
    }

    @Test("§12.2: a Remove of a blank leaf is rejected")
    func removeBlankLeaf() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        Self.rejects(.removeOfBlankLeaf) { _ = try c0.commit(CommitOptions(byValue: [.remove(Remove(removed: 7))])) }
    }

    @Test("§12.2: a committer removing itself is rejected")
    func committerRemovesItself() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        Self.rejects(.committerRemovesItself) { _ = try c0.commit(CommitOptions(byValue: [.remove(Remove(removed: 0))])) }
    }

    @Test("§12.2: two Removes of one leaf are rejected")
    func doubleRemove() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        Self.rejects(.conflictingUpdateOrRemove) {
            _ = try c0.commit(CommitOptions(byValue: [.remove(Remove(removed: 1)), .remove(Remove(removed: 1))]))
        }
    }

    @Test("§12.2: two PreSharedKey proposals for one PSK are rejected")
    func duplicatePSK() throws {
        var w = try Self.world()
        let id = w.installPSK()
        var c0 = try #require(w.members["c0"])
        let p1 = c0.externalPSKProposal(id: id)
        let p2 = c0.externalPSKProposal(id: id)
        Self.rejects(.duplicatePSK) { _ = try c0.commit(CommitOptions(byValue: [p1, p2])) }
    }

    @Test("§12.1.4: a psk_nonce that is not Nh bytes is rejected")
    func pskNonceLength() throws {
        var w = try Self.world()
        let id = w.installPSK()
        var c0 = try #require(w.members["c0"])
        let p = Proposal.preSharedKey(PreSharedKey(psk: PreSharedKeyID(key: .external(pskID: id), pskNonce: [1, 2, 3])))
        Self.rejects(.pskNonceLength) { _ = try c0.commit(CommitOptions(byValue: [p])) }
    }

    @Test("§12.1.4: a resumption PSK with usage reinit in a regular Commit is rejected")
    func resumptionUsage() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        let p = Proposal.preSharedKey(PreSharedKey(psk: PreSharedKeyID(
            key: .resumption(usage: .reinit, pskGroupID: c0.groupID, pskEpoch: c0.epoch), pskNonce: [UInt8](repeating: 0, count: 32))))
        Self.rejects(.pskResumptionUsage) { _ = try c0.commit(CommitOptions(byValue: [p])) }
    }

    @Test("§12.4.2: a PSK the member does not hold is rejected")
    func unknownPSK() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        let p = c0.externalPSKProposal(id: [9, 9, 9])
        Self.rejects(.pskNotFound) { _ = try c0.commit(CommitOptions(byValue: [p])) }
    }

    @Test("§12.2: two GroupContextExtensions proposals are rejected")
    func twoGCE() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        let g = Proposal.groupContextExtensions(GroupContextExtensions(extensions: []))
        Self.rejects(.multipleGroupContextExtensions) { _ = try c0.commit(CommitOptions(byValue: [g, g])) }
    }

    @Test("§12.2: a ReInit with other proposals is rejected")
    func reInitNotAlone() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        let re = Proposal.reInit(ReInit(groupID: [1], version: .mls10, cipherSuite: 1, extensions: []))
        Self.rejects(.reInitNotAlone) {
            _ = try c0.commit(CommitOptions(byValue: [re, .remove(Remove(removed: 1))]))
        }
    }

    @Test("§12.2: ExternalInit in a member's Commit is rejected")
    func externalInitInMemberCommit() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        Self.rejects(.externalInitNotAllowed) {
            _ = try c0.commit(CommitOptions(byValue: [.externalInit(ExternalInit(kemOutput: [1]))]))
        }
    }

    @Test("§12.1.7: GroupContextExtensions that a member does not support are rejected")
    func unsupportedExtension() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        let g = Proposal.groupContextExtensions(GroupContextExtensions(extensions: [Extension(extensionType: ExtensionType(0xff00), extensionData: [])]))
        Self.rejects(.extensionUnsupported) { _ = try c0.commit(CommitOptions(byValue: [g])) }
    }

    @Test("§11.1: required_capabilities that a member lacks are rejected")
    func requiredCapabilities() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        let req = RequiredCapabilities(extensionTypes: [ExtensionType(0xff01)], proposalTypes: [], credentialTypes: [])
        let g = Proposal.groupContextExtensions(GroupContextExtensions(extensions: [Extension(req)]))
        Self.rejects(.requiredCapabilityUnsupported) { _ = try c0.commit(CommitOptions(byValue: [g])) }
    }

    // MARK: Commit processing (§12.4, §12.4.2, §7.9.2)

    @Test("§12.4: a Commit with a Remove and no path is rejected by the receiver")
    func pathRequired() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        let out = try c0.commit(CommitOptions(byValue: [.remove(Remove(removed: 2))], misbehaviour: .omitPath))
        var b = try #require(w.members["b"])
        Self.rejects(.pathRequired) { try b.process(try GroupWorld.wire(out.commit)) }
    }

    @Test("§12.4.2: a bad confirmation tag is rejected and the state is unchanged")
    func badConfirmationTag() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        let out = try c0.commit(CommitOptions(forcePath: true, misbehaviour: .corruptConfirmationTag))
        var b = try #require(w.members["b"])
        let before = b.epochAuthenticator
        Self.rejects(.confirmationTagInvalid) { try b.process(try GroupWorld.wire(out.commit)) }
        #expect(b.epochAuthenticator == before)
        #expect(b.epoch == 1)
    }

    @Test("§7.9.2: an UpdatePath leaf with a wrong parent hash is rejected")
    func wrongParentHash() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        let out = try c0.commit(CommitOptions(forcePath: true, misbehaviour: .corruptLeafParentHash))
        var b = try #require(w.members["b"])
        Self.rejects(.updatePathParentHash) {
            try b.process(try GroupWorld.wire(out.commit))
        }
    }

    @Test("§12.4.2: a Commit naming an unknown ProposalRef is rejected")
    func unknownReference() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        _ = try c0.propose(.remove(Remove(removed: 2)))   // not delivered to b
        let out = try c0.commit()
        var b = try #require(w.members["b"])
        Self.rejects(.proposalNotFound) {
            try b.process(try GroupWorld.wire(out.commit))
        }
    }

    @Test("§12.1.3: a removed member's state no longer accepts messages")
    func removedMemberInactive() throws {
        let w = try Self.world()
        var c = try #require(w.members["c"])
        var c0 = try #require(w.members["c0"])
        let out = try c0.commit(CommitOptions(byValue: [.remove(Remove(removed: c.myLeaf))]))
        try c.process(try GroupWorld.wire(out.commit))
        #expect(c.status == .removed)
        try c0.mergePendingCommit()
        let m = try c0.protect([1])
        Self.rejects(.groupInactive) { try c.process(m) }
    }

    // MARK: Welcome and external join (§12.4.3.1, §12.4.3.2)

    @Test("§12.4.3.1: a Welcome for another KeyPackage is rejected")
    func welcomeNotForMe() throws {
        var w = try Self.world()
        let x = try w.keyPackage(for: "x")
        let y = try w.keyPackage(for: "y")
        var c0 = try #require(w.members["c0"])
        let out = try c0.commit(CommitOptions(byValue: [.add(Add(keyPackage: x.keyPackage))]))
        let welcome = try GroupWorld.welcome(of: out.welcome)
        var r = DeterministicRandom(seed: 1008)
        Self.rejects(.welcomeNotForKeyPackage) {
            _ = try MLSGroup.join(welcome: welcome, keyPackage: y, using: &r)
        }
    }

    @Test("§12.4.3.1: a Welcome without a tree, none given out of band, is rejected")
    func welcomeWithoutTree() throws {
        var w = try Self.world()
        let x = try w.keyPackage(for: "x")
        var c0 = try #require(w.members["c0"])
        let out = try c0.commit(CommitOptions(byValue: [.add(Add(keyPackage: x.keyPackage))], ratchetTreeInWelcome: false))
        let welcome = try GroupWorld.welcome(of: out.welcome)
        var r = DeterministicRandom(seed: 1009)
        Self.rejects(.ratchetTreeMissing) { _ = try MLSGroup.join(welcome: welcome, keyPackage: x, using: &r) }
    }

    @Test("§12.4.3.1: an out-of-band tree that does not match the tree hash is rejected")
    func welcomeWrongTree() throws {
        var w = try Self.world()
        let x = try w.keyPackage(for: "x")
        var c0 = try #require(w.members["c0"])
        let stale = c0.tree.exportedNodes
        let out = try c0.commit(CommitOptions(byValue: [.add(Add(keyPackage: x.keyPackage))], ratchetTreeInWelcome: false))
        let welcome = try GroupWorld.welcome(of: out.welcome)
        var r = DeterministicRandom(seed: 1010)
        Self.rejects(.treeHashMismatch) {
            _ = try MLSGroup.join(welcome: welcome, keyPackage: x, ratchetTree: stale, using: &r)
        }
    }

    @Test("§12.4.3.2: an external join without external_pub is rejected")
    func externalJoinWithoutExternalPub() throws {
        let w = try Self.world()
        let c0 = try #require(w.members["c0"])
        let info = try c0.groupInfo(ratchetTree: true, externalPub: false)
        var r = DeterministicRandom(seed: 1012)
        let id = try SigningIdentity.basic(Array("z".utf8), suite: w.suite, using: &r)
        Self.rejects(.missingExternalPub) {
            _ = try MLSGroup.joinExternally(groupInfo: info, identity: id, using: &r)
        }
    }

    @Test("§12.4.3.2: an external Commit with a proposal by reference is rejected")
    func externalCommitByReference() throws {
        let w = try Self.world()
        var c0 = try #require(w.members["c0"])
        let proposal = try c0.propose(.remove(Remove(removed: 2)))
        var receiver = try #require(w.members["c"])
        try receiver.process(try GroupWorld.wire(proposal))
        let info = try c0.groupInfo()
        var r = DeterministicRandom(seed: 1014)
        let id = try SigningIdentity.basic(Array("z".utf8), suite: w.suite, using: &r)
        let out = try MLSGroup.joinExternally(groupInfo: info, identity: id, using: &r)
        // The joiner's Commit with a ProposalRef added, signed again by the joiner.
        guard case .publicMessage(let pm) = out.commit.body, case .commit(var commit) = pm.content.body else {
            throw GroupWorldError.unexpected("the external Commit is not a PublicMessage Commit")
        }
        let ref = try #require(receiver.cachedProposalRefs.first)
        commit.proposals.append(.reference(ref))
        var content = pm.content
        content.body = .commit(commit)
        var signed = try ContentSigning.sign(cipherSuite: w.suite, wireFormat: .publicMessage, content: content,
                                             groupContext: info.groupContext.tlsEncoded,
                                             signaturePrivateKey: id.signaturePrivateKey, confirmationTag: [])
        signed.auth.confirmationTag = pm.auth.confirmationTag
        let forged = PublicMessage(content: signed.content, auth: signed.auth, membershipTag: nil)
        Self.rejects(.externalCommitByReference) { try receiver.process(MLSMessage(.publicMessage(forged))) }
    }
}
