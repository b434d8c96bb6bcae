import TLSCodec

/// `Remove` (RFC 9420 §12.1.3): removes the member at leaf index `removed`.
public struct Remove: Hashable, Sendable, TLSCodable {
    public var removed: UInt32
    public init(removed: UInt32) { self.removed = removed }
    public init(from reader: inout TLSReader) throws { removed = try reader.readUInt32("removed") }
    public func encode(to writer: inout TLSWriter) { writer.writeUInt32(removed) }
}
