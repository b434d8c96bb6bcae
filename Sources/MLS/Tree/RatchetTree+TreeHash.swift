import MLSCrypto
import TLSCodec

/// Tree hashes (RFC 9420 §7.8), cached per node.
extension RatchetTree {
    /// The tree hash of the root.
    public mutating func treeHash(suite: CipherSuite) -> [UInt8] {
        treeHash(of: root, suite: suite)
    }

    /// The tree hash of node `x` (§7.8): the hash of its TreeHashInput. Cached; a change to a node drops the cache
    /// along its direct path only.
    public mutating func treeHash(of x: UInt32, suite: CipherSuite) -> [UInt8] {
        if hashCacheSuite != suite.id {
            hashCache = Array(repeating: nil, count: nodes.count)
            hashCacheSuite = suite.id
        }
        return cachedHash(x, suite: suite)
    }

    private mutating func cachedHash(_ x: UInt32, suite: CipherSuite) -> [UInt8] {
        if let h = hashCache[Int(x)] { return h }
        let h: [UInt8]
        if x % 2 == 0 {
            h = suite.hash(Self.leafHashInput(leafIndex: x / 2, leaf: nodes[Int(x)]?.leafNode))
        } else if let l = TreeMath.left(x), let r = TreeMath.right(x) {
            let left = cachedHash(l, suite: suite)
            let right = cachedHash(r, suite: suite)
            h = suite.hash(Self.parentHashInput(nodes[Int(x)]?.parentNode, left: left, right: right))
        } else {
            h = []
        }
        hashCache[Int(x)] = h
        return h
    }

    /// The tree hash of node `x` in the tree with the leaves `excluded` blanked and removed from every
    /// unmerged_leaves list (the "original" tree of §7.9). Uses the cache for subtrees without excluded leaves.
    public mutating func treeHash(of x: UInt32, excluding excluded: Set<UInt32>, suite: CipherSuite) -> [UInt8] {
        let range = Self.leafRange(under: x)
        if !excluded.contains(where: { range.contains($0) }) { return treeHash(of: x, suite: suite) }
        if x % 2 == 0 {
            return suite.hash(Self.leafHashInput(leafIndex: x / 2, leaf: nil))
        }
        guard let l = TreeMath.left(x), let r = TreeMath.right(x) else { return [] }
        let left = treeHash(of: l, excluding: excluded, suite: suite)
        let right = treeHash(of: r, excluding: excluded, suite: suite)
        var parent = nodes[Int(x)]?.parentNode
        parent?.unmergedLeaves.removeAll { excluded.contains($0) }
        return suite.hash(Self.parentHashInput(parent, left: left, right: right))
    }

    /// `TreeHashInput` for a leaf: node_type leaf(1), `LeafNodeHashInput { uint32 leaf_index; optional<LeafNode> }`.
    static func leafHashInput(leafIndex: UInt32, leaf: LeafNode?) -> [UInt8] {
        var w = TLSWriter()
        w.writeUInt8(NodeType.leaf.rawValue)
        w.writeUInt32(leafIndex)
        w.writeOptional(leaf) { w, l in w.write(l) }
        return w.bytes
    }

    /// `TreeHashInput` for a parent: node_type parent(2),
    /// `ParentNodeHashInput { optional<ParentNode>; opaque left_hash<V>; opaque right_hash<V> }`.
    static func parentHashInput(_ parent: ParentNode?, left: [UInt8], right: [UInt8]) -> [UInt8] {
        var w = TLSWriter()
        w.writeUInt8(NodeType.parent.rawValue)
        w.writeOptional(parent) { w, p in w.write(p) }
        w.writeOpaque(left)
        w.writeOpaque(right)
        return w.bytes
    }
}
