import MLSCrypto

/// Merging an UpdatePath's public part into the ratchet tree (RFC 9420 §7.5, §7.9, §12.4.2).
public enum UpdatePathMerge {
    /// Blanks the sender's direct path and installs the new keys of its filtered direct path with their parent
    /// hashes (§7.5, §7.9, via ``RatchetTree/applyPathKeys(sender:encryptionKeys:suite:)``). Returns the parent hash
    /// the sender's new LeafNode must carry.
    static func setPathNodes(tree: inout RatchetTree, suite: CipherSuite, sender: UInt32, keys: [[UInt8]]) throws -> [UInt8] {
        do {
            return try tree.applyPathKeys(sender: sender, encryptionKeys: keys, suite: suite)
        } catch TreeError.updatePathLengthMismatch(let expected, let actual) {
            throw TreeKEMError.pathLengthMismatch(expected: expected, actual: actual)
        }
    }

    /// Applies a received UpdatePath from `sender` to `tree` (RFC 9420 §12.4.2): checks the node count against the
    /// filtered direct path, that no new key is already in the tree, blanks the direct path, installs the new parent
    /// nodes with their parent hashes, checks that the new LeafNode's source is `commit` with the parent hash the
    /// path gives (§7.9.2), and installs the leaf. The LeafNode's own §7.3 checks are the caller's.
    public static func apply(_ path: UpdatePath, from sender: UInt32, to tree: inout RatchetTree,
                             suite: CipherSuite) throws {
        guard tree.leaf(sender) != nil else { throw TreeKEMError.leafNotInTree(sender) }
        let filtered = tree.filteredDirectPath(leaf: sender)
        guard filtered.count == path.nodes.count else {
            throw TreeKEMError.pathLengthMismatch(expected: filtered.count, actual: path.nodes.count)
        }
        guard case .commit(let carried) = path.leafNode.source else { throw TreeKEMError.leafSourceNotCommit }
        // New keys must be fresh: none may already appear in the tree outside the nodes being replaced.
        let replaced = Set(filtered.map(\.node) + [sender * 2])
        var existing: [[UInt8]: UInt32] = [:]
        for (i, node) in tree.nodes.enumerated() where !replaced.contains(UInt32(i)) {
            if let node { existing[node.encryptionKey] = UInt32(i) }
        }
        for (i, n) in path.nodes.enumerated() where existing[n.encryptionKey] != nil {
            throw TreeKEMError.duplicateEncryptionKey(node: filtered[i].node)
        }
        if existing[path.leafNode.encryptionKey] != nil { throw TreeKEMError.duplicateEncryptionKey(node: sender * 2) }
        var seen = Set<[UInt8]>()
        for (i, key) in (path.nodes.map(\.encryptionKey) + [path.leafNode.encryptionKey]).enumerated()
        where !seen.insert(key).inserted {
            throw TreeKEMError.duplicateEncryptionKey(node: i < filtered.count ? filtered[i].node : sender * 2)
        }

        let expected = try setPathNodes(tree: &tree, suite: suite, sender: sender, keys: path.nodes.map(\.encryptionKey))
        guard expected == carried else { throw TreeKEMError.parentHashMismatch(expected: expected, actual: carried) }
        try tree.setLeaf(sender, path.leafNode)
    }
}
