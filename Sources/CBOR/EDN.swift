/// CBOR diagnostic notation (RFC 8949 §8, extended as EDN by RFC 8610 Appendix G): `h'..'` byte strings, JSON-style
/// text, `tag(content)`, `simple(n)`, `NaN`/`Infinity`. Used in reports, failure messages and the CLI.
public enum EDN {
    /// The item on one line: `[h'5eed', null, {1: "a"}]`.
    public static func render(_ value: CBOR) -> String {
        var out = ""
        write(value, pretty: false, indent: 0, to: &out)
        return out
    }

    /// The item with one array element or map entry per line, indented by two spaces per level.
    public static func renderPretty(_ value: CBOR) -> String {
        var out = ""
        write(value, pretty: true, indent: 0, to: &out)
        return out
    }

    static func write(_ value: CBOR, pretty: Bool, indent: Int, to out: inout String) {
        switch value {
        case .unsigned(let n): out += String(n)
        case .negative(let n): out += n == .max ? "-18446744073709551616" : "-\(n + 1)"
        case .bytes(let b): out += "h'\(hex(b))'"
        case .text(let s): out += quote(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += pretty ? "," : ", " }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                write(item, pretty: pretty, indent: indent + 1, to: &out)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .map(let entries):
            if entries.isEmpty { out += "{}"; return }
            out += "{"
            for (i, e) in entries.enumerated() {
                if i > 0 { out += pretty ? "," : ", " }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                write(e.key, pretty: pretty, indent: indent + 1, to: &out)
                out += ": "
                write(e.value, pretty: pretty, indent: indent + 1, to: &out)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        case .tagged(let tag, let content):
            out += "\(tag)("
            write(content, pretty: pretty, indent: indent, to: &out)
            out += ")"
        case .simple(let v): out += "simple(\(v))"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .undefined: out += "undefined"
        case .float(let f): out += number(f.value)
        }
    }

    static func number(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        let s = "\(d)"
        // Swift prints whole numbers as "100000.0" and large ones as "1e+300": both are valid EDN numbers.
        return s
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        var s = ""
        s.reserveCapacity(bytes.count * 2)
        for b in bytes {
            s.append(digits[Int(b >> 4)])
            s.append(digits[Int(b & 0xf)])
        }
        return s
    }

    /// A JSON-style quoted string: `"` and `\` escaped, control characters as `\uXXXX`.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 || u.value == 0x7f {
                    let h = hex([UInt8(u.value >> 8 & 0xff), UInt8(u.value & 0xff)])
                    out += "\\u\(h)"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

extension CBOR {
    /// The item in one-line diagnostic notation (RFC 8949 §8).
    public var diagnostic: String { EDN.render(self) }
}
