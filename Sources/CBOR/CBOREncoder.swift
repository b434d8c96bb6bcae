/// Deterministic CBOR encoder (RFC 8949 §4.2.1): shortest heads, definite lengths, floats in the shortest form that
/// keeps their value (NaN as 0xf97e00), and map entries sorted bytewise by the encoding of their keys.
///
/// `sortMapKeys = false` keeps map entries in the order given; the harness uses it only to build negative test
/// inputs. Maps with duplicate keys are encoded as given (the result is then rejected by ``CBORDecoder``).
public struct CBOREncoder: Sendable {
    public var sortMapKeys: Bool

    public init(sortMapKeys: Bool = true) {
        self.sortMapKeys = sortMapKeys
    }

    public func encode(_ value: CBOR) -> [UInt8] {
        var out: [UInt8] = []
        append(value, to: &out)
        return out
    }

    /// Appends the head of an item with major type `major` and argument `argument` in its shortest form.
    public static func appendHead(major: UInt8, argument: UInt64, to out: inout [UInt8]) {
        let m = major << 5
        switch argument {
        case 0..<24:
            out.append(m | UInt8(argument))
        case 24...0xff:
            out.append(m | 24)
            out.append(UInt8(argument))
        case 0x100...0xffff:
            out.append(m | 25)
            appendBigEndian(argument, count: 2, to: &out)
        case 0x1_0000...0xffff_ffff:
            out.append(m | 26)
            appendBigEndian(argument, count: 4, to: &out)
        default:
            out.append(m | 27)
            appendBigEndian(argument, count: 8, to: &out)
        }
    }

    static func appendBigEndian(_ v: UInt64, count: Int, to out: inout [UInt8]) {
        for i in stride(from: count - 1, through: 0, by: -1) { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }

    func append(_ value: CBOR, to out: inout [UInt8]) {
        switch value {
        case .unsigned(let n):
            Self.appendHead(major: 0, argument: n, to: &out)
        case .negative(let n):
            Self.appendHead(major: 1, argument: n, to: &out)
        case .bytes(let b):
            Self.appendHead(major: 2, argument: UInt64(b.count), to: &out)
            out += b
        case .text(let s):
            let u = Array(s.utf8)
            Self.appendHead(major: 3, argument: UInt64(u.count), to: &out)
            out += u
        case .array(let items):
            Self.appendHead(major: 4, argument: UInt64(items.count), to: &out)
            for item in items { append(item, to: &out) }
        case .map(let entries):
            Self.appendHead(major: 5, argument: UInt64(entries.count), to: &out)
            var encoded = entries.map { (key: encode($0.key), value: $0.value) }
            if sortMapKeys {
                encoded.sort { $0.key.lexicographicallyPrecedes($1.key) }
            }
            for e in encoded {
                out += e.key
                append(e.value, to: &out)
            }
        case .tagged(let tag, let content):
            Self.appendHead(major: 6, argument: tag, to: &out)
            append(content, to: &out)
        case .simple(let v):
            if v < 24 {
                out.append(0xe0 | v)
            } else {
                out.append(0xf8)
                out.append(v)
            }
        case .bool(let b):
            out.append(b ? 0xf5 : 0xf4)
        case .null:
            out.append(0xf6)
        case .undefined:
            out.append(0xf7)
        case .float(let f):
            let d = f.value
            if d.isNaN {
                out += [0xf9, 0x7e, 0x00]
            } else if let h = HalfFloat.exactBits(d) {
                out.append(0xf9)
                Self.appendBigEndian(UInt64(h), count: 2, to: &out)
            } else if let s = HalfFloat.exactSingle(d) {
                out.append(0xfa)
                Self.appendBigEndian(UInt64(s.bitPattern), count: 4, to: &out)
            } else {
                out.append(0xfb)
                Self.appendBigEndian(d.bitPattern, count: 8, to: &out)
            }
        }
    }
}

extension CBOR {
    /// The deterministic encoding of the item (RFC 8949 §4.2.1).
    public var encoded: [UInt8] { CBOREncoder().encode(self) }
}
