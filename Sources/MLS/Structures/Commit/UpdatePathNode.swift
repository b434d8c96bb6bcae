import TLSCodec

/// `UpdatePathNode` (RFC 9420 §12.4.1): a new public key for a node of the committer's filtered direct path, and
/// its path secret encrypted to each node of the copath child's resolution.
public struct UpdatePathNode: Hashable, Sendable, TLSCodable {
    public var encryptionKey: [UInt8]
    public var encryptedPathSecret: [HPKECiphertext]

    public init(encryptionKey: [UInt8], encryptedPathSecret: [HPKECiphertext]) {
        self.encryptionKey = encryptionKey
        self.encryptedPathSecret = encryptedPathSecret
    }

    public init(from reader: inout TLSReader) throws {
        encryptionKey = try reader.readOpaque("encryption_key")
        encryptedPathSecret = try reader.readList("encrypted_path_secret") { try HPKECiphertext(from: &$0) }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(encryptionKey)
        writer.writeList(encryptedPathSecret)
    }
}
