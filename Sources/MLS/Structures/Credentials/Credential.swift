import TLSCodec

/// `Credential` (RFC 9420 §5.3): a basic identity, an x509 chain, or a credential of another type.
///
/// RFC 9420 gives no length for the body of an unknown credential type. Like OpenMLS and mls-rs, this decoder
/// reads such a body as `opaque<V>` and keeps it byte for byte, so the value re-encodes identically.
public enum Credential: Hashable, Sendable, TLSCodable {
    /// `basic`: `opaque identity<V>`.
    case basic(identity: [UInt8])
    /// `x509`: `Certificate certificates<V>`, leaf first.
    case x509(certificates: [Certificate])
    /// Any other credential type, its body kept as the contents of an `opaque<V>`.
    case other(type: CredentialType, data: [UInt8])

    public var credentialType: CredentialType {
        switch self {
        case .basic: .basic
        case .x509: .x509
        case .other(let type, _): type
        }
    }

    public init(from reader: inout TLSReader) throws {
        let type = CredentialType(try reader.readUInt16("credential_type"))
        switch type {
        case .basic: self = .basic(identity: try reader.readOpaque("identity"))
        case .x509: self = .x509(certificates: try reader.readList("certificates") { try Certificate(from: &$0) })
        default: self = .other(type: type, data: try reader.readOpaque("data"))
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt16(credentialType.rawValue)
        switch self {
        case .basic(let identity): writer.writeOpaque(identity)
        case .x509(let certificates): writer.writeList(certificates)
        case .other(_, let data): writer.writeOpaque(data)
        }
    }
}
