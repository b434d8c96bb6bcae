/// One CBOR data item (RFC 8949 §3): the generic data model shared by the decoder, the deterministic encoder and
/// the diagnostic-notation printer.
///
/// Integers keep CBOR's two major types: `.unsigned(n)` is `n` (major type 0) and `.negative(n)` is `-1 - n`
/// (major type 1), so the whole range -2^64 ... 2^64-1 is representable. Maps keep their entries in order; the
/// deterministic encoder sorts them (RFC 8949 §4.2.1). Equality is exact: text compares by its UTF-8 bytes (not by
/// Unicode canonical equivalence) and floats by their bit pattern.
public indirect enum CBOR: Sendable {
    case unsigned(UInt64)
    case negative(UInt64)
    case bytes([UInt8])
    case text(String)
    case array([CBOR])
    case map([CBORMapEntry])
    case tagged(UInt64, CBOR)
    /// A simple value other than false, true, null and undefined (RFC 8949 §3.3): 0...19 or 32...255.
    case simple(UInt8)
    case bool(Bool)
    case null
    case undefined
    case float(CBORFloat)
}

/// One key/value pair of a CBOR map (RFC 8949 §3.1, major type 5).
public struct CBORMapEntry: Sendable, Hashable {
    public var key: CBOR
    public var value: CBOR
    public init(key: CBOR, value: CBOR) {
        self.key = key
        self.value = value
    }
}

/// A CBOR floating-point value (RFC 8949 §3.3), compared and hashed by its IEEE 754 bit pattern so that `-0.0`
/// differs from `0.0` and NaN equals itself.
public struct CBORFloat: Sendable, Hashable {
    public let value: Double
    public init(_ value: Double) { self.value = value }
    public static func == (a: CBORFloat, b: CBORFloat) -> Bool { a.value.bitPattern == b.value.bitPattern }
    public func hash(into h: inout Hasher) { h.combine(value.bitPattern) }
}

extension CBOR: Hashable {
    public static func == (a: CBOR, b: CBOR) -> Bool {
        switch (a, b) {
        case let (.unsigned(x), .unsigned(y)): return x == y
        case let (.negative(x), .negative(y)): return x == y
        case let (.bytes(x), .bytes(y)): return x == y
        case let (.text(x), .text(y)): return x.utf8.elementsEqual(y.utf8)
        case let (.array(x), .array(y)): return x == y
        case let (.map(x), .map(y)): return x == y
        case let (.tagged(t, x), .tagged(u, y)): return t == u && x == y
        case let (.simple(x), .simple(y)): return x == y
        case let (.bool(x), .bool(y)): return x == y
        case (.null, .null), (.undefined, .undefined): return true
        case let (.float(x), .float(y)): return x == y
        default: return false
        }
    }

    public func hash(into h: inout Hasher) {
        switch self {
        case .unsigned(let x): h.combine(0); h.combine(x)
        case .negative(let x): h.combine(1); h.combine(x)
        case .bytes(let x): h.combine(2); h.combine(x)
        case .text(let x): h.combine(3); h.combine(Array(x.utf8))
        case .array(let x): h.combine(4); h.combine(x)
        case .map(let x): h.combine(5); h.combine(x)
        case .tagged(let t, let x): h.combine(6); h.combine(t); h.combine(x)
        case .simple(let x): h.combine(7); h.combine(x)
        case .bool(let x): h.combine(8); h.combine(x)
        case .null: h.combine(9)
        case .undefined: h.combine(10)
        case .float(let x): h.combine(11); h.combine(x)
        }
    }
}

extension CBOR {
    /// An integer as `.unsigned` or `.negative`.
    public static func int(_ v: Int64) -> CBOR {
        v >= 0 ? .unsigned(UInt64(v)) : .negative(UInt64(-(v + 1)))
    }

    /// The value as `Int64`, when it is an integer in that range.
    public var int64Value: Int64? {
        switch self {
        case .unsigned(let n): return n <= UInt64(Int64.max) ? Int64(n) : nil
        case .negative(let n): return n <= UInt64(Int64.max) ? -1 - Int64(n) : nil
        default: return nil
        }
    }

    public var uint64Value: UInt64? { if case .unsigned(let n) = self { return n }; return nil }
    public var bytesValue: [UInt8]? { if case .bytes(let b) = self { return b }; return nil }
    public var textValue: String? { if case .text(let s) = self { return s }; return nil }
    public var arrayValue: [CBOR]? { if case .array(let a) = self { return a }; return nil }
    public var mapValue: [CBORMapEntry]? { if case .map(let m) = self { return m }; return nil }
    public var isNull: Bool { if case .null = self { return true }; return false }

    /// The RFC 8949 §3.1 major type of the item (0...7).
    public var majorType: UInt8 {
        switch self {
        case .unsigned: return 0
        case .negative: return 1
        case .bytes: return 2
        case .text: return 3
        case .array: return 4
        case .map: return 5
        case .tagged: return 6
        case .simple, .bool, .null, .undefined, .float: return 7
        }
    }

    /// A short English name of the item's type, for error messages (`"byte string"`, `"map"`).
    public var typeName: String {
        switch self {
        case .unsigned: return "unsigned integer"
        case .negative: return "negative integer"
        case .bytes: return "byte string"
        case .text: return "text string"
        case .array: return "array"
        case .map: return "map"
        case .tagged: return "tag"
        case .simple: return "simple value"
        case .bool: return "boolean"
        case .null: return "null"
        case .undefined: return "undefined"
        case .float: return "float"
        }
    }
}
