import TLSCodec

/// `ExternalInit` (RFC 9420 §12.1.6): the KEM output from which an external joiner and the group derive init_secret.
public struct ExternalInit: Hashable, Sendable, TLSCodable {
    public var kemOutput: [UInt8]
    public init(kemOutput: [UInt8]) { self.kemOutput = kemOutput }
    public init(from reader: inout TLSReader) throws { kemOutput = try reader.readOpaque("kem_output") }
    public func encode(to writer: inout TLSWriter) { writer.writeOpaque(kemOutput) }
}
