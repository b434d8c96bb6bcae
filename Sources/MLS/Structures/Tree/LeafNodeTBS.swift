import TLSCodec

/// `LeafNodeTBS` (RFC 9420 §7.2): the content a leaf's signature covers. For `update` and `commit` sources it adds
/// the group ID and the leaf index, which the caller supplies; for `key_package` they are absent.
public struct LeafNodeTBS: Hashable, Sendable, TLSEncodable {
    public var leafNode: LeafNode
    /// The group and leaf the node belongs to; required for `update` and `commit` sources, ignored for `key_package`.
    public var groupID: [UInt8]
    public var leafIndex: UInt32

    public init(leafNode: LeafNode, groupID: [UInt8] = [], leafIndex: UInt32 = 0) {
        self.leafNode = leafNode
        self.groupID = groupID
        self.leafIndex = leafIndex
    }

    public func encode(to writer: inout TLSWriter) {
        leafNode.encodeContent(to: &writer)
        switch leafNode.source {
        case .keyPackage:
            break
        case .update, .commit:
            writer.writeOpaque(groupID)
            writer.writeUInt32(leafIndex)
        }
    }
}
