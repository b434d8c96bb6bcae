import TLSCodec

/// `Certificate` (RFC 9420 §5.3): one DER certificate of an x509 credential's chain, carried as opaque bytes.
public struct Certificate: Hashable, Sendable, TLSCodable {
    public var certData: [UInt8]
    public init(certData: [UInt8]) { self.certData = certData }

    public init(from reader: inout TLSReader) throws { certData = try reader.readOpaque("cert_data") }
    public func encode(to writer: inout TLSWriter) { writer.writeOpaque(certData) }
}
