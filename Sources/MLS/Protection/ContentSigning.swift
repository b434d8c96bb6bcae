import MLSCrypto
import TLSCodec

/// Signing and verifying message content (RFC 9420 §6.1):
/// signature = SignWithLabel(signature_key, "FramedContentTBS", FramedContentTBS), where the TBS carries the
/// serialized GroupContext for `member` and `new_member_commit` senders.
public enum ContentSigning {
    static let label = "FramedContentTBS"

    /// Signs `content` for `wireFormat` and returns the AuthenticatedContent. `confirmationTag` must be given exactly
    /// for commits (§6.1).
    public static func sign(cipherSuite suite: CipherSuite, wireFormat: WireFormat, content: FramedContent,
                            groupContext: [UInt8]?, signaturePrivateKey: [UInt8],
                            confirmationTag: [UInt8]? = nil) throws -> AuthenticatedContent {
        guard (confirmationTag != nil) == (content.contentType == .commit) else {
            throw MLSError(.confirmationTagPresence,
                           "a confirmation_tag is required exactly for commit content; content type is \(content.contentType)")
        }
        let tbs = try FramedContentTBS(wireFormat: wireFormat, content: content, serializedGroupContext: groupContext)
        let signature: [UInt8]
        do {
            signature = try suite.signWithLabel(privateKey: signaturePrivateKey, label: label, content: tbs.tlsEncoded)
        } catch {
            throw MLSError(.cryptoFailure, "signing FramedContentTBS failed: \(error)")
        }
        return AuthenticatedContent(wireFormat: wireFormat, content: content,
                                    auth: FramedContentAuthData(signature: signature, confirmationTag: confirmationTag))
    }

    /// Verifies the signature of `authenticated` (RFC 9420 §6.1); throws ``MLSError/Code/signatureInvalid``.
    public static func verify(cipherSuite suite: CipherSuite, _ authenticated: AuthenticatedContent, groupContext: [UInt8]?,
                              signaturePublicKey: [UInt8]) throws {
        let tbs = try FramedContentTBS(wireFormat: authenticated.wireFormat, content: authenticated.content,
                                       serializedGroupContext: groupContext)
        let valid: Bool
        do {
            valid = try suite.verifyWithLabel(publicKey: signaturePublicKey, label: label, content: tbs.tlsEncoded,
                                              signature: authenticated.auth.signature)
        } catch {
            throw MLSError(.signatureInvalid, "the signature of \(authenticated.content.sender) cannot be checked: \(error)")
        }
        guard valid else {
            throw MLSError(.signatureInvalid, "the signature of \(authenticated.content.sender) over FramedContentTBS does not verify")
        }
    }
}
