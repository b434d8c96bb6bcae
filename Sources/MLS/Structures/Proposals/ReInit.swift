import TLSCodec

/// `ReInit` (RFC 9420 §12.1.5): ends the group and names the parameters of its successor.
public struct ReInit: Hashable, Sendable, TLSCodable {
    public var groupID: [UInt8]
    public var version: ProtocolVersion
    public var cipherSuite: UInt16
    public var extensions: [Extension]

    public init(groupID: [UInt8], version: ProtocolVersion, cipherSuite: UInt16, extensions: [Extension]) {
        self.groupID = groupID
        self.version = version
        self.cipherSuite = cipherSuite
        self.extensions = extensions
    }

    public init(from reader: inout TLSReader) throws {
        groupID = try reader.readOpaque("group_id")
        version = try reader.read(ProtocolVersion.self, "version")
        cipherSuite = try reader.readUInt16("cipher_suite")
        extensions = try reader.readList("extensions") { try Extension(from: &$0) }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(groupID)
        writer.write(version)
        writer.writeUInt16(cipherSuite)
        writer.writeList(extensions)
    }
}
