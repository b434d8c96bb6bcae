import TLSCodec

/// `LeafNode` (RFC 9420 §7.2): a member's keys, credential, capabilities, source, extensions and signature.
public struct LeafNode: Hashable, Sendable, TLSCodable {
    public var encryptionKey: [UInt8]
    public var signatureKey: [UInt8]
    public var credential: Credential
    public var capabilities: Capabilities
    public var source: LeafNodeSource
    public var extensions: [Extension]
    /// `SignWithLabel(., "LeafNodeTBS", LeafNodeTBS)`.
    public var signature: [UInt8]

    public init(encryptionKey: [UInt8], signatureKey: [UInt8], credential: Credential, capabilities: Capabilities,
                source: LeafNodeSource, extensions: [Extension], signature: [UInt8]) {
        self.encryptionKey = encryptionKey
        self.signatureKey = signatureKey
        self.credential = credential
        self.capabilities = capabilities
        self.source = source
        self.extensions = extensions
        self.signature = signature
    }

    public init(from reader: inout TLSReader) throws {
        encryptionKey = try reader.readOpaque("encryption_key")
        signatureKey = try reader.readOpaque("signature_key")
        credential = try reader.read(Credential.self, "credential")
        capabilities = try reader.read(Capabilities.self, "capabilities")
        source = try LeafNodeSource(from: &reader)
        extensions = try reader.readList("extensions") { try Extension(from: &$0) }
        signature = try reader.readOpaque("signature")
    }

    /// Writes every field but the signature: the part LeafNodeTBS shares with LeafNode.
    func encodeContent(to writer: inout TLSWriter) {
        writer.writeOpaque(encryptionKey)
        writer.writeOpaque(signatureKey)
        writer.write(credential)
        writer.write(capabilities)
        source.encode(to: &writer)
        writer.writeList(extensions)
    }

    public func encode(to writer: inout TLSWriter) {
        encodeContent(to: &writer)
        writer.writeOpaque(signature)
    }

    /// The leaf's parent hash when its source is `commit`, else `nil`.
    public var parentHash: [UInt8]? {
        if case .commit(let hash) = source { return hash }
        return nil
    }

    /// The lifetime when the source is `key_package`, else `nil`.
    public var lifetime: Lifetime? {
        if case .keyPackage(let lifetime) = source { return lifetime }
        return nil
    }
}
