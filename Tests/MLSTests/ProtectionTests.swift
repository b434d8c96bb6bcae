import MLS
import MLSCrypto
import Results
import TLSCodec
import Testing
import Vectors

/// Message protection (RFC 9420 §6.1–§6.3) and the transcript-hash runner, with the negative paths.
@Suite struct ProtectionTests {
    /// A group of two, suite 1, built from the first message-protection case (sender = leaf 1).
    struct Fixture {
        let suite: CipherSuite
        let groupID: [UInt8]
        let epoch: UInt64
        let groupContext: [UInt8]
        let signaturePriv: [UInt8]
        let signaturePub: [UInt8]
        let membershipKey: [UInt8]
        let encryptionSecret: [UInt8]
        let senderDataSecret: [UInt8]
        let proposalPub: [UInt8]

        init() throws {
            let c = try #require(try CryptoVectorFile("mls/message-protection.json").cases.first)
            suite = try CipherSuite(UInt16(c.intField("cipher_suite")))
            groupID = try c.hexField("group_id")
            epoch = UInt64(try c.intField("epoch"))
            groupContext = GroupContext(cipherSuite: suite.id, groupID: groupID, epoch: epoch, treeHash: try c.hexField("tree_hash"),
                                        confirmedTranscriptHash: try c.hexField("confirmed_transcript_hash"), extensions: []).tlsEncoded
            signaturePriv = try c.hexField("signature_priv")
            signaturePub = try c.hexField("signature_pub")
            membershipKey = try c.hexField("membership_key")
            encryptionSecret = try c.hexField("encryption_secret")
            senderDataSecret = try c.hexField("sender_data_secret")
            proposalPub = try c.hexField("proposal_pub")
        }

        func keys() throws -> PrivateMessageProtection.EpochKeys {
            .init(secretTree: try SecretTree(cipherSuite: suite, encryptionSecret: encryptionSecret, leafCount: 2),
                  senderDataSecret: senderDataSecret)
        }

        func content(_ body: FramedContentBody, sender: Sender = .member(leafIndex: 1)) -> FramedContent {
            FramedContent(groupID: groupID, epoch: epoch, sender: sender, authenticatedData: [7], body: body)
        }

        func sign(_ content: FramedContent, _ wireFormat: WireFormat, tag: [UInt8]? = nil) throws -> AuthenticatedContent {
            try ContentSigning.sign(cipherSuite: suite, wireFormat: wireFormat, content: content, groupContext: groupContext,
                                    signaturePrivateKey: signaturePriv, confirmationTag: tag)
        }
    }

    @Test func runnersPassSupportedSuites() throws {
        let mp = MessageProtectionRunner().run(try CryptoVectorFile.source("mls/message-protection.json"))
        #expect(mp.filter { $0.status == .passed }.count == 5, "\(mp.filter { $0.status != .passed }.map { "\($0.id) \($0.status) \($0.message ?? "")" })")
        #expect(mp.filter { $0.status == .unsupported }.map(\.cipherSuite) == [4, 6])
        let th = TranscriptHashesRunner().run(try CryptoVectorFile.source("mls/transcript-hashes.json"))
        #expect(th.filter { $0.status == .passed }.count == 5, "\(th.filter { $0.status != .passed }.map { "\($0.id) \($0.status) \($0.message ?? "")" })")
        #expect(th.filter { $0.status == .unsupported }.map(\.cipherSuite) == [4, 6])
    }

    @Test func publicMessageTamperingIsDetected() throws {
        let f = try Fixture()
        guard case .publicMessage(let pm) = try MLSMessage(tlsDecoding: f.proposalPub).body else {
            Issue.record("proposal_pub is not a PublicMessage")
            return
        }
        func unprotect(_ m: PublicMessage, groupID: [UInt8]? = nil, epoch: UInt64? = nil) throws -> AuthenticatedContent {
            try PublicMessageProtection.unprotect(cipherSuite: f.suite, m, groupID: groupID ?? f.groupID, epoch: epoch ?? f.epoch,
                                                  groupContext: f.groupContext, membershipKey: f.membershipKey)
        }
        let ac = try unprotect(pm)
        try ContentSigning.verify(cipherSuite: f.suite, ac, groupContext: f.groupContext, signaturePublicKey: f.signaturePub)
        var badTag = pm
        badTag.membershipTag = pm.membershipTag.map { [$0[0] ^ 1] + $0.dropFirst() }
        #expect(throws: MLSError.code(.membershipTagInvalid)) { try unprotect(badTag) }
        var noTag = pm
        noTag.membershipTag = nil
        #expect(throws: MLSError.code(.membershipTagInvalid)) { try unprotect(noTag) }
        #expect(throws: MLSError.code(.wrongEpoch)) { try unprotect(pm, epoch: f.epoch + 1) }
        #expect(throws: MLSError.code(.wrongGroupID)) { try unprotect(pm, groupID: [1]) }
        // A different GroupContext changes FramedContentTBS, so the signature no longer verifies.
        #expect(throws: MLSError.code(.signatureInvalid)) {
            try ContentSigning.verify(cipherSuite: f.suite, ac, groupContext: f.groupContext + [0], signaturePublicKey: f.signaturePub)
        }
        var rng = DeterministicRandom(seed: 1)
        let other = try f.suite.generateSignatureKeyPair(using: &rng)
        #expect(throws: MLSError.code(.signatureInvalid)) {
            try ContentSigning.verify(cipherSuite: f.suite, ac, groupContext: f.groupContext, signaturePublicKey: other.publicKey)
        }
    }

    @Test func applicationDataIsRefusedAsPublicMessage() throws {
        let f = try Fixture()
        let signed = try f.sign(f.content(.application([1, 2, 3])), .publicMessage)
        #expect(throws: MLSError.code(.applicationAsPublicMessage)) {
            try PublicMessageProtection.protect(cipherSuite: f.suite, signed, groupContext: f.groupContext, membershipKey: f.membershipKey)
        }
        let forged = PublicMessage(content: signed.content, auth: signed.auth, membershipTag: [UInt8](repeating: 0, count: 32))
        #expect(throws: MLSError.code(.applicationAsPublicMessage)) {
            try PublicMessageProtection.unprotect(cipherSuite: f.suite, forged, groupID: f.groupID, epoch: f.epoch,
                                                  groupContext: f.groupContext, membershipKey: f.membershipKey)
        }
    }

    @Test func confirmationTagMustMatchContentType() throws {
        let f = try Fixture()
        #expect(throws: MLSError.code(.confirmationTagPresence)) {
            try f.sign(f.content(.application([1])), .privateMessage, tag: [1, 2])
        }
    }

    @Test func privateMessageRoundTripReplayAndTampering() throws {
        let f = try Fixture()
        var sender = try f.keys()
        var receiver = try f.keys()
        var rng = DeterministicRandom(seed: 2)
        let signed = try f.sign(f.content(.application(Array("hi".utf8))), .privateMessage)
        let first = try PrivateMessageProtection.protect(cipherSuite: f.suite, signed, keys: &sender, paddingLength: 3, using: &rng)
        let second = try PrivateMessageProtection.protect(cipherSuite: f.suite, signed, keys: &sender, using: &rng)
        #expect(first.ciphertext != second.ciphertext)

        // Out of order: the second message first, then the first; replaying either fails.
        let b = try PrivateMessageProtection.unprotect(cipherSuite: f.suite, second, groupID: f.groupID, epoch: f.epoch, keys: &receiver)
        let a = try PrivateMessageProtection.unprotect(cipherSuite: f.suite, first, groupID: f.groupID, epoch: f.epoch, keys: &receiver)
        #expect(a == b && a.content == signed.content)
        try ContentSigning.verify(cipherSuite: f.suite, a, groupContext: f.groupContext, signaturePublicKey: f.signaturePub)
        #expect(throws: MLSError.code(.generationConsumed)) {
            try PrivateMessageProtection.unprotect(cipherSuite: f.suite, first, groupID: f.groupID, epoch: f.epoch, keys: &receiver)
        }

        var fresh = try f.keys()
        var badSenderData = first
        badSenderData.encryptedSenderData[0] ^= 1
        #expect(throws: MLSError.code(.senderDataInvalid)) {
            try PrivateMessageProtection.unprotect(cipherSuite: f.suite, badSenderData, groupID: f.groupID, epoch: f.epoch, keys: &fresh)
        }
        var badAAD = first
        badAAD.authenticatedData = [8]
        #expect(throws: MLSError.code(.contentDecryptionFailed)) {
            try PrivateMessageProtection.unprotect(cipherSuite: f.suite, badAAD, groupID: f.groupID, epoch: f.epoch, keys: &fresh)
        }
    }

    @Test func privateMessageNeedsAMemberSenderInTheTree() throws {
        let f = try Fixture()
        var keys = try f.keys()
        var rng = DeterministicRandom(seed: 3)
        let external = try ContentSigning.sign(cipherSuite: f.suite, wireFormat: .privateMessage,
                                               content: f.content(.proposal(.remove(Remove(removed: 0))), sender: .external(senderIndex: 0)),
                                               groupContext: nil, signaturePrivateKey: f.signaturePriv)
        #expect(throws: MLSError.code(.senderNotAllowed)) {
            try PrivateMessageProtection.protect(cipherSuite: f.suite, external, keys: &keys, using: &rng)
        }
        let outside = try f.sign(f.content(.application([1]), sender: .member(leafIndex: 5)), .privateMessage)
        #expect(throws: MLSError.code(.senderNotMember)) {
            try PrivateMessageProtection.protect(cipherSuite: f.suite, outside, keys: &keys, using: &rng)
        }
    }

    @Test func reuseGuardIsReproducibleFromTheSeed() throws {
        let f = try Fixture()
        let signed = try f.sign(f.content(.application([4])), .privateMessage)
        var k1 = try f.keys(), k2 = try f.keys()
        var r1 = DeterministicRandom(seed: 9), r2 = DeterministicRandom(seed: 9)
        #expect(try PrivateMessageProtection.protect(cipherSuite: f.suite, signed, keys: &k1, using: &r1)
                == PrivateMessageProtection.protect(cipherSuite: f.suite, signed, keys: &k2, using: &r2))
    }
}
