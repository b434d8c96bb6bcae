/// Strict UTF-8 validation (RFC 3629 §4, as RFC 8949 §3.1 requires for text strings): no overlong forms, no
/// surrogates, nothing above U+10FFFF, no truncated sequences.
enum UTF8Validation {
    /// The index (relative to `bytes.startIndex`) of the first byte of the first invalid sequence, or nil.
    static func firstInvalidIndex(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80
            var hi: UInt8 = 0xbf
            switch b0 {
            case 0xc2...0xdf: need = 1
            case 0xe0: need = 2; lo = 0xa0
            case 0xe1...0xec, 0xee...0xef: need = 2
            case 0xed: need = 2; hi = 0x9f
            case 0xf0: need = 3; lo = 0x90
            case 0xf1...0xf3: need = 3
            case 0xf4: need = 3; hi = 0x8f
            default: return i - bytes.startIndex
            }
            guard end - i > need else { return i - bytes.startIndex }
            let b1 = bytes[i + 1]
            guard b1 >= lo && b1 <= hi else { return i - bytes.startIndex }
            var k = 2
            while k <= need {
                guard bytes[i + k] & 0xc0 == 0x80 else { return i - bytes.startIndex }
                k += 1
            }
            i += need + 1
        }
        return nil
    }
}
