import MLSCrypto

/// Putting an UpdatePath's keys into the tree and computing its parent hashes (RFC 9420 §7.5, §7.9, §12.4.2).
extension RatchetTree {
    /// Blanks the direct path of `sender`, gives each node of its filtered direct path the new key (bottom-up order,
    /// as in UpdatePath.nodes) with no unmerged leaves, and sets their parent hashes from the root down (§7.9).
    /// Returns the parent hash the sender's new LeafNode must carry. The sender's leaf itself is not changed.
    @discardableResult
    public mutating func applyPathKeys(sender: UInt32, encryptionKeys: [[UInt8]], suite: CipherSuite) throws -> [UInt8] {
        guard sender < leafCount else { throw TreeError.indexOutOfRange(sender) }
        let path = filteredDirectPath(leaf: sender)
        guard path.count == encryptionKeys.count else {
            throw TreeError.updatePathLengthMismatch(expected: path.count, actual: encryptionKeys.count)
        }
        try blankDirectPath(of: sender)
        for (entry, key) in zip(path, encryptionKeys) {
            try setNode(entry.node, .parent(ParentNode(encryptionKey: key, parentHash: [], unmergedLeaves: [])))
        }
        // Top-down: each node's parent hash covers the node above it and that node's copath child.
        var above: (node: UInt32, copathChild: UInt32)?
        for entry in path.reversed() {
            if let above, var parent = parentNode(entry.node) {
                parent.parentHash = parentHash(of: above.node, sibling: above.copathChild, suite: suite) ?? []
                try setNode(entry.node, .parent(parent))
            }
            above = entry
        }
        guard let lowest = path.first else { return [] }
        return parentHash(of: lowest.node, sibling: lowest.copathChild, suite: suite) ?? []
    }

    /// Merges a received UpdatePath from member `sender` (§12.4.2): the node count must match the filtered direct
    /// path, the path keys are applied, the sender's leaf is replaced, and the leaf's parent_hash must equal the
    /// computed one (§7.9.2), else ``TreeError/parentHashInvalid(node:)`` names the sender's leaf node.
    public mutating func mergeUpdatePath(_ path: UpdatePath, sender: UInt32, suite: CipherSuite) throws {
        guard leaf(sender) != nil else { throw TreeError.blankLeaf(sender) }
        let expected = try applyPathKeys(sender: sender, encryptionKeys: path.nodes.map(\.encryptionKey), suite: suite)
        try setLeaf(sender, path.leafNode)
        guard path.leafNode.parentHash == expected else { throw TreeError.parentHashInvalid(node: sender * 2) }
    }
}
