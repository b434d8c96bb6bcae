/// GREASE values (RFC 9420 §13.5): the fifteen two-octet values `0x0A0A`, `0x1A1A`, …, `0xEAEA`, reserved in every
/// registry so that implementations learn to ignore unknown values.
public enum GreaseValue {
    /// Whether `value` is one of the GREASE values of RFC 9420 §13.5.
    public static func isGrease(_ value: UInt16) -> Bool {
        let hi = UInt8(value >> 8), lo = UInt8(value & 0xff)
        return hi == lo && hi & 0x0f == 0x0a && hi != 0xfa
    }
}
