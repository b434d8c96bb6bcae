/// IEEE 754 half-precision conversions for CBOR floats (RFC 8949 §3.3, Appendix D), written out because
/// `Float16` is not available on every platform the harness builds on.
enum HalfFloat {
    /// The value of the half-precision bit pattern `bits` (RFC 8949 Appendix D).
    static func toDouble(_ bits: UInt16) -> Double {
        let sign: Double = bits & 0x8000 != 0 ? -1 : 1
        let exponent = Int((bits >> 10) & 0x1f)
        let mantissa = Double(bits & 0x3ff)
        switch exponent {
        case 0: return sign * mantissa * 0x1p-24
        case 31: return mantissa == 0 ? sign * .infinity : .nan
        default: return sign * (1 + mantissa / 1024) * Double(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }

    /// The half-precision bit pattern that represents `value` exactly, or nil when none does. NaN yields nil.
    static func exactBits(_ value: Double) -> UInt16? {
        if value.isNaN { return nil }
        let sign: UInt16 = value.sign == .minus ? 0x8000 : 0
        if value.isInfinite { return sign | 0x7c00 }
        if value == 0 { return sign }
        let magnitude = value.magnitude
        let exponent = Int(magnitude.exponent)
        if exponent > 15 { return nil }
        if exponent >= -14 {
            let scaled = (magnitude.significand - 1) * 1024
            guard scaled == scaled.rounded(.towardZero) else { return nil }
            return sign | UInt16(exponent + 15) << 10 | UInt16(scaled)
        }
        let units = magnitude * 0x1p24
        guard units == units.rounded(.towardZero), units >= 1, units < 1024 else { return nil }
        return sign | UInt16(units)
    }

    /// The single-precision value that represents `value` exactly, or nil when none does. NaN yields nil.
    static func exactSingle(_ value: Double) -> Float? {
        if value.isNaN { return nil }
        let f = Float(value)
        return Double(f).bitPattern == value.bitPattern ? f : nil
    }
}
