import TLSCodec

/// `SenderData` (RFC 9420 §6.3.2): the sender's leaf, the ratchet generation and the reuse guard, encrypted apart
/// from the content.
public struct SenderData: Hashable, Sendable, TLSCodable {
    public var leafIndex: UInt32
    public var generation: UInt32
    /// `opaque reuse_guard[4]`.
    public var reuseGuard: [UInt8]

    public init(leafIndex: UInt32, generation: UInt32, reuseGuard: [UInt8]) {
        self.leafIndex = leafIndex
        self.generation = generation
        self.reuseGuard = reuseGuard
    }

    public init(from reader: inout TLSReader) throws {
        leafIndex = try reader.readUInt32("leaf_index")
        generation = try reader.readUInt32("generation")
        reuseGuard = try reader.readBytes(4, "reuse_guard")
    }

    /// Writes the structure; a reuse guard of another length than 4 is cut or zero-padded to 4 bytes.
    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt32(leafIndex)
        writer.writeUInt32(generation)
        writer.writeBytes((reuseGuard + [0, 0, 0, 0]).prefix(4))
    }
}
