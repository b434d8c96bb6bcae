import TLSCodec

/// `CredentialType` (RFC 9420 §5.3, IANA registry §17.5): a uint16 from an open registry. Unknown and GREASE
/// values are kept as they are.
public struct CredentialType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    /// `basic(1)`.
    public static let basic = CredentialType(1)
    /// `x509(2)`.
    public static let x509 = CredentialType(2)

    public var isGrease: Bool { GreaseValue.isGrease(rawValue) }
    public var description: String {
        switch rawValue {
        case 1: "basic"
        case 2: "x509"
        default: "credential_type(0x\(String(rawValue, radix: 16)))"
        }
    }
}
