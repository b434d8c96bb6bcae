import MLSCrypto
import TLSCodec

/// PrivateMessage protection (RFC 9420 §6.3): content encrypted under a secret-tree ratchet key with the nonce's
/// first four bytes XORed with a random reuse_guard (§6.3.1), and the sender data (leaf, generation, reuse guard)
/// encrypted under keys derived from sender_data_secret and a sample of the ciphertext (§6.3.2).
public enum PrivateMessageProtection {
    /// The secrets of the epoch that PrivateMessage protection uses: the secret tree (RFC 9420 §9) and
    /// sender_data_secret (§6.3.2).
    public struct EpochKeys: Sendable {
        public var secretTree: SecretTree
        public let senderDataSecret: [UInt8]
        public init(secretTree: SecretTree, senderDataSecret: [UInt8]) {
            self.secretTree = secretTree
            self.senderDataSecret = senderDataSecret
        }
    }

    /// Encrypts signed content (wire format `mls_private_message`) from a member sender. The sender's next ratchet
    /// key is used (handshake for proposals and commits, application for application data); the reuse guard comes
    /// from `rng`; `paddingLength` zero bytes are appended to the plaintext.
    public static func protect(cipherSuite suite: CipherSuite, _ authenticated: AuthenticatedContent, keys: inout EpochKeys,
                               paddingLength: Int = 0, using rng: inout DeterministicRandom) throws -> PrivateMessage {
        let content = authenticated.content
        guard authenticated.wireFormat == .privateMessage else {
            throw MLSError(.invalidOperation, "content signed for \(authenticated.wireFormat) cannot be sent as a PrivateMessage (RFC 9420 §6.1)")
        }
        guard case .member(let leaf) = content.sender else {
            throw MLSError(.senderNotAllowed, "a PrivateMessage sender must be a member, not \(content.sender) (RFC 9420 §6.3.2)")
        }
        guard (authenticated.auth.confirmationTag != nil) == (content.contentType == .commit) else {
            throw MLSError(.confirmationTagPresence, "confirmation_tag presence does not match content type \(content.contentType)")
        }
        let ratchet = ratchetType(content.contentType)
        let keyNonce = try keys.secretTree.nextKeyNonce(leaf: leaf, type: ratchet)
        let reuseGuard = rng.bytes(4)
        let plaintext = PrivateMessageContent(body: content.body, auth: authenticated.auth, paddingLength: paddingLength).tlsEncoded
        let aad = PrivateContentAAD(groupID: content.groupID, epoch: content.epoch, contentType: content.contentType,
                                    authenticatedData: content.authenticatedData)
        let ciphertext = try crypto {
            try suite.aead.seal(key: keyNonce.key, nonce: applyReuseGuard(keyNonce.nonce, reuseGuard), aad: aad.tlsEncoded,
                                plaintext: plaintext)
        }
        let senderData = SenderData(leafIndex: leaf, generation: keyNonce.generation, reuseGuard: reuseGuard)
        let sdAAD = SenderDataAAD(groupID: content.groupID, epoch: content.epoch, contentType: content.contentType)
        let encryptedSenderData = try crypto {
            let (key, nonce) = try SenderDataKeys.derive(cipherSuite: suite, senderDataSecret: keys.senderDataSecret, ciphertext: ciphertext)
            return try suite.aead.seal(key: key, nonce: nonce, aad: sdAAD.tlsEncoded, plaintext: senderData.tlsEncoded)
        }
        return PrivateMessage(groupID: content.groupID, epoch: content.epoch, contentType: content.contentType,
                              authenticatedData: content.authenticatedData, encryptedSenderData: encryptedSenderData,
                              ciphertext: ciphertext)
    }

    /// Decrypts a PrivateMessage: sender data first, then the content with the sender's ratchet key for the
    /// generation (consuming it). Returns the AuthenticatedContent (wire format `mls_private_message`); check its
    /// signature with ``ContentSigning/verify(cipherSuite:_:groupContext:signaturePublicKey:)``.
    public static func unprotect(cipherSuite suite: CipherSuite, _ message: PrivateMessage, groupID: [UInt8], epoch: UInt64,
                                 keys: inout EpochKeys) throws -> AuthenticatedContent {
        guard message.groupID == groupID else {
            throw MLSError(.wrongGroupID, "the PrivateMessage is for another group_id")
        }
        guard message.epoch == epoch else {
            throw MLSError(.wrongEpoch, "the PrivateMessage is for epoch \(message.epoch); the group is at \(epoch)")
        }
        let senderData: SenderData
        do {
            let (key, nonce) = try SenderDataKeys.derive(cipherSuite: suite, senderDataSecret: keys.senderDataSecret,
                                                         ciphertext: message.ciphertext)
            let plain = try suite.aead.open(key: key, nonce: nonce, aad: message.senderDataAAD.tlsEncoded,
                                            ciphertext: message.encryptedSenderData)
            senderData = try SenderData(tlsDecoding: plain)
        } catch {
            throw MLSError(.senderDataInvalid, "the sender data does not decrypt or parse: \(error)")
        }
        guard senderData.leafIndex < keys.secretTree.leafCount else {
            throw MLSError(.senderNotMember, "the sender leaf \(senderData.leafIndex) is outside the tree of \(keys.secretTree.leafCount) leaves")
        }
        let keyNonce = try keys.secretTree.keyNonce(leaf: senderData.leafIndex, type: ratchetType(message.contentType),
                                                    generation: senderData.generation)
        let plaintext: [UInt8]
        do {
            plaintext = try suite.aead.open(key: keyNonce.key, nonce: applyReuseGuard(keyNonce.nonce, senderData.reuseGuard),
                                            aad: message.contentAAD.tlsEncoded, ciphertext: message.ciphertext)
        } catch {
            throw MLSError(.contentDecryptionFailed, "the content does not decrypt: \(error)")
        }
        let decoded: PrivateMessageContent
        do {
            decoded = try PrivateMessageContent(decoding: plaintext, contentType: message.contentType)
        } catch {
            throw MLSError(.privateContentMalformed, "the decrypted content does not parse: \(error)")
        }
        let content = FramedContent(groupID: message.groupID, epoch: message.epoch, sender: .member(leafIndex: senderData.leafIndex),
                                    authenticatedData: message.authenticatedData, body: decoded.body)
        return AuthenticatedContent(wireFormat: .privateMessage, content: content, auth: decoded.auth)
    }

    /// Handshake ratchet for proposals and commits, application ratchet for application data (RFC 9420 §6.3.1).
    public static func ratchetType(_ contentType: ContentType) -> RatchetType {
        contentType == .application ? .application : .handshake
    }

    /// The first four bytes of the nonce XORed with the reuse guard (RFC 9420 §6.3.1).
    static func applyReuseGuard(_ nonce: [UInt8], _ reuseGuard: [UInt8]) -> [UInt8] {
        var out = nonce
        for i in 0..<min(4, reuseGuard.count, out.count) { out[i] ^= reuseGuard[i] }
        return out
    }

    private static func crypto<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            throw MLSError(.cryptoFailure, "\(error)")
        }
    }
}
