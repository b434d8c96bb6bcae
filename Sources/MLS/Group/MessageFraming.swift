import MLSCrypto
import TLSCodec

/// Signing, membership tags and PrivateMessage encryption for a group member (RFC 9420 §6.1, §6.2, §6.3).
enum MessageFraming {
    /// signature = SignWithLabel(., "FramedContentTBS", FramedContentTBS) (§6.1).
    static func sign(_ content: FramedContent, wireFormat: WireFormat, groupContext: [UInt8], suite: CipherSuite,
                     signaturePrivateKey: [UInt8]) throws -> [UInt8] {
        let tbs = try FramedContentTBS(wireFormat: wireFormat, content: content, serializedGroupContext: groupContext)
        return try suite.signWithLabel(privateKey: signaturePrivateKey, label: "FramedContentTBS", content: tbs.tlsEncoded)
    }

    /// Verifies the signature of `content` with `publicKey` (§6.1); throws ``GroupError/signatureInvalid``.
    static func verify(_ content: FramedContent, wireFormat: WireFormat, signature: [UInt8], groupContext: [UInt8],
                       suite: CipherSuite, publicKey: [UInt8]) throws {
        let tbs = try FramedContentTBS(wireFormat: wireFormat, content: content, serializedGroupContext: groupContext)
        let ok = (try? suite.verifyWithLabel(publicKey: publicKey, label: "FramedContentTBS", content: tbs.tlsEncoded,
                                             signature: signature)) ?? false
        guard ok else { throw GroupError.signatureInvalid }
    }

    /// membership_tag = MAC(membership_key, AuthenticatedContentTBM) (§6.2).
    static func membershipTag(_ content: FramedContent, auth: FramedContentAuthData, groupContext: [UInt8],
                              suite: CipherSuite, membershipKey: [UInt8]) throws -> [UInt8] {
        let tbs = try FramedContentTBS(wireFormat: .publicMessage, content: content, serializedGroupContext: groupContext)
        return suite.mac(key: membershipKey, data: AuthenticatedContentTBM(contentTBS: tbs, auth: auth).tlsEncoded)
    }

    /// Encrypts a signed content as a PrivateMessage (§6.3): content key from the sender's handshake or application
    /// ratchet, nonce xor reuse_guard, AEAD with PrivateContentAAD; then SenderData sealed with keys derived from the
    /// ciphertext sample.
    static func encrypt(_ content: FramedContent, auth: FramedContentAuthData, leaf: UInt32, paddingBlock: Int,
                        secretTree: inout SecretTree, senderDataSecret: [UInt8], suite: CipherSuite,
                        using rng: inout DeterministicRandom) throws -> PrivateMessage {
        let type: RatchetType = content.contentType == .application ? .application : .handshake
        let kn = try secretTree.nextKeyNonce(leaf: leaf, type: type)
        var plain = PrivateMessageContent(body: content.body, auth: auth).tlsEncoded
        if paddingBlock > 1, plain.count % paddingBlock != 0 {
            plain += [UInt8](repeating: 0, count: paddingBlock - plain.count % paddingBlock)
        }
        let reuseGuard = rng.bytes(4)
        var nonce = kn.nonce
        for i in 0..<4 { nonce[i] ^= reuseGuard[i] }
        let aad = PrivateContentAAD(groupID: content.groupID, epoch: content.epoch, contentType: content.contentType,
                                    authenticatedData: content.authenticatedData)
        let ciphertext = try suite.aead.seal(key: kn.key, nonce: nonce, aad: aad.tlsEncoded, plaintext: plain)
        let sd = try SenderDataKeys.derive(cipherSuite: suite, senderDataSecret: senderDataSecret, ciphertext: ciphertext)
        let sdAAD = SenderDataAAD(groupID: content.groupID, epoch: content.epoch, contentType: content.contentType)
        let senderData = SenderData(leafIndex: leaf, generation: kn.generation, reuseGuard: reuseGuard)
        let encSD = try suite.aead.seal(key: sd.key, nonce: sd.nonce, aad: sdAAD.tlsEncoded, plaintext: senderData.tlsEncoded)
        return PrivateMessage(groupID: content.groupID, epoch: content.epoch, contentType: content.contentType,
                              authenticatedData: content.authenticatedData, encryptedSenderData: encSD,
                              ciphertext: ciphertext)
    }

    /// Decrypts a PrivateMessage (§6.3.1, §6.3.2) into its FramedContent and auth data. The caller checks that the
    /// sender is a member and verifies the signature.
    static func decrypt(_ message: PrivateMessage, secretTree: inout SecretTree, senderDataSecret: [UInt8],
                        suite: CipherSuite) throws -> (content: FramedContent, auth: FramedContentAuthData) {
        let senderData: SenderData
        do {
            let sd = try SenderDataKeys.derive(cipherSuite: suite, senderDataSecret: senderDataSecret,
                                               ciphertext: message.ciphertext)
            let plain = try suite.aead.open(key: sd.key, nonce: sd.nonce, aad: message.senderDataAAD.tlsEncoded,
                                            ciphertext: message.encryptedSenderData)
            senderData = try SenderData(tlsDecoding: plain)
        } catch {
            throw GroupError.decryptionFailed("sender data: \(error)")
        }
        guard senderData.leafIndex < secretTree.leafCount else {
            throw GroupError.senderNotMember(leaf: senderData.leafIndex)
        }
        let type: RatchetType = message.contentType == .application ? .application : .handshake
        let kn: KeyNonce
        do {
            kn = try secretTree.keyNonce(leaf: senderData.leafIndex, type: type, generation: senderData.generation)
        } catch {
            throw GroupError.decryptionFailed("secret tree: \(error)")
        }
        var nonce = kn.nonce
        for i in 0..<4 { nonce[i] ^= senderData.reuseGuard[i] }
        let plain: [UInt8]
        do {
            plain = try suite.aead.open(key: kn.key, nonce: nonce, aad: message.contentAAD.tlsEncoded,
                                        ciphertext: message.ciphertext)
        } catch {
            throw GroupError.decryptionFailed("content: \(error)")
        }
        let inner: PrivateMessageContent
        do {
            inner = try PrivateMessageContent(decoding: plain, contentType: message.contentType)
        } catch {
            throw GroupError.decryptionFailed("content: \(error)")
        }
        let content = FramedContent(groupID: message.groupID, epoch: message.epoch,
                                    sender: .member(leafIndex: senderData.leafIndex),
                                    authenticatedData: message.authenticatedData, body: inner.body)
        return (content, inner.auth)
    }
}
