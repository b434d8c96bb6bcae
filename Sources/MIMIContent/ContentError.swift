import CBOR
import CodedErrors

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
    /// A URI longer than the 16-bit length prefix of the -08 message ID input can describe (§3.3).
    case uriTooLong
    /// No sender or room URI (extension keys 1 and 2) for the message ID, and none was supplied (§3.3).
    case missingUri
}

/// The error of the MIMI content module, in the design of ``CodedError``: why bytes are not a MIMI content message
/// (a CBOR rule, ``CBORError``, or a schema rule), with the byte offset, the field path (`nestedPart.parts[1].content`)
/// and the requirement broken; or why a message ID cannot be computed (§3.3, no offset). Errors compare and hash by
/// ``code``; tests that care where the error lies check ``offset`` as well.
public struct ContentError: CodedError {
    /// A CBOR rule or a schema rule. The raw value is the stable identifier: `cbor.unsortedMapKeys`, `content.saltSize`.
    public enum Code: Sendable, Hashable, RawRepresentable {
        case cbor(CBORErrorCode)
        case content(ContentErrorCode)

        public var rawValue: String {
            switch self {
            case .cbor(let c): "cbor.\(c.rawValue)"
            case .content(let c): "content.\(c.rawValue)"
            }
        }

        public init?(rawValue: String) {
            let parts = rawValue.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            switch parts[0] {
            case "cbor": guard let c = CBORErrorCode(rawValue: parts[1]) else { return nil }; self = .cbor(c)
            case "content": guard let c = ContentErrorCode(rawValue: parts[1]) else { return nil }; self = .content(c)
            default: return nil
            }
        }
    }

    public static let domain = "content"

    public let code: Code
    /// Byte offset of the offending item; nil when the error concerns no bytes (a message ID input).
    public let offset: Int?
    public let field: String
    public let reason: String
    /// The requirement broken (a citation such as `draft-ietf-mimi-content-08 §4.1`).
    public let requirement: String?

    public init(_ code: ContentErrorCode, at offset: Int?, field: String, _ reason: String, requirement: String) {
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
    public var identifier: String { code.rawValue }
    public var location: String? { Self.location(field: field, offset: offset) }
}
