/// An error raised while decoding TLS presentation language bytes (RFC 9420 §2.1).
///
/// It names the field path being decoded (e.g. `KeyPackage.leaf_node.capabilities`), the byte offset in the
/// top-level input where the problem was found, and the rule that was broken. Tests match on ``code``.
public struct TLSCodecError: Error, Hashable, Sendable, CustomStringConvertible {
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
    }

    public let code: Code
    /// Dotted path of the field being decoded.
    public let field: String
    /// Byte offset, from the start of the top-level input, where the problem lies.
    public let offset: Int
    /// What was expected, in words.
    public let rule: String

    public init(code: Code, field: String, offset: Int, rule: String) {
        self.code = code
        self.field = field
        self.offset = offset
        self.rule = rule
    }

    public var description: String {
        "\(field.isEmpty ? "<top>" : field) at offset \(offset): \(code.rawValue): \(rule)"
    }
}
