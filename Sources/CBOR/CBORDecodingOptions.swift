/// How strictly ``CBORDecoder`` reads its input and the resource limits it enforces.
///
/// `deterministic` (the default) rejects anything RFC 8949 §4.2.1 deterministic encoding forbids, as
/// draft-ietf-mimi-content-08 §6.1 requires. With `deterministic == false` (the -07 profile, which did not require
/// deterministic encoding) those inputs are accepted and each departure is recorded in
/// ``CBORDecodeResult/relaxations``; well-formedness and validity errors are always fatal.
public struct CBORDecodingOptions: Sendable, Hashable {
    public var deterministic: Bool
    /// Maximum nesting of arrays, maps and tags; the top-level item is at depth 1.
    public var maxDepth: Int
    /// Maximum input size in bytes.
    public var maxInputSize: Int

    public init(deterministic: Bool = true, maxDepth: Int = 32, maxInputSize: Int = 16 << 20) {
        self.deterministic = deterministic
        self.maxDepth = maxDepth
        self.maxInputSize = maxInputSize
    }

    /// RFC 8949 §4.2.1 deterministic decoding with default limits.
    public static let strict = CBORDecodingOptions()
    /// Well-formed and valid CBOR in any serialization, with default limits.
    public static let lenient = CBORDecodingOptions(deterministic: false)
}

/// A decoded item together with its byte offsets (RFC 8949 §3): the content codecs use the offsets to name the
/// position of a field that breaks their schema.
public struct CBORNode: Sendable {
    /// Offset of the item's first (head) byte.
    public let offset: Int
    /// Offset just past the item's last byte.
    public let end: Int
    public let value: CBOR
    /// Array elements; map keys and values interleaved (key0, value0, key1, ...); the content of a tag.
    public let children: [CBORNode]

    public init(offset: Int, end: Int, value: CBOR, children: [CBORNode] = []) {
        self.offset = offset
        self.end = end
        self.value = value
        self.children = children
    }
}

/// The result of a decode: the item with offsets, and the deterministic-encoding rules it departed from (always
/// empty in deterministic mode, where such a departure is an error instead).
public struct CBORDecodeResult: Sendable {
    public let node: CBORNode
    public let relaxations: [CBORError]
    public var value: CBOR { node.value }
}
