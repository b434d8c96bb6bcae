import MLS
import MLSCrypto
import Results
import TLSCodec

/// Runs `message-protection.json` (RFC 9420 §6.1–§6.3, §9): unprotects the given proposal and commit as PublicMessage
/// and PrivateMessage and the application data as PrivateMessage (signature, membership tag, sender data, ratchet
/// key, reuse guard), re-protects each body itself and unprotects the result again, and checks that application data
/// is refused as a PublicMessage.
public struct MessageProtectionRunner: VectorRunner {
    public let name = "message-protection"
    public init() {}

    public func accepts(relativePath: String) -> Bool { MLSVectorCases.isFile(relativePath, named: "message-protection.json") }

    struct Case: Decodable {
        let cipher_suite: UInt16
        let group_id: HexBytes
        let epoch: UInt64
        let tree_hash: HexBytes
        let confirmed_transcript_hash: HexBytes
        let signature_priv: HexBytes
        let signature_pub: HexBytes
        let encryption_secret: HexBytes
        let sender_data_secret: HexBytes
        let membership_key: HexBytes
        let proposal: HexBytes
        let proposal_pub: HexBytes
        let proposal_priv: HexBytes
        let commit: HexBytes
        let commit_pub: HexBytes
        let commit_priv: HexBytes
        let application: HexBytes
        let application_priv: HexBytes
    }

    /// Everything one case needs to protect and unprotect.
    struct Setup {
        let suite: CipherSuite
        let c: Case
        let groupContext: [UInt8]
        var rng: DeterministicRandom

        func freshKeys() throws -> PrivateMessageProtection.EpochKeys {
            // The sender is leaf 1 of a two-leaf tree.
            PrivateMessageProtection.EpochKeys(
                secretTree: try SecretTree(cipherSuite: suite, encryptionSecret: c.encryption_secret.bytes, leafCount: 2),
                senderDataSecret: c.sender_data_secret.bytes)
        }
    }

    public func run(_ source: VectorSource) -> [CaseResult] {
        MLSVectorCases.run(source, as: Case.self,
                           requirements: ["RFC9420 §6.1", "RFC9420 §6.2", "RFC9420 §6.3.1", "RFC9420 §6.3.2", "RFC9420 §9"],
                           cipherSuite: { $0.cipher_suite }) { c, id in
            let suite = try MLSVectorCases.suite(c.cipher_suite)
            let gc = GroupContext(cipherSuite: c.cipher_suite, groupID: c.group_id.bytes, epoch: c.epoch, treeHash: c.tree_hash.bytes,
                                  confirmedTranscriptHash: c.confirmed_transcript_hash.bytes, extensions: [])
            var setup = Setup(suite: suite, c: c, groupContext: gc.tlsEncoded, rng: DeterministicRandom(seed: Array(id.utf8)))
            try VectorCase.field("proposal_pub") {
                try Self.publicMessage(&setup, field: "proposal_pub", message: c.proposal_pub.bytes, body: c.proposal.bytes)
            }
            try VectorCase.field("commit_pub") {
                try Self.publicMessage(&setup, field: "commit_pub", message: c.commit_pub.bytes, body: c.commit.bytes)
            }
            try VectorCase.field("proposal_priv") {
                try Self.privateMessage(&setup, field: "proposal_priv", message: c.proposal_priv.bytes, body: c.proposal.bytes)
            }
            try VectorCase.field("commit_priv") {
                try Self.privateMessage(&setup, field: "commit_priv", message: c.commit_priv.bytes, body: c.commit.bytes)
            }
            try VectorCase.field("application_priv") {
                try Self.privateMessage(&setup, field: "application_priv", message: c.application_priv.bytes, body: c.application.bytes)
            }
            try VectorCase.field("application") { try Self.applicationRefusedAsPublic(&setup) }
        }
    }

    /// The bytes of a content body as they appear in the vector (a bare Proposal, Commit or the application data).
    static func bodyBytes(_ body: FramedContentBody) -> [UInt8] {
        switch body {
        case .application(let data): return data
        case .proposal(let p): return p.tlsEncoded
        case .commit(let c): return c.tlsEncoded
        }
    }

    static func publicMessage(_ s: inout Setup, field: String, message: [UInt8], body: [UInt8]) throws {
        let c = s.c
        let decoded = try MLSMessage(tlsDecoding: message)
        try VectorCase.expectEqual(decoded.tlsEncoded, message, "\(field) (re-encoded)", "RFC9420 §6")
        guard case .publicMessage(let pm) = decoded.body else {
            throw VectorMismatch(field: "\(field).wire_format", expected: "mls_public_message", actual: "\(decoded.wireFormat)")
        }
        let ac = try PublicMessageProtection.unprotect(cipherSuite: s.suite, pm, groupID: c.group_id.bytes, epoch: c.epoch,
                                                       groupContext: s.groupContext, membershipKey: c.membership_key.bytes)
        try ContentSigning.verify(cipherSuite: s.suite, ac, groupContext: s.groupContext, signaturePublicKey: c.signature_pub.bytes)
        try VectorCase.expectEqual(bodyBytes(ac.content.body), body, "\(field): content", "RFC9420 §6.2")
        try VectorCase.expectEqual("\(ac.content.sender)", "member(leaf 1)", "\(field): sender")

        // Our own protection of the same content, unprotected again from its bytes.
        let own = try ContentSigning.sign(cipherSuite: s.suite, wireFormat: .publicMessage, content: ac.content,
                                          groupContext: s.groupContext, signaturePrivateKey: c.signature_priv.bytes,
                                          confirmationTag: ac.auth.confirmationTag)
        let ownMessage = try PublicMessageProtection.protect(cipherSuite: s.suite, own, groupContext: s.groupContext,
                                                             membershipKey: c.membership_key.bytes)
        let ownBytes = MLSMessage(.publicMessage(ownMessage)).tlsEncoded
        guard case .publicMessage(let reparsed) = try MLSMessage(tlsDecoding: ownBytes).body else {
            throw VectorMismatch(field: "\(field): own message wire_format", expected: "mls_public_message", actual: "other")
        }
        let back = try PublicMessageProtection.unprotect(cipherSuite: s.suite, reparsed, groupID: c.group_id.bytes, epoch: c.epoch,
                                                         groupContext: s.groupContext, membershipKey: c.membership_key.bytes)
        try ContentSigning.verify(cipherSuite: s.suite, back, groupContext: s.groupContext, signaturePublicKey: c.signature_pub.bytes)
        try VectorCase.expectEqual(bodyBytes(back.content.body), body, "\(field): own PublicMessage round trip", "RFC9420 §6.2")
    }

    static func privateMessage(_ s: inout Setup, field: String, message: [UInt8], body: [UInt8]) throws {
        let c = s.c
        // Each given message was protected from a fresh epoch state (they share handshake generation 0).
        var receiver = try s.freshKeys()
        let decoded = try MLSMessage(tlsDecoding: message)
        try VectorCase.expectEqual(decoded.tlsEncoded, message, "\(field) (re-encoded)", "RFC9420 §6")
        guard case .privateMessage(let pm) = decoded.body else {
            throw VectorMismatch(field: "\(field).wire_format", expected: "mls_private_message", actual: "\(decoded.wireFormat)")
        }
        let ac = try PrivateMessageProtection.unprotect(cipherSuite: s.suite, pm, groupID: c.group_id.bytes, epoch: c.epoch, keys: &receiver)
        try ContentSigning.verify(cipherSuite: s.suite, ac, groupContext: s.groupContext, signaturePublicKey: c.signature_pub.bytes)
        try VectorCase.expectEqual(bodyBytes(ac.content.body), body, "\(field): content", "RFC9420 §6.3.1")
        try VectorCase.expectEqual("\(ac.content.sender)", "member(leaf 1)", "\(field): sender", "RFC9420 §6.3.2")

        // Our own protection (with padding), unprotected by a separate receiver from its bytes.
        var sender = try s.freshKeys()
        var ownReceiver = try s.freshKeys()
        let own = try ContentSigning.sign(cipherSuite: s.suite, wireFormat: .privateMessage, content: ac.content,
                                          groupContext: s.groupContext, signaturePrivateKey: c.signature_priv.bytes,
                                          confirmationTag: ac.auth.confirmationTag)
        let ownMessage = try PrivateMessageProtection.protect(cipherSuite: s.suite, own, keys: &sender, paddingLength: 7, using: &s.rng)
        let ownBytes = MLSMessage(.privateMessage(ownMessage)).tlsEncoded
        guard case .privateMessage(let reparsed) = try MLSMessage(tlsDecoding: ownBytes).body else {
            throw VectorMismatch(field: "\(field): own message wire_format", expected: "mls_private_message", actual: "other")
        }
        let back = try PrivateMessageProtection.unprotect(cipherSuite: s.suite, reparsed, groupID: c.group_id.bytes, epoch: c.epoch,
                                                          keys: &ownReceiver)
        try ContentSigning.verify(cipherSuite: s.suite, back, groupContext: s.groupContext, signaturePublicKey: c.signature_pub.bytes)
        try VectorCase.expectEqual(bodyBytes(back.content.body), body, "\(field): own PrivateMessage round trip", "RFC9420 §6.3")
    }

    static func applicationRefusedAsPublic(_ s: inout Setup) throws {
        let c = s.c
        let content = FramedContent(groupID: c.group_id.bytes, epoch: c.epoch, sender: .member(leafIndex: 1), authenticatedData: [],
                                    body: .application(c.application.bytes))
        let signed = try ContentSigning.sign(cipherSuite: s.suite, wireFormat: .publicMessage, content: content,
                                             groupContext: s.groupContext, signaturePrivateKey: c.signature_priv.bytes)
        do {
            _ = try PublicMessageProtection.protect(cipherSuite: s.suite, signed, groupContext: s.groupContext,
                                                    membershipKey: c.membership_key.bytes)
        } catch let e as MLSError where e.code == .applicationAsPublicMessage {
            return
        }
        throw VectorMismatch(field: "application as PublicMessage", expected: "refused (applicationAsPublicMessage)",
                             actual: "accepted", requirement: "RFC9420 §6.2")
    }
}
