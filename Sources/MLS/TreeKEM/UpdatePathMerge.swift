import MLSCrypto
import TLSCodec

/// Merging an UpdatePath's public part into the ratchet tree (RFC 9420 §7.5, §7.9, §12.4.2).
public enum UpdatePathMerge {
    /// Blanks the sender's direct path and installs the new keys of its filtered direct path with their parent
    /// hashes (§7.5, §7.9, via ``RatchetTree/applyPathKeys(sender:encryptionKeys:suite:)``). Returns the parent hash
    /// the sender's new LeafNode must carry.
    static func setPathNodes(tree: inout RatchetTree, suite: CipherSuite, sender: UInt32, keys: [[UInt8]]) throws -> [UInt8] {
        try tree.applyPathKeys(sender: sender, encryptionKeys: keys, suite: suite)
    }

    /// Applies a received UpdatePath from `sender` to `tree` (RFC 9420 §12.4.2): checks the node count against the
    /// filtered direct path, that no public key of the path appears in any node of the tree (the sender's leaf
    /// excepted: an external joiner's leaf is the path's own, and a member's current leaf is compared by the caller,
    /// ``MLSError/Code/leafEncryptionKeyUnchanged``), blanks the direct path, installs the new parent nodes with
    /// their parent hashes, checks that the new LeafNode's source is `commit` with the parent hash the path gives
    /// (§7.9.2), and installs the leaf. The LeafNode's own §7.3 checks are the caller's.
    public static func apply(_ path: UpdatePath, from sender: UInt32, to tree: inout RatchetTree,
                             suite: CipherSuite) throws {
        guard tree.leaf(sender) != nil else { throw MLSError(.senderNotMember, "the UpdatePath's sender leaf \(sender) is blank") }
        let filtered = tree.filteredDirectPath(leaf: sender)
        guard filtered.count == path.nodes.count else {
            throw MLSError(.updatePathLength, "the UpdatePath has \(path.nodes.count) nodes; the filtered direct path of leaf "
                           + "\(sender) has \(filtered.count)", field: "UpdatePath.nodes")
        }
        guard case .commit(let carried) = path.leafNode.source else {
            throw MLSError(.leafNodeSource, "the UpdatePath leaf has leaf_node_source \(path.leafNode.source.name); it must be commit",
                           field: "UpdatePath.leaf_node")
        }
        try checkFreshKeys(path, sender: sender, filtered: filtered.map(\.node), tree: tree)
        let expected = try setPathNodes(tree: &tree, suite: suite, sender: sender, keys: path.nodes.map(\.encryptionKey))
        guard expected == carried else {
            throw MLSError(.updatePathParentHash, "the UpdatePath leaf carries parent_hash \(carried.hex); the path gives \(expected.hex)",
                           field: "UpdatePath.leaf_node.parent_hash")
        }
        try tree.setLeaf(sender, path.leafNode)
    }

    /// No public key of the UpdatePath appears in a node of the tree or twice in the path (§12.4.2: "Verify that none
    /// of the public keys in the UpdatePath appear in any node of the new ratchet tree").
    static func checkFreshKeys(_ path: UpdatePath, sender: UInt32, filtered: [UInt32], tree: RatchetTree) throws {
        var existing: [[UInt8]: UInt32] = [:]
        for (i, node) in tree.nodes.enumerated() where UInt32(i) != sender * 2 {
            if let node { existing[node.encryptionKey] = UInt32(i) }
        }
        let keys = path.nodes.map(\.encryptionKey) + [path.leafNode.encryptionKey]
        var seen = Set<[UInt8]>()
        for (i, key) in keys.enumerated() {
            let node = i < filtered.count ? filtered[i] : sender * 2
            if let other = existing[key] {
                throw MLSError(.updatePathKeyNotFresh, "the UpdatePath key for node \(node) is the encryption_key of node \(other)")
            }
            guard seen.insert(key).inserted else {
                throw MLSError(.updatePathKeyNotFresh, "the UpdatePath key for node \(node) appears twice in the path")
            }
        }
    }
}
