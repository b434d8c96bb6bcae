/// An error protecting or unprotecting an MLS message (RFC 9420 §6.1–§6.3). ``code`` names the rule broken.
public struct ProtectionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable identifiers of the rules of RFC 9420 §6 a message broke; tests match on them.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// Application data sent as a PublicMessage (RFC 9420 §6.2: MUST NOT).
        case applicationAsPublicMessage
        /// The message is for another group (RFC 9420 §6: group_id MUST match).
        case wrongGroup
        /// The message is for another epoch (RFC 9420 §6: epoch MUST match).
        case wrongEpoch
        /// A sender type that the wire format does not allow (PrivateMessage: members only, §6.3).
        case senderNotAllowed
        /// A membership tag is missing, present for a non-member, or does not verify (§6.2).
        case membershipTagInvalid
        /// The FramedContentTBS signature does not verify (§6.1).
        case signatureInvalid
        /// A confirmation tag is missing on a commit or present on other content (§6.1).
        case confirmationTagMismatch
        /// The sender data does not decrypt or does not parse (§6.3.2).
        case senderDataInvalid
        /// The sender's leaf is outside the tree (§6.3.2).
        case senderLeafOutOfRange
        /// The content does not decrypt (§6.3.1).
        case contentDecryptionFailed
        /// The decrypted content does not parse (bad encoding or non-zero padding, §6.3.1).
        case contentMalformed
        /// The ratchet key for the generation is not available (too far ahead, already used; §9.2).
        case keyUnavailable
        /// A key or crypto parameter was rejected.
        case cryptoFailure
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
