import TLSCodec

/// `KeyPackage` (RFC 9420 §10): a client's signed offer of keys for being added to a group.
public struct KeyPackage: Hashable, Sendable, TLSCodable {
    public var version: ProtocolVersion
    public var cipherSuite: UInt16
    public var initKey: [UInt8]
    public var leafNode: LeafNode
    public var extensions: [Extension]
    /// `SignWithLabel(., "KeyPackageTBS", KeyPackageTBS)`.
    public var signature: [UInt8]

    public init(version: ProtocolVersion = .mls10, cipherSuite: UInt16, initKey: [UInt8], leafNode: LeafNode,
                extensions: [Extension], signature: [UInt8]) {
        self.version = version
        self.cipherSuite = cipherSuite
        self.initKey = initKey
        self.leafNode = leafNode
        self.extensions = extensions
        self.signature = signature
    }

    public init(from reader: inout TLSReader) throws {
        version = try reader.read(ProtocolVersion.self, "version")
        cipherSuite = try reader.readUInt16("cipher_suite")
        initKey = try reader.readOpaque("init_key")
        leafNode = try reader.read(LeafNode.self, "leaf_node")
        extensions = try reader.readList("extensions") { try Extension(from: &$0) }
        signature = try reader.readOpaque("signature")
    }

    /// Writes every field but the signature (KeyPackageTBS).
    func encodeContent(to writer: inout TLSWriter) {
        writer.write(version)
        writer.writeUInt16(cipherSuite)
        writer.writeOpaque(initKey)
        writer.write(leafNode)
        writer.writeList(extensions)
    }

    public func encode(to writer: inout TLSWriter) {
        encodeContent(to: &writer)
        writer.writeOpaque(signature)
    }

    /// The KeyPackageTBS this package's signature covers.
    public var tbs: KeyPackageTBS { KeyPackageTBS(keyPackage: self) }
}
