import TLSCodec

/// `Update` (RFC 9420 §12.1.2): replaces the sender's LeafNode.
public struct Update: Hashable, Sendable, TLSCodable {
    public var leafNode: LeafNode
    public init(leafNode: LeafNode) { self.leafNode = leafNode }
    public init(from reader: inout TLSReader) throws { leafNode = try reader.read(LeafNode.self, "leaf_node") }
    public func encode(to writer: inout TLSWriter) { writer.write(leafNode) }
}
