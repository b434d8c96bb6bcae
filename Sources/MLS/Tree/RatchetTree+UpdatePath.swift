import MLSCrypto

/// Putting an UpdatePath's keys into the tree and computing its parent hashes (RFC 9420 §7.5, §7.9, §12.4.2).
extension RatchetTree {
    /// Blanks the direct path of `sender`, gives each node of its filtered direct path the new key (bottom-up order,
    /// as in UpdatePath.nodes) with no unmerged leaves, and sets their parent hashes from the root down (§7.9).
    /// Returns the parent hash the sender's new LeafNode must carry. The sender's leaf itself is not changed.
    @discardableResult
    public mutating func applyPathKeys(sender: UInt32, encryptionKeys: [[UInt8]], suite: CipherSuite) throws -> [UInt8] {
        guard sender < leafCount else { throw MLSError(.indexOutOfRange, "leaf \(sender) is outside the tree of \(leafCount) leaves") }
        let path = filteredDirectPath(leaf: sender)
        guard path.count == encryptionKeys.count else {
            throw MLSError(.updatePathLength, "the UpdatePath has \(encryptionKeys.count) nodes; the filtered direct path of leaf "
                           + "\(sender) has \(path.count)")
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
}
