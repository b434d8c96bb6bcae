/// Adding, updating and removing leaves, blanking paths and truncation (RFC 9420 §7.7, §12.1.1–§12.1.3).
extension RatchetTree {
    /// The leftmost blank leaf, or `nil` when every leaf is occupied. Scans from ``blankLeafHint``, below which every
    /// leaf is known to be occupied.
    public var leftmostBlankLeaf: UInt32? {
        guard blankLeafHint < leafCount else { return nil }
        return (blankLeafHint..<leafCount).first { isBlankLeaf($0) }
    }

    /// Whether leaf `leaf` (inside the tree) is blank, without copying the node.
    private func isBlankLeaf(_ leaf: UInt32) -> Bool {
        if case .none = nodes[Int(leaf) * 2] { return true }
        return false
    }

    /// Adds `leafNode` (§7.7, §12.1.1): into the leftmost blank leaf, else after extending the tree to the right
    /// (doubling it with a blank root); the new leaf becomes unmerged at every non-blank node of its direct path.
    /// Returns the new leaf's index.
    @discardableResult
    public mutating func addLeaf(_ leafNode: LeafNode) throws -> UInt32 {
        let index: UInt32
        if let blank = leftmostBlankLeaf {
            index = blank
        } else {
            blankLeafHint = leafCount
            try extend()
            index = leafCount / 2
        }
        try setLeaf(index, leafNode)
        blankLeafHint = index + 1  // every leaf up to `index` is now occupied
        for p in TreeMath.directPath(index * 2, leafCount: leafCount) ?? [] {
            guard case .parent(var parent)? = nodes[Int(p)] else { continue }
            parent.unmergedLeaves.append(index)
            try setNode(p, .parent(parent))
        }
        return index
    }

    /// Doubles the tree: the old root becomes the new root's left child, the right half is blank (§7.7).
    mutating func extend() throws {
        guard leafCount < TreeMath.maxLeafCount else { throw MLSError(.treeTooLarge, "more than 2^31 leaves") }
        let oldCount = nodes.count
        blankLeafHint = min(blankLeafHint, leafCount)  // the new right half is blank
        leafCount *= 2
        nodes.append(contentsOf: Array(repeating: nil, count: oldCount + 1))
        hashCache.append(contentsOf: Array(repeating: nil, count: oldCount + 1))
        invalidateHashes(from: root)
    }

    /// Replaces the LeafNode of member `leaf` and blanks its direct path (§12.1.2 Update).
    public mutating func updateLeaf(_ leaf: UInt32, with leafNode: LeafNode) throws {
        guard leaf < leafCount else { throw MLSError(.indexOutOfRange, "leaf \(leaf) is outside the tree") }
        guard self.leaf(leaf) != nil else { throw MLSError(.indexOutOfRange, "leaf \(leaf) is blank") }
        try setLeaf(leaf, leafNode)
        try blankDirectPath(of: leaf)
    }

    /// Blanks member `leaf` and its direct path, then truncates the tree (§12.1.3 Remove, §7.7).
    public mutating func removeLeaf(_ leaf: UInt32) throws {
        guard leaf < leafCount else { throw MLSError(.indexOutOfRange, "leaf \(leaf) is outside the tree") }
        guard self.leaf(leaf) != nil else { throw MLSError(.indexOutOfRange, "leaf \(leaf) is blank") }
        try setLeaf(leaf, nil)
        try blankDirectPath(of: leaf)
        truncate()
    }

    /// Blanks every node on the direct path of `leaf`.
    public mutating func blankDirectPath(of leaf: UInt32) throws {
        for p in TreeMath.directPath(leaf * 2, leafCount: leafCount) ?? [] where nodes[Int(p)] != nil {
            try setNode(p, nil)
        }
    }

    /// Removes the right subtree while it holds no non-blank leaf (§7.7), leaving 2^d leaves with d the smallest
    /// value such that 2^d exceeds the rightmost non-blank leaf's index.
    public mutating func truncate() {
        while leafCount > 1 {
            let half = leafCount / 2
            guard (half..<leafCount).allSatisfy({ nodes[Int($0) * 2] == nil }) else { return }
            leafCount = half
            blankLeafHint = min(blankLeafHint, half)
            let width = Int(half) * 2 - 1
            nodes.removeSubrange(width...)
            hashCache.removeSubrange(width...)
            hashCache[Int(root)] = nil
        }
    }
}
