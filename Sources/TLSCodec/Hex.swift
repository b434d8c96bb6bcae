/// Hexadecimal, the form in which vector files and reports write bytes.
extension Array where Element == UInt8 {
    /// Decodes lowercase or uppercase hexadecimal; an odd length or a non-hex character throws a ``TLSCodecError``
    /// with code ``TLSCodecError/Code/invalidHex`` whose offset is the offending character's.
    public init(hex: String) throws(TLSCodecError) {
        let utf8 = Array(hex.utf8)
        guard utf8.count % 2 == 0 else {
            throw TLSCodecError(code: .invalidHex, field: "hex", offset: utf8.count,
                                reason: "odd number of hex digits (\(utf8.count))")
        }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count / 2)
        var i = 0
        while i < utf8.count {
            guard let hi = Self.nibble(utf8[i]) else { throw Self.notHex(at: i) }
            guard let lo = Self.nibble(utf8[i + 1]) else { throw Self.notHex(at: i + 1) }
            out.append(hi << 4 | lo)
            i += 2
        }
        self = out
    }

    private static func notHex(at offset: Int) -> TLSCodecError {
        TLSCodecError(code: .invalidHex, field: "hex", offset: offset, reason: "not a hex digit")
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
