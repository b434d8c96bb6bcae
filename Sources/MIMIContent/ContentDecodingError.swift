import CBOR

/// A schema rule of draft-ietf-mimi-content-08 Appendix A (the CDDL) or of draft-mahy-mimi-message-status-01 that
/// a decoded CBOR item breaks. The raw value is the stable code (`content.<rawValue>`).
public enum ContentErrorCode: String, Sendable, Hashable, CaseIterable, Codable {
    /// `mimiContent` is not a 7-element array (§4.1).
    case messageShape
    /// A field has the wrong CBOR type (e.g. topicId not a byte string).
    case typeMismatch
    /// The salt is not exactly 16 octets (`bstr .size 16`, §4.1).
    case saltSize
    /// A message ID (replaces, inReplyTo) is not exactly 32 octets (`MessageId = bstr .size 32`).
    case messageIdSize
    /// Expiration is not `[bool, uint]` (§4.1).
    case expirationShape
    /// An integer exceeds its `.size` (uint .size 1/2/4/8) or the disposition range 0-255.
    case integerRange
    /// An extension key is neither an integer nor a text string (`name = int / tstr`, §4.3).
    case extensionKeyType
    /// A text extension key is empty or longer than 255 octets (`tstr .size (1..255)`, §4.3, §6.2).
    case extensionKeyLength
    /// senderUri (1) or roomUri (2) is not a text string (§4.3).
    case extensionValueType
    /// A NestedPart is not an array of the length its cardinality requires (§4.4).
    case partShape
    /// The cardinality is not 0-3 (§4.4).
    case unknownCardinality
    /// A MultiPart has fewer than two parts (`parts: [2* NestedPart]`, §4.4).
    case tooFewParts
    /// A message-status report entry is not `[MessageId, uint]` (draft-mahy-mimi-message-status-01 §3).
    case statusShape
    /// A status value outside 0-255 (draft-mahy-mimi-message-status-01 §3).
    case statusRange
    /// MessageDerivedValues is not the 7-element array of §4.6 / Appendix A.2.
    case derivedValuesShape
}

/// Why bytes are not a MIMI content message: either a CBOR rule (``CBORError``) or a schema rule, with the byte
/// offset, the field path (`nestedPart.parts[1].content`) and the requirement broken.
public struct ContentDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        case cbor(CBORErrorCode)
        case content(ContentErrorCode)
    }

    public let code: Code
    public let offset: Int
    public let field: String
    public let reason: String
    public let requirement: String

    public init(_ code: ContentErrorCode, at offset: Int, field: String, _ reason: String, requirement: String) {
        self.code = .content(code)
        self.offset = offset
        self.field = field
        self.reason = reason
        self.requirement = requirement
    }

    public init(_ error: CBORError) {
        code = .cbor(error.code)
        offset = error.offset
        field = ""
        reason = error.reason
        requirement = error.requirement
    }

    /// The stable identifier: `cbor.unsortedMapKeys`, `content.saltSize`.
    public var identifier: String {
        switch code {
        case .cbor(let c): return "cbor.\(c.rawValue)"
        case .content(let c): return "content.\(c.rawValue)"
        }
    }

    public var description: String {
        let where_ = field.isEmpty ? "byte \(offset)" : "\(field) (byte \(offset))"
        return "\(identifier) at \(where_): \(reason) [\(requirement)]"
    }

    public static func == (a: ContentDecodingError, b: ContentDecodingError) -> Bool { a.code == b.code && a.offset == b.offset }
    public func hash(into h: inout Hasher) {
        h.combine(code)
        h.combine(offset)
    }
}
