import TLSCodec

/// `Node` (RFC 9420 §7.8, §12.4.3.3): a leaf or a parent node of the ratchet tree. Indirect, so that a tree of n
/// nodes is an array of n references: copying the tree for a staged Commit, or scanning it, does not copy node contents.
public indirect enum Node: Hashable, Sendable, TLSCodable {
    case leaf(LeafNode)
    case parent(ParentNode)

    public var nodeType: NodeType {
        switch self {
        case .leaf: .leaf
        case .parent: .parent
        }
    }

    public var leafNode: LeafNode? {
        if case .leaf(let leaf) = self { return leaf }
        return nil
    }

    public var parentNode: ParentNode? {
        if case .parent(let parent) = self { return parent }
        return nil
    }

    /// The node's HPKE public key.
    public var encryptionKey: [UInt8] {
        switch self {
        case .leaf(let leaf): leaf.encryptionKey
        case .parent(let parent): parent.encryptionKey
        }
    }

    public init(from reader: inout TLSReader) throws {
        let type = try reader.readEnum8(NodeType.self, "node_type", rule: "NodeType must be leaf(1) or parent(2) (RFC 9420 §7.8)")
        switch type {
        case .leaf: self = .leaf(try reader.read(LeafNode.self, "leaf_node"))
        case .parent: self = .parent(try reader.read(ParentNode.self, "parent_node"))
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(nodeType.rawValue)
        switch self {
        case .leaf(let leaf): writer.write(leaf)
        case .parent(let parent): writer.write(parent)
        }
    }
}
