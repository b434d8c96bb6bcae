import MLSCrypto
import TLSCodec

/// PublicMessage protection (RFC 9420 §6.2): the signed content plus, for member senders,
/// membership_tag = MAC(membership_key, AuthenticatedContentTBM).
public enum PublicMessageProtection {
    /// Wraps signed content (wire format `mls_public_message`) in a PublicMessage. Application data is refused
    /// (§6.2: it MUST NOT be sent as a PublicMessage). `membershipKey` is required for member senders.
    public static func protect(cipherSuite suite: CipherSuite, _ authenticated: AuthenticatedContent, groupContext: [UInt8]?,
                               membershipKey: [UInt8]?) throws -> PublicMessage {
        guard authenticated.content.contentType != .application else {
            throw MLSError(.applicationAsPublicMessage, "application data MUST NOT be sent as a PublicMessage")
        }
        guard authenticated.wireFormat == .publicMessage else {
            throw MLSError(.invalidOperation, "content signed for \(authenticated.wireFormat) cannot be sent as a PublicMessage (RFC 9420 §6.1)")
        }
        var tag: [UInt8]?
        if case .member = authenticated.content.sender {
            guard let membershipKey else {
                throw MLSError(.invalidOperation, "a member sender's PublicMessage needs the membership key (RFC 9420 §6.2)")
            }
            tag = try membershipTag(cipherSuite: suite, authenticated, groupContext: groupContext, membershipKey: membershipKey)
        }
        return PublicMessage(content: authenticated.content, auth: authenticated.auth, membershipTag: tag)
    }

    /// Checks group, epoch, content rules and the membership tag, and returns the AuthenticatedContent. The signature
    /// is checked separately with ``ContentSigning/verify(cipherSuite:_:groupContext:signaturePublicKey:)``, since the
    /// key depends on the sender.
    public static func unprotect(cipherSuite suite: CipherSuite, _ message: PublicMessage, groupID: [UInt8], epoch: UInt64,
                                 groupContext: [UInt8]?, membershipKey: [UInt8]?) throws -> AuthenticatedContent {
        guard message.content.groupID == groupID else {
            throw MLSError(.wrongGroupID, "the PublicMessage is for another group_id")
        }
        guard message.content.epoch == epoch else {
            throw MLSError(.wrongEpoch, "the PublicMessage is for epoch \(message.content.epoch); the group is at \(epoch)")
        }
        guard message.content.contentType != .application else {
            throw MLSError(.applicationAsPublicMessage, "application data MUST NOT be sent as a PublicMessage")
        }
        guard (message.auth.confirmationTag != nil) == (message.content.contentType == .commit) else {
            throw MLSError(.confirmationTagPresence, "confirmation_tag presence does not match content type \(message.content.contentType)")
        }
        let authenticated = AuthenticatedContent(wireFormat: .publicMessage, content: message.content, auth: message.auth)
        if case .member = message.content.sender {
            guard let tag = message.membershipTag else {
                throw MLSError(.membershipTagInvalid, "the PublicMessage from a member has no membership_tag")
            }
            guard let membershipKey else {
                throw MLSError(.invalidOperation, "no membership key to check the membership_tag (RFC 9420 §6.2)")
            }
            let tbm = try tbmBytes(authenticated, groupContext: groupContext)
            guard suite.verifyMAC(key: membershipKey, data: tbm, mac: tag) else {
                throw MLSError(.membershipTagInvalid, "the membership_tag does not verify")
            }
        } else if message.membershipTag != nil {
            throw MLSError(.membershipTagInvalid, "a membership_tag is present for the non-member sender \(message.content.sender)")
        }
        return authenticated
    }

    /// MAC(membership_key, AuthenticatedContentTBM).
    public static func membershipTag(cipherSuite suite: CipherSuite, _ authenticated: AuthenticatedContent, groupContext: [UInt8]?,
                                     membershipKey: [UInt8]) throws -> [UInt8] {
        suite.mac(key: membershipKey, data: try tbmBytes(authenticated, groupContext: groupContext))
    }

    private static func tbmBytes(_ authenticated: AuthenticatedContent, groupContext: [UInt8]?) throws -> [UInt8] {
        let tbs = try FramedContentTBS(wireFormat: authenticated.wireFormat, content: authenticated.content,
                                       serializedGroupContext: groupContext)
        return AuthenticatedContentTBM(contentTBS: tbs, auth: authenticated.auth).tlsEncoded
    }
}
