/// An error decoding a hexadecimal string: the offset of the offending character and what was wrong.
public struct HexError: Error, Hashable, Sendable, CustomStringConvertible {
    public let offset: Int
    public let reason: String
    public var description: String { "invalid hex at character \(offset): \(reason)" }
}

extension Array where Element == UInt8 {
    /// Decodes lowercase or uppercase hexadecimal; an odd length or a non-hex character throws ``HexError``.
    public init(hex: String) throws {
        let utf8 = Array(hex.utf8)
        guard utf8.count % 2 == 0 else {
            throw HexError(offset: utf8.count, reason: "odd number of hex digits (\(utf8.count))")
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let hi = Self.nibble(utf8[i]) else { throw HexError(offset: i, reason: "not a hex digit") }
            guard let lo = Self.nibble(utf8[i + 1]) else { throw HexError(offset: i + 1, reason: "not a hex digit") }
            out.append(hi << 4 | lo)
            i += 2
        }
        self = out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x61...0x66: return c - 0x61 + 10
        case 0x41...0x46: return c - 0x41 + 10
        default: return nil
        }
    }

    /// Lowercase hexadecimal.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for b in self {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension ArraySlice where Element == UInt8 {
    public var hex: String { Array(self).hex }
}
