/// An error building or checking a framing structure (RFC 9420 §6) outside the byte decoder.
public enum FramingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// FramedContentTBS for a member or new_member_commit sender needs the GroupContext (RFC 9420 §6.1).
    case missingGroupContext(sender: Sender)
    /// The auth data's confirmation tag does not match the content type (RFC 9420 §6.1: commits only).
    case confirmationTagMismatch(contentType: ContentType)
    /// PublicMessage's membership tag must be present exactly for member senders (RFC 9420 §6.2).
    case membershipTagMismatch(sender: Sender)

    public var description: String {
        switch self {
        case .missingGroupContext(let s):
            "FramedContentTBS for sender \(s) must include the GroupContext (RFC 9420 §6.1)"
        case .confirmationTagMismatch(let t):
            "a confirmation_tag is present exactly for commit content; content type is \(t) (RFC 9420 §6.1)"
        case .membershipTagMismatch(let s):
            "a membership_tag is present exactly for member senders; sender is \(s) (RFC 9420 §6.2)"
        }
    }
}
