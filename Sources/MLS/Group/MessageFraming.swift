import MLSCrypto
import TLSCodec

/// The group's use of message protection (RFC 9420 §6.1–§6.3, Sources/MLS/Protection).
enum MessageFraming {
    /// Signs `content` (§6.1); a commit gets an empty confirmation tag, which the caller replaces (the signature
    /// does not cover it).
    static func sign(_ content: FramedContent, wireFormat: WireFormat, groupContext: [UInt8], suite: CipherSuite,
                     signaturePrivateKey: [UInt8]) throws -> AuthenticatedContent {
        try ContentSigning.sign(cipherSuite: suite, wireFormat: wireFormat, content: content, groupContext: groupContext,
                                signaturePrivateKey: signaturePrivateKey, confirmationTag: content.contentType == .commit ? [] : nil)
    }

    /// Verifies the signature of `authenticated` with `publicKey` (§6.1).
    static func verify(_ authenticated: AuthenticatedContent, groupContext: [UInt8], suite: CipherSuite,
                       publicKey: [UInt8]) throws {
        try ContentSigning.verify(cipherSuite: suite, authenticated, groupContext: groupContext, signaturePublicKey: publicKey)
    }

    /// A PublicMessage with the membership tag for member senders (§6.2).
    static func protectPublic(_ authenticated: AuthenticatedContent, groupContext: [UInt8], suite: CipherSuite,
                              membershipKey: [UInt8]) throws -> PublicMessage {
        try PublicMessageProtection.protect(cipherSuite: suite, authenticated, groupContext: groupContext,
                                            membershipKey: membershipKey)
    }

    /// A PrivateMessage under the epoch's secret tree (§6.3), zero-padded to a multiple of `paddingBlock`.
    static func protectPrivate(_ authenticated: AuthenticatedContent, paddingBlock: Int, secretTree: inout SecretTree,
                               senderDataSecret: [UInt8], suite: CipherSuite,
                               using rng: inout DeterministicRandom) throws -> PrivateMessage {
        var padding = 0
        if paddingBlock > 1 {
            let size = PrivateMessageContent(body: authenticated.content.body, auth: authenticated.auth).tlsEncoded.count
            padding = (paddingBlock - size % paddingBlock) % paddingBlock
        }
        var keys = PrivateMessageProtection.EpochKeys(secretTree: secretTree, senderDataSecret: senderDataSecret)
        let out = try PrivateMessageProtection.protect(cipherSuite: suite, authenticated, keys: &keys, paddingLength: padding,
                                                       using: &rng)
        secretTree = keys.secretTree
        return out
    }

    /// Decrypts a PrivateMessage of `epoch` (§6.3.1, §6.3.2); the caller checks the sender and the signature.
    static func decrypt(_ message: PrivateMessage, epoch: UInt64, secretTree: inout SecretTree, senderDataSecret: [UInt8],
                        suite: CipherSuite) throws -> AuthenticatedContent {
        var keys = PrivateMessageProtection.EpochKeys(secretTree: secretTree, senderDataSecret: senderDataSecret)
        let out = try PrivateMessageProtection.unprotect(cipherSuite: suite, message, groupID: message.groupID, epoch: epoch,
                                                         keys: &keys)
        secretTree = keys.secretTree
        return out
    }
}
