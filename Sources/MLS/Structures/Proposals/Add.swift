import TLSCodec

/// `Add` (RFC 9420 §12.1.1): adds the KeyPackage's client to the group.
public struct Add: Hashable, Sendable, TLSCodable {
    public var keyPackage: KeyPackage
    public init(keyPackage: KeyPackage) { self.keyPackage = keyPackage }
    public init(from reader: inout TLSReader) throws { keyPackage = try reader.read(KeyPackage.self, "key_package") }
    public func encode(to writer: inout TLSWriter) { writer.write(keyPackage) }
}
