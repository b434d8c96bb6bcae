/// `ResumptionPSKUsage` (RFC 9420 §8.4): why a resumption PSK is used; other values are rejected.
public enum ResumptionPSKUsage: UInt8, Hashable, Sendable {
    case application = 1
    case reinit = 2
    case branch = 3
}
