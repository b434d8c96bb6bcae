import CodedErrors

/// The error of the TLSCodec module, in the design of ``CodedError``: decoding TLS presentation language bytes
/// (RFC 9420 §2.1) or the hexadecimal that carries them failed.
///
/// It names the field path being decoded (e.g. `KeyPackage.leaf_node.capabilities`), the byte offset in the
/// top-level input where the problem was found, and what was wrong. Errors compare and hash by ``code``; tests
/// match on it.
public struct TLSCodecError: CodedError {
    /// Stable identifiers of the rules a decoder enforces.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// Fewer bytes remain than the field needs.
        case truncated
        /// A variable-length header starts with 0b11, which RFC 9420 §2.1.2 forbids.
        case invalidLengthPrefix
        /// A variable-length header is longer than needed for its value (RFC 9420 §2.1.2 minimal encoding).
        case nonMinimalLength
        /// A declared length is larger than the bytes that remain.
        case lengthExceedsInput
        /// Bytes are left after the top-level structure, or inside a vector after its last element.
        case trailingBytes
        /// An `optional<T>` presence octet other than 0 or 1 (RFC 9420 §2.1.1).
        case invalidOptionalPresence
        /// A value outside the set the structure allows (an enum, a version, a fixed-size field).
        case invalidValue
        /// Nesting deeper than the decoder's limit.
        case depthLimitExceeded
        /// A vector longer than the decoder's size limit.
        case sizeLimitExceeded
        /// Hexadecimal text with an odd number of digits or a character that is not a hex digit (the offset counts
        /// characters).
        case invalidHex

        /// The requirement id (docs/requirements.yaml) of the rule; nil for ``invalidValue``, whose rule belongs to
        /// the structure being decoded and is named in the reason.
        public var requirement: String? {
            switch self {
            case .truncated, .lengthExceedsInput, .trailingBytes, .invalidOptionalPresence: "RFC9420-2.1-tlsEncoding"
            case .invalidLengthPrefix, .nonMinimalLength: "RFC9420-2.1.2-varintMinimal"
            case .depthLimitExceeded, .sizeLimitExceeded: "HARNESS-tls-decoderLimits"
            case .invalidValue, .invalidHex: nil
            }
        }
    }

    public static let domain = "tls"

    public let code: Code
    /// Dotted path of the field being decoded.
    public let field: String
    /// Byte offset, from the start of the top-level input, where the problem lies.
    public let offset: Int
    /// What was expected, in words.
    public let reason: String

    public init(code: Code, field: String, offset: Int, reason: String) {
        self.code = code
        self.field = field
        self.offset = offset
        self.reason = reason
    }

    public var location: String? {
        code == .invalidHex ? "hex character \(offset)" : Self.location(field: field.isEmpty ? "<top>" : field, offset: offset)
    }
    public var requirement: String? { code.requirement }
}
