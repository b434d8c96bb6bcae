import Testing
import MLS
import TLSCodec
@testable import MIMIProtocol

@Suite("Bundle and consent rules")
struct RulesTests {
    let f: MLSFixtures
    init() throws { f = try MLSFixtures.load() }

    @Test("a GroupInfo with ratchet_tree, or for another group or epoch, is flagged")
    func bundleRules() throws {
        var groupInfo = try f.groupInfoBody
        guard case .publicMessage(let commit) = f.commit.body else { Issue.record("fixture is not a PublicMessage"); return }
        groupInfo.groupContext.groupID = commit.content.groupID
        groupInfo.groupContext.epoch = commit.content.epoch + 1
        groupInfo.extensions.removeAll { $0.extensionType == .ratchetTree }
        let good = HandshakeBundle(proposalOrCommit: f.commit, attachments: .commit(welcome: nil, groupInfoOption: .full(groupInfo),
                                                                                     ratchetTreeOption: .distributionService))
        #expect(good.structuralViolations.isEmpty)
        var withTree = groupInfo
        withTree.extensions.append(Extension(RatchetTreeExtension(nodes: f.ratchetTree)))
        var stale = groupInfo
        stale.groupContext.epoch = commit.content.epoch
        for bad in [withTree, stale] {
            let bundle = HandshakeBundle(proposalOrCommit: f.commit, attachments: .commit(welcome: nil, groupInfoOption: .full(bad),
                                                                                           ratchetTreeOption: .distributionService))
            #expect(bundle.structuralViolations.count == 1)
        }
    }

    @Test("consent operations and domains are checked per endpoint")
    func consentRules() {
        let scope = ConsentScope(requesterURI: "mimi://a.example/u/alice", targetURI: "mimi://b.example/u/bob")
        let request = ConsentEntry(operation: .request, scope: scope)
        let grant = ConsentEntry(operation: .grant, scope: scope)
        #expect(request.violations(on: .requestConsent, senderDomains: ["a.example"], receiverDomains: ["b.example"]).isEmpty)
        #expect(grant.violations(on: .updateConsent, senderDomains: ["b.example"], receiverDomains: ["a.example"]).isEmpty)
        #expect(grant.violations(on: .requestConsent, senderDomains: ["a.example"], receiverDomains: ["b.example"]).count == 1)
        #expect(request.violations(on: .requestConsent, senderDomains: ["c.example"], receiverDomains: ["b.example"]).count == 1)
        #expect(grant.violations(on: .updateConsent, senderDomains: ["a.example"], receiverDomains: ["b.example"]).count == 2)
        #expect(request.violations(on: .notify, senderDomains: [], receiverDomains: []).count == 1)
    }
}
