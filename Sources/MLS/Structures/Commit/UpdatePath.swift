import TLSCodec

/// `UpdatePath` (RFC 9420 §12.4.1): the committer's new LeafNode and one UpdatePathNode per filtered direct-path node.
public struct UpdatePath: Hashable, Sendable, TLSCodable {
    public var leafNode: LeafNode
    public var nodes: [UpdatePathNode]

    public init(leafNode: LeafNode, nodes: [UpdatePathNode]) {
        self.leafNode = leafNode
        self.nodes = nodes
    }

    public init(from reader: inout TLSReader) throws {
        leafNode = try reader.read(LeafNode.self, "leaf_node")
        nodes = try reader.readList("nodes") { try UpdatePathNode(from: &$0) }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(leafNode)
        writer.writeList(nodes)
    }
}
