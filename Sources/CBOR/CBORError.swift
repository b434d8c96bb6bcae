import CodedErrors

/// The rule a CBOR input broke (RFC 8949 §3 well-formedness, §4.2.1 deterministic encoding, and the
/// data-model limits of draft-ietf-mimi-content-08 §6). The raw value is the stable code used in reports and
/// negative vectors (`cbor.<rawValue>`).
public enum CBORErrorCode: String, Sendable, Hashable, CaseIterable, Codable {
    /// The input ends inside an item's head (RFC 8949 §3).
    case truncated
    /// A string, array or map declares more content than the input has left (RFC 8949 §3).
    case lengthExceedsInput
    /// Bytes follow the single top-level item (RFC 8949 §5.3.1: the input is one data item).
    case trailingBytes
    /// Additional information 28, 29 or 30 (RFC 8949 §3: reserved, not well-formed).
    case reservedAdditionalInfo
    /// A "break" (0xff) outside an indefinite-length item (RFC 8949 §3.2.1).
    case unexpectedBreak
    /// Indefinite-length string, array or map (RFC 8949 §4.2.1: not allowed in deterministic encoding).
    case indefiniteLength
    /// An integer, length or tag number not in its shortest form (RFC 8949 §4.2.1).
    case nonShortestArgument
    /// A float that a shorter float encodes exactly (RFC 8949 §4.2.1 "preferred serialization" of floats).
    case nonShortestFloat
    /// A NaN other than the half-precision quiet NaN 0xf97e00 (draft-ietf-mimi-content-08 §6.2, RFC 8949 §4.2.2).
    case nonCanonicalNaN
    /// A two-byte simple value below 32 (RFC 8949 §3.3: not well-formed).
    case invalidSimpleValue
    /// A text string that is not valid UTF-8 (RFC 8949 §3.1 major type 3, §5.3.1).
    case invalidUTF8
    /// Map keys not in bytewise lexicographic order of their encodings (RFC 8949 §4.2.1).
    case unsortedMapKeys
    /// The same key twice in one map (RFC 8949 §5.6: not valid).
    case duplicateMapKey
    /// A bignum (tag 2/3) with leading zero bytes or small enough for a plain integer (RFC 8949 §3.4.3, §4.2.1).
    case bignumNotReduced
    /// A tag whose content has the wrong type (RFC 8949 §3.4: e.g. tag 2 on a text string).
    case invalidTagContent
    /// Arrays, maps and tags nested deeper than the decoder's limit.
    case depthExceeded
    /// The input is larger than the decoder's size limit.
    case inputTooLarge
}

extension CBORErrorCode {
    /// The specification clause the rule comes from.
    public var requirement: String {
        switch self {
        case .indefiniteLength, .nonShortestArgument, .nonShortestFloat, .unsortedMapKeys:
            return "RFC8949 §4.2.1 (draft-ietf-mimi-content-08 §6.1 MUST)"
        case .nonCanonicalNaN: return "draft-ietf-mimi-content-08 §6.2 MUST"
        case .bignumNotReduced: return "RFC8949 §3.4.3 (draft-ietf-mimi-content-08 §6.1)"
        case .invalidUTF8: return "RFC8949 §3.1 (draft-ietf-mimi-content-08 §6.2 MUST)"
        case .duplicateMapKey: return "RFC8949 §5.6 (draft-ietf-mimi-content-08 §4.3 MUST NOT)"
        case .depthExceeded, .inputTooLarge: return "decoder limit (draft-ietf-mimi-content-08 §9.1)"
        case .invalidTagContent: return "RFC8949 §3.4"
        case .truncated, .lengthExceedsInput, .trailingBytes, .reservedAdditionalInfo, .unexpectedBreak,
             .invalidSimpleValue:
            return "RFC8949 §3"
        }
    }
}

/// An error decoding CBOR, in the design of ``CodedError``: the rule broken (``code``), the byte offset of the
/// offending item, and a sentence for people. Errors compare and hash by ``code``; tests that care where the
/// error lies check ``offset`` as well.
public struct CBORError: CodedError {
    public typealias Code = CBORErrorCode
    public static let domain = "cbor"

    public let code: CBORErrorCode
    public let offset: Int
    public let reason: String

    public init(_ code: CBORErrorCode, at offset: Int, _ reason: String) {
        self.code = code
        self.offset = offset
        self.reason = reason
    }

    public var location: String? { Self.location(field: nil, offset: offset) }
    /// The specification clause the rule comes from (``CBORErrorCode/requirement``).
    public var requirement: String? { code.requirement }
}
