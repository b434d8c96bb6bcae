import TLSCodec

/// `PreSharedKey` (RFC 9420 §12.1.4): injects a PSK into the next epoch's key schedule.
public struct PreSharedKey: Hashable, Sendable, TLSCodable {
    public var psk: PreSharedKeyID
    public init(psk: PreSharedKeyID) { self.psk = psk }
    public init(from reader: inout TLSReader) throws { psk = try reader.read(PreSharedKeyID.self, "psk") }
    public func encode(to writer: inout TLSWriter) { writer.write(psk) }
}
