/// `PSKType` (RFC 9420 §8.4): `external(1)` or `resumption(2)`; other values are rejected.
public enum PSKType: UInt8, Hashable, Sendable {
    case external = 1
    case resumption = 2
}
