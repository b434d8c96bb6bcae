import TLSCodec

/// `ParentNode` (RFC 9420 §7.1): an internal node's HPKE public key, parent hash and unmerged leaves.
public struct ParentNode: Hashable, Sendable, TLSCodable {
    public var encryptionKey: [UInt8]
    public var parentHash: [UInt8]
    /// Leaf indices (not node indices) of the unmerged leaves below this node, in increasing order (§7.1).
    public var unmergedLeaves: [UInt32]

    public init(encryptionKey: [UInt8], parentHash: [UInt8], unmergedLeaves: [UInt32]) {
        self.encryptionKey = encryptionKey
        self.parentHash = parentHash
        self.unmergedLeaves = unmergedLeaves
    }

    public init(from reader: inout TLSReader) throws {
        encryptionKey = try reader.readOpaque("encryption_key")
        parentHash = try reader.readOpaque("parent_hash")
        unmergedLeaves = try reader.readList("unmerged_leaves") { try $0.readUInt32("") }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(encryptionKey)
        writer.writeOpaque(parentHash)
        writer.writeList(unmergedLeaves) { w, v in w.writeUInt32(v) }
    }
}
