import TLSCodec

/// `PublicMessage` (RFC 9420 §6.2): a signed, unencrypted handshake message, with a membership tag for member senders.
public struct PublicMessage: Hashable, Sendable, TLSCodable {
    public var content: FramedContent
    public var auth: FramedContentAuthData
    /// Present exactly when the sender is a member.
    public var membershipTag: [UInt8]?

    public init(content: FramedContent, auth: FramedContentAuthData, membershipTag: [UInt8]?) {
        self.content = content
        self.auth = auth
        self.membershipTag = membershipTag
    }

    public init(from reader: inout TLSReader) throws {
        content = try reader.read(FramedContent.self, "content")
        auth = try FramedContentAuthData.read(&reader, contentType: content.contentType)
        if case .member = content.sender {
            membershipTag = try reader.readOpaque("membership_tag")
        } else {
            membershipTag = nil
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(content)
        writer.write(auth)
        if let membershipTag { writer.writeOpaque(membershipTag) }
    }

    /// Checks the presence rules a decoded message always meets but a built one might not (§6.1, §6.2).
    public func checkShape() throws {
        if (auth.confirmationTag != nil) != (content.contentType == .commit) {
            throw MLSError(.confirmationTagPresence, "a confirmation_tag is present exactly for commit content; content type is \(content.contentType)")
        }
        let isMember: Bool = if case .member = content.sender { true } else { false }
        if (membershipTag != nil) != isMember {
            throw MLSError(.membershipTagInvalid, "a membership_tag is present exactly for member senders; sender is \(content.sender)")
        }
    }
}
