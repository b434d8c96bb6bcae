/// A strict reader of TLS presentation language bytes (RFC 9420 §2.1).
///
/// Reads never trap: short input, a bad length header or an out-of-range value throws a ``TLSCodecError`` naming
/// the field path, the offset in the top-level input and the rule. Every declared length is checked against the
/// bytes that remain before anything is allocated. Vectors are read through a sub-reader bounded to the vector's
/// bytes, so an element can never read past its vector.
public struct TLSReader: Sendable {
    /// The whole top-level input.
    public let bytes: [UInt8]
    /// Index of the next byte to read.
    public private(set) var offset: Int
    /// One past the last byte this reader may read.
    public let end: Int
    public let limits: TLSLimits
    private var path: [String]
    private var depth: Int

    public init(_ bytes: [UInt8], limits: TLSLimits = .default) {
        self.bytes = bytes
        self.offset = 0
        self.end = bytes.count
        self.limits = limits
        self.path = []
        self.depth = 0
    }

    private init(parent: TLSReader, end: Int) {
        self.bytes = parent.bytes
        self.offset = parent.offset
        self.end = end
        self.limits = parent.limits
        self.path = parent.path
        self.depth = parent.depth + 1
    }

    /// Bytes left to read.
    public var remaining: Int { end - offset }
    public var isAtEnd: Bool { offset >= end }
    /// The current field path, dotted.
    public var fieldPath: String { path.joined(separator: ".") }

    /// Builds an error at the current offset for `field` (appended to the path).
    public func error(_ code: TLSCodecError.Code, _ field: String?, _ reason: String, at position: Int? = nil) -> TLSCodecError {
        var names = path
        if let field, !field.isEmpty { names.append(field) }
        return TLSCodecError(code: code, field: names.joined(separator: "."), offset: position ?? offset, reason: reason)
    }

    /// Runs `body` with `name` pushed on the field path, so errors inside it name the field.
    public mutating func field<T>(_ name: String, _ body: (inout TLSReader) throws -> T) throws -> T {
        path.append(name)
        defer { path.removeLast() }
        return try body(&self)
    }

    // MARK: Fixed-size values

    public mutating func readBytes(_ count: Int, _ field: String) throws -> [UInt8] {
        guard count >= 0, count <= remaining else {
            throw error(.truncated, field, "needs \(count) bytes, \(remaining) remain")
        }
        let out = Array(bytes[offset..<offset + count])
        offset += count
        return out
    }

    public mutating func readUInt8(_ field: String) throws -> UInt8 {
        guard remaining >= 1 else { throw error(.truncated, field, "needs 1 byte, 0 remain") }
        let v = bytes[offset]
        offset += 1
        return v
    }

    public mutating func readUInt16(_ field: String) throws -> UInt16 {
        UInt16(truncatingIfNeeded: try readBigEndian(2, field))
    }

    public mutating func readUInt32(_ field: String) throws -> UInt32 {
        UInt32(truncatingIfNeeded: try readBigEndian(4, field))
    }

    public mutating func readUInt64(_ field: String) throws -> UInt64 {
        try readBigEndian(8, field)
    }

    private mutating func readBigEndian(_ count: Int, _ field: String) throws -> UInt64 {
        guard remaining >= count else { throw error(.truncated, field, "needs \(count) bytes, \(remaining) remain") }
        var v: UInt64 = 0
        for i in 0..<count { v = (v << 8) | UInt64(bytes[offset + i]) }
        offset += count
        return v
    }

    // MARK: Variable-length vectors (RFC 9420 §2.1.2)

    /// Reads a variable-length vector header: 1, 2 or 4 bytes selected by the top two bits, minimal encoding only.
    public mutating func readVarintLength(_ field: String) throws -> Int {
        let start = offset
        let first = try readUInt8(field)
        let prefix = first >> 6
        var value = UInt64(first & 0x3f)
        let size: Int
        switch prefix {
        case 0: size = 1
        case 1: size = 2
        case 2: size = 4
        default:
            throw error(.invalidLengthPrefix, field, "length header prefix 0b11 is not allowed in MLS (RFC 9420 §2.1.2)", at: start)
        }
        guard remaining >= size - 1 else {
            throw error(.truncated, field, "length header needs \(size) bytes, \(remaining + 1) remain", at: start)
        }
        for _ in 1..<size {
            value = (value << 8) | UInt64(bytes[offset])
            offset += 1
        }
        let minimalSize = value < 64 ? 1 : (value < 16384 ? 2 : 4)
        if size != minimalSize {
            throw error(.nonMinimalLength, field,
                        "length \(value) is encoded in \(size) bytes; the minimal encoding is \(minimalSize) (RFC 9420 §2.1.2)",
                        at: start)
        }
        return Int(value)
    }

    /// Reads a variable-length vector and decodes its contents with `body`, which must consume it exactly.
    public mutating func readVector<T>(_ field: String, _ body: (inout TLSReader) throws -> T) throws -> T {
        let start = offset
        let length = try readVarintLength(field)
        guard length <= limits.maxVectorLength else {
            throw error(.sizeLimitExceeded, field, "vector of \(length) bytes exceeds the limit of \(limits.maxVectorLength)", at: start)
        }
        guard length <= remaining else {
            throw error(.lengthExceedsInput, field, "declared length \(length) exceeds the \(remaining) bytes that remain", at: start)
        }
        guard depth < limits.maxDepth else {
            throw error(.depthLimitExceeded, field, "nesting deeper than \(limits.maxDepth)", at: start)
        }
        var sub = TLSReader(parent: self, end: offset + length)
        sub.path.append(field)
        let value = try body(&sub)
        guard sub.isAtEnd else {
            throw sub.error(.trailingBytes, nil, "\(sub.remaining) bytes left inside the vector after its contents")
        }
        offset = sub.offset
        return value
    }

    /// Reads `opaque field<V>`.
    public mutating func readOpaque(_ field: String) throws -> [UInt8] {
        try readVector(field) { r in try r.readBytes(r.remaining, "") }
    }

    /// Reads `T field<V>`: elements are decoded until the vector's bytes are used up.
    public mutating func readList<T>(_ field: String, _ element: (inout TLSReader) throws -> T) throws -> [T] {
        try readVector(field) { r in
            var items: [T] = []
            var index = 0
            while !r.isAtEnd {
                let before = r.offset
                let item = try r.field("[\(index)]") { try element(&$0) }
                if r.offset == before {
                    throw r.error(.invalidValue, "[\(index)]", "element consumed no bytes")
                }
                items.append(item)
                index += 1
            }
            return items
        }
    }

    /// Reads `optional<T>` (RFC 9420 §2.1.1): a presence octet 0 or 1, then the value when present.
    public mutating func readOptional<T>(_ field: String, _ body: (inout TLSReader) throws -> T) throws -> T? {
        let start = offset
        let present = try readUInt8(field)
        switch present {
        case 0: return nil
        case 1:
            guard depth < limits.maxDepth else {
                throw error(.depthLimitExceeded, field, "nesting deeper than \(limits.maxDepth)", at: start)
            }
            depth += 1
            defer { depth -= 1 }
            return try self.field(field) { try body(&$0) }
        default:
            throw error(.invalidOptionalPresence, field, "presence octet is \(present); it must be 0 or 1 (RFC 9420 §2.1.1)", at: start)
        }
    }

    /// Decodes a nested structure, naming it on the field path.
    public mutating func read<T: TLSDecodable>(_ type: T.Type = T.self, _ field: String) throws -> T {
        guard depth < limits.maxDepth else {
            throw error(.depthLimitExceeded, field, "nesting deeper than \(limits.maxDepth)")
        }
        depth += 1
        defer { depth -= 1 }
        return try self.field(field) { try T(from: &$0) }
    }

    /// Throws unless every byte has been read (no trailing bytes at the top level).
    public func expectEnd() throws {
        guard isAtEnd else {
            throw error(.trailingBytes, nil, "\(remaining) trailing bytes after the structure")
        }
    }
}
