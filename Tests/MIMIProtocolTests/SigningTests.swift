import Testing
import MLS
import MLSCrypto
import TLSCodec
@testable import MIMIProtocol

@Suite("Signatures, encryption and franking over the MIMI structures")
struct SigningTests {
    let f: MLSFixtures
    init() throws { f = try MLSFixtures.load() }

    @Test("KeyMaterialRequest and GroupInfoRequest signatures verify and fail when a field changes", arguments: [UInt16(1), 2])
    func requests(suiteID: UInt16) throws {
        let suite = try CipherSuite(suiteID)
        var rng = DeterministicRandom(seed: 42)
        let keys = try suite.generateSignatureKeyPair(using: &rng)
        var km = KeyMaterialRequest(requestingUser: "mimi://a.example/u/alice", targetUser: "mimi://b.example/u/bob",
                                    roomID: "mimi://a.example/r/clubhouse", acceptableCiphersuites: [suiteID],
                                    requiredCapabilities: RequiredCapabilities(extensionTypes: [], proposalTypes: [], credentialTypes: []),
                                    requesterSignatureKey: keys.publicKey, requesterCredential: .basic(identity: Array("alice".utf8)))
        try km.sign(privateKey: keys.privateKey, suite: suite)
        #expect(try km.verifySignature(suite: suite))
        let decoded = try KeyMaterialRequest(tlsDecoding: km.tlsEncoded)
        #expect(try decoded.verifySignature(suite: suite))
        var tampered = decoded
        tampered.targetUser = "mimi://b.example/u/mallory"
        #expect(try !tampered.verifySignature(suite: suite))

        var gi = GroupInfoRequest(cipherSuite: suiteID, requestingSignatureKey: keys.publicKey,
                                  requestingCredential: .basic(identity: Array("cathy".utf8)), groupInfoPublicKey: [1, 2, 3])
        try gi.sign(privateKey: keys.privateKey)
        #expect(try GroupInfoRequest(tlsDecoding: gi.tlsEncoded).verifySignature())
        gi.joiningCode = [9]
        #expect(try !gi.verifySignature())
    }

    @Test("a success GroupInfoResponse is signed by the hub and decrypts to the GroupInfo, tree and pending proposals")
    func groupInfoResponse() throws {
        let suite = try CipherSuite(1)
        var rng = DeterministicRandom(seed: 7)
        let hubKeys = try suite.generateSignatureKeyPair(using: &rng)
        let joinKeys = try suite.generateKEMKeyPair(using: &rng)
        let hub = ExternalSender(signatureKey: hubKeys.publicKey, credential: .basic(identity: Array("a.example".utf8)))
        let content = GroupInfoRatchetTreeTBE(groupInfo: try f.groupInfoBody, ratchetTreeOption: .full(ratchetTree: f.ratchetTree),
                                              pendingProposals: [PendingProposal(proposal: f.proposal, hubAcceptedTime: 3)])
        let roomID = Array("mimi://a.example/r/clubhouse".utf8)
        let response = try GroupInfoResponse.success(roomID: roomID, suite: suite, hubSender: hub,
                                                     hubSignaturePrivateKey: hubKeys.privateKey,
                                                     groupInfoPublicKey: joinKeys.publicKey, content: content, using: &rng)
        let decoded = try GroupInfoResponse(tlsDecoding: response.tlsEncoded)
        #expect(try decoded.verifySignature())
        #expect(try decoded.decryptContent(groupInfoPrivateKey: joinKeys.privateKey) == content)
        var otherRoom = decoded
        otherRoom.roomID = Array("mimi://a.example/r/other".utf8)
        #expect(try !otherRoom.verifySignature())
        #expect(throws: (any Error).self) { try otherRoom.decryptContent(groupInfoPrivateKey: joinKeys.privateKey) }
        #expect(try !GroupInfoResponse(roomID: roomID, outcome: .noSuchRoom).verifySignature())
    }

    @Test("franks verify for their context only; the hub recognizes its own server_frank")
    func franking() throws {
        let suite = try CipherSuite(2)
        var rng = DeterministicRandom(seed: 9)
        let keys = try suite.generateSignatureKeyPair(using: &rng)
        let hubKey = [UInt8](repeating: 0x42, count: 32)
        let tag = Franking.frankingTag(salt: [UInt8](repeating: 1, count: 16), applicationData: [0x87, 0x50])
        #expect(tag.count == 32)
        let context = ServerFrankingContext(senderURI: "mimi://c.example/u/cathy", roomURI: "mimi://a.example/r/clubhouse",
                                            acceptedTimestamp: 1_644_387_225_019)
        let frank = try Franking.frank(hubKey: hubKey, frankingTag: tag, context: context, suite: suite, frankingPrivateKey: keys.privateKey)
        #expect(frank.frankingSignatureCiphersuite == 2)
        #expect(try Franking.verify(frank, context: context, frankingPublicKey: keys.publicKey))
        var later = context
        later.acceptedTimestamp += 1
        #expect(try !Franking.verify(frank, context: later, frankingPublicKey: keys.publicKey))
        #expect(Franking.hubRecognizes(frank, hubKey: hubKey, frankingTag: tag, context: context))
        #expect(!Franking.hubRecognizes(frank, hubKey: hubKey, frankingTag: [UInt8](repeating: 0, count: 32), context: context))
    }

    @Test("external senders: the hub must be listed; a follower without participants must not be")
    func externalSenders() throws {
        func sender(_ domain: String) -> ExternalSender {
            ExternalSender(signatureKey: Array(domain.utf8), credential: .basic(identity: Array(domain.utf8)))
        }
        let domainOf: (Credential) -> String? = { c in
            if case .basic(let id) = c { return String(decoding: id, as: UTF8.self) } else { return nil }
        }
        let hub = sender("a.example")
        let ok = [Extension(ExternalSenders(senders: [hub, sender("b.example")]))]
        #expect(try ExternalSendersRule.violations(in: ok, hub: hub, participantDomains: ["a.example", "b.example"], domainOf: domainOf).isEmpty)
        #expect(try ExternalSendersRule.violations(in: ok, hub: hub, participantDomains: ["a.example"], domainOf: domainOf).count == 1)
        #expect(try ExternalSendersRule.violations(in: [], hub: hub, participantDomains: [], domainOf: domainOf).count == 1)
        let noHub = [Extension(ExternalSenders(senders: [sender("b.example")]))]
        #expect(try ExternalSendersRule.violations(in: noHub, hub: hub, participantDomains: ["b.example"], domainOf: domainOf).count == 1)
    }
}
