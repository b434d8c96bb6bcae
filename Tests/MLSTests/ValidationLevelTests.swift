import Foundation
import MLS
import MLSCrypto
import TLSCodec
import Testing

/// Each check has the level RFC 9420 gives it (docs/mls-validation-audit.md): a MUST broken throws the ``MLSError`` of
/// its rule; a SHOULD or a harness policy broken is accepted with an ``MLSFinding``. Every finding of the engine is
/// shown here both ways, next to a MUST of the same structure that is rejected.
@Suite struct ValidationLevelTests {
    static let suite1: UInt16 = 1

    /// Capabilities that list suite 2 only (not the group's suite 1), with the basic credential.
    static let withoutGroupSuite = Capabilities(versions: [.mls10], cipherSuites: [2], extensions: [], proposals: [],
                                                credentials: [.basic])

    static func rules(_ findings: [MLSFinding]) -> Set<String> { Set(findings.map(\.rule)) }

    @Test("policy: a leaf whose capabilities omit the group's cipher suite is added, with a finding at every member")
    func capabilitiesWithoutGroupSuiteAreAFinding() throws {
        var w = try RejectionTableTests.world()
        let x = try w.keyPackage(for: "x", capabilities: Self.withoutGroupSuite)
        try w.commit(by: "c0", CommitOptions(byValue: [.add(Add(keyPackage: x.keyPackage))]), joiners: ["x": x])
        #expect(w.agree())
        for name in ["c0", "b", "c", "x"] {
            var member = try #require(w.members[name])
            let findings = member.takeFindings()
            #expect(Self.rules(findings) == [MLSFinding.Rule.capabilitiesListGroupParameters], "\(name)")
            #expect(findings.allSatisfy { $0.level == .policy && $0.impact != nil })
            #expect(member.takeFindings().isEmpty, "takeFindings drains")
        }
        // Outside a group: the tree and the KeyPackage report the same finding.
        var tree = try #require(w.members["b"]).tree
        let c0 = try #require(w.members["c0"])
        #expect(Self.rules(try tree.validate(groupID: c0.groupID, suite: w.suite)) == [MLSFinding.Rule.capabilitiesListGroupParameters])
        #expect(Self.rules(try KeyPackageValidation.validate(x.keyPackage, suite: w.suite, lifetime: .off))
                == [MLSFinding.Rule.capabilitiesListGroupParameters])
    }

    @Test("MUST: a leaf whose capabilities omit its own credential type is rejected (RFC 9420 §7.2)")
    func capabilitiesWithoutOwnCredentialAreRejected() throws {
        var w = try RejectionTableTests.world()
        let caps = Capabilities(versions: [.mls10], cipherSuites: [1], extensions: [], proposals: [], credentials: [.x509])
        let x = try w.keyPackage(for: "x", capabilities: caps)
        var c0 = try #require(w.members["c0"])
        RejectionTableTests.rejects(.leafCredentialNotInCapabilities) {
            _ = try c0.commit(CommitOptions(byValue: [.add(Add(keyPackage: x.keyPackage))]))
        }
        #expect(throws: MLSError.code(.leafCredentialNotInCapabilities)) {
            try KeyPackageValidation.validate(x.keyPackage, suite: w.suite, lifetime: .off)
        }
    }

    @Test("SHOULD: a receiver accepts an Add of an expired KeyPackage with a finding; the committer, who sends it, refuses")
    func receivedLifetimeIsAFindingSentLifetimeIsAMust() throws {
        var w = try RejectionTableTests.world()
        var r = DeterministicRandom(seed: 3001)
        let id = try SigningIdentity.basic(Array("old".utf8), suite: w.suite, using: &r)
        let kp = try KeyPackageBundle.make(suite: w.suite, identity: id, lifetime: Lifetime(notBefore: 100, notAfter: 200), using: &r)
        var c0 = try #require(w.members["c0"])
        c0.configuration.clock = .fixed(1_000)
        RejectionTableTests.rejects(.leafLifetime) { _ = try c0.commit(CommitOptions(byValue: [.add(Add(keyPackage: kp.keyPackage))])) }

        c0.configuration.clock = .fixed(150)  // valid when sent
        let out = try c0.commit(CommitOptions(byValue: [.add(Add(keyPackage: kp.keyPackage))]))
        #expect(c0.takeFindings().isEmpty)
        var b = try #require(w.members["b"])
        b.configuration.clock = .fixed(1_000)  // expired when received
        try b.process(try GroupWorld.wire(out.commit))
        #expect(b.epoch == 2)
        let findings = b.takeFindings()
        #expect(Self.rules(findings) == [MLSFinding.Rule.leafLifetimeReceived])
        #expect(findings.first?.level == .should)
        w.members["b"] = b
        // With lifetime checks off (the published passive-client vectors), neither side looks at the lifetime.
        c0.configuration.clock = .fixed(1_000)
        c0.configuration.checkLifetimes = false
        _ = try c0.commit(CommitOptions(byValue: [.add(Add(keyPackage: kp.keyPackage))]))
        #expect(c0.takeFindings().isEmpty)

        // Outside a group the caller says which side it is on.
        #expect(Self.rules(try KeyPackageValidation.validate(kp.keyPackage, suite: w.suite, lifetime: .receiving(now: 1_000)))
                == [MLSFinding.Rule.leafLifetimeReceived])
        #expect(throws: MLSError.code(.leafLifetime)) {
            try KeyPackageValidation.validate(kp.keyPackage, suite: w.suite, lifetime: .sending(now: 1_000))
        }
    }

    @Test("policy: an external resync removing another member's leaf is accepted with a finding; a Remove of a blank leaf is not")
    func resyncWithAnotherCredentialIsAFinding() throws {
        let w = try RejectionTableTests.world()
        let c0 = try #require(w.members["c0"])
        let info = try c0.groupInfo()
        var r = DeterministicRandom(seed: 3002)
        let id = try SigningIdentity.basic(Array("z".utf8), suite: w.suite, using: &r)
        let bLeaf = try #require(w.members["b"]).myLeaf
        let out = try MLSGroup.joinExternally(groupInfo: info, identity: id, removePrior: bLeaf, using: &r)
        var receiver = try #require(w.members["c"])
        try receiver.process(try GroupWorld.wire(out.commit))
        #expect(receiver.epoch == out.group.epoch && receiver.epochAuthenticator == out.group.epochAuthenticator)
        let findings = receiver.takeFindings()
        #expect(Self.rules(findings) == [MLSFinding.Rule.resyncCredential])
        #expect(findings.first?.level == .policy)

        RejectionTableTests.rejects(.removeOfBlankLeaf) {
            _ = try MLSGroup.joinExternally(groupInfo: info, identity: id, removePrior: 9, using: &r)
        }
    }

    @Test("MUST: an Update that keeps the leaf's encryption key is rejected (RFC 9420 §7.3)")
    func updateKeepingTheEncryptionKeyIsRejected() throws {
        var w = try RejectionTableTests.world()
        var b = try #require(w.members["b"])
        var leaf = try #require(b.tree.leaf(b.myLeaf))
        leaf.source = .update
        leaf = try LeafNodeSigner.sign(leaf, suite: w.suite, groupID: b.groupID, leafIndex: b.myLeaf,
                                       signaturePrivateKey: b.identity.signaturePrivateKey)
        let proposal = try b.propose(.update(Update(leafNode: leaf)))
        w.members["b"] = b
        try w.deliverProposal(proposal, from: "b")
        var c0 = try #require(w.members["c0"])
        RejectionTableTests.rejects(.leafEncryptionKeyUnchanged) { _ = try c0.commit() }
    }

    @Test("MUST: a new member and a joiner must support every GroupContext extension (RFC 9420 §13.4)")
    func joinerMustSupportEveryGroupContextExtension() throws {
        let custom = ExtensionType(0xff30)
        let caps = Capabilities(versions: [.mls10], cipherSuites: [1], extensions: [custom], proposals: [], credentials: [.basic])
        var w = try GroupWorld(suite: try CipherSuite(Self.suite1), seed: 3003, capabilities: caps)
        let b = try w.keyPackage(for: "b", capabilities: caps)
        try w.commit(by: "c0", CommitOptions(byValue: [.add(Add(keyPackage: b.keyPackage))]), joiners: ["b": b])
        try w.commit(by: "c0", CommitOptions(byValue: [.groupContextExtensions(GroupContextExtensions(
            extensions: [Extension(extensionType: custom, extensionData: [])]))]))
        // A KeyPackage that does not list the extension: the committer refuses the Add (§13.4) ...
        let plain = try w.keyPackage(for: "x")
        var c0 = try #require(w.members["c0"])
        RejectionTableTests.rejects(.extensionUnsupported) { _ = try c0.commit(CommitOptions(byValue: [.add(Add(keyPackage: plain.keyPackage))])) }
        // ... and a joiner whose capabilities do not list it refuses to join (here by an external Commit).
        let info = try c0.groupInfo()
        var r = DeterministicRandom(seed: 3004)
        let z = try SigningIdentity.basic(Array("z".utf8), suite: w.suite, using: &r)
        #expect(throws: MLSError.code(.extensionUnsupported)) { _ = try MLSGroup.joinExternally(groupInfo: info, identity: z, using: &r) }
        #expect(try MLSGroup.joinExternally(groupInfo: info, identity: z, capabilities: caps, using: &r).group.epoch == c0.epoch + 1)
    }

    @Test("every code of an RFC rule or harness limit, and every finding, has an entry in docs/requirements.yaml")
    func everyRequirementIsInTheRegistry() throws {
        let registry = try String(contentsOf: RegistryFile.url, encoding: .utf8)
        for code in MLSError.Code.allCases {
            guard let id = code.requirement, !id.hasPrefix("draft-ietf-mls-extensions") else { continue }
            #expect(registry.contains("id: \(id),"), "\(code): \(id) is not in docs/requirements.yaml")
        }
        for id in [MLSFinding.Rule.leafLifetimeReceived, MLSFinding.Rule.capabilitiesListGroupParameters,
                   MLSFinding.Rule.resyncCredential] {
            #expect(registry.contains("id: \(id),"), "\(id) is not in docs/requirements.yaml")
        }
    }
}

/// docs/requirements.yaml of this package.
enum RegistryFile {
    static var url: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/requirements.yaml")
    }
}
