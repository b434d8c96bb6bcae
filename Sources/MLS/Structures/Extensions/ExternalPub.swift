import TLSCodec

/// `ExternalPub` (RFC 9420 §12.4.3.2): the `external_pub` GroupInfo extension, the HPKE public key for external joins.
public struct ExternalPub: Hashable, Sendable, ExtensionContent {
    public static let extensionType = ExtensionType.externalPub
    public var externalPub: [UInt8]
    public init(externalPub: [UInt8]) { self.externalPub = externalPub }

    public init(from reader: inout TLSReader) throws { externalPub = try reader.readOpaque("external_pub") }
    public func encode(to writer: inout TLSWriter) { writer.writeOpaque(externalPub) }
}
