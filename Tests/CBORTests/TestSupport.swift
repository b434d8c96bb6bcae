@testable import CBOR

enum TestHexError: Error { case bad }

extension Array where Element == UInt8 {
    init(testHex hex: String) throws {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { throw TestHexError.bad }
        var out: [UInt8] = []
        var i = 0
        while i < digits.count {
            guard let hi = nib(digits[i]), let lo = nib(digits[i + 1]) else { throw TestHexError.bad }
            out.append(hi << 4 | lo)
            i += 2
        }
        self = out
    }

    var testHex: String { map { b in let s = String(b, radix: 16); return b < 16 ? "0" + s : s }.joined() }
}

private func nib(_ c: UInt8) -> UInt8? {
    switch c {
    case 0x30...0x39: return c - 0x30
    case 0x61...0x66: return c - 0x61 + 10
    case 0x41...0x46: return c - 0x41 + 10
    default: return nil
    }
}

/// SplitMix64: a small seeded generator so property tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
