import MLSCrypto
import TLSCodec

/// Parent hashes (RFC 9420 §7.9) and their verification (§7.9.2).
extension RatchetTree {
    /// `ParentHashInput { HPKEPublicKey encryption_key; opaque parent_hash<V>; opaque original_sibling_tree_hash<V> }`.
    static func parentHashInput(encryptionKey: [UInt8], parentHash: [UInt8], originalSiblingTreeHash: [UInt8]) -> [UInt8] {
        var w = TLSWriter()
        w.writeOpaque(encryptionKey)
        w.writeOpaque(parentHash)
        w.writeOpaque(originalSiblingTreeHash)
        return w.bytes
    }

    /// The parent hash that a child of parent node `p` carries when `sibling` is p's other child (§7.9): the hash of
    /// p's key and parent hash with the original tree hash of `sibling` (p's unmerged leaves removed).
    public mutating func parentHash(of p: UInt32, sibling: UInt32, suite: CipherSuite) -> [UInt8]? {
        guard let parent = parentNode(p) else { return nil }
        let original = treeHash(of: sibling, excluding: Set(parent.unmergedLeaves), suite: suite)
        return suite.hash(Self.parentHashInput(encryptionKey: parent.encryptionKey, parentHash: parent.parentHash,
                                               originalSiblingTreeHash: original))
    }

    /// The parent_hash field of a node: a parent's, or a leaf's when its source is `commit`.
    func storedParentHash(_ x: UInt32) -> [UInt8]? {
        switch node(x) {
        case .leaf(let l)?: l.parentHash
        case .parent(let p)?: p.parentHash
        case nil: nil
        }
    }

    /// Whether non-blank parent `p` is parent-hash valid (§7.9.2): some node D in the resolution of one child C
    /// carries p's parent hash computed with the other child, and p's unmerged leaves below C are exactly the
    /// resolution of C without D.
    public mutating func isParentHashValid(_ p: UInt32, suite: CipherSuite) -> Bool {
        guard let parent = parentNode(p), let left = TreeMath.left(p), let right = TreeMath.right(p) else { return false }
        for (child, sibling) in [(left, right), (right, left)] {
            let res = Set(resolution(child))
            let range = Self.leafRange(under: child)
            let unmergedBelow = Set(parent.unmergedLeaves.filter { range.contains($0) }.map { $0 * 2 })
            // resolution(C) minus D must equal the unmerged leaves below C: D is the one node of the resolution
            // that is not such an unmerged leaf.
            guard unmergedBelow.isSubset(of: res), res.count == unmergedBelow.count + 1,
                  let d = res.subtracting(unmergedBelow).first, let stored = storedParentHash(d) else { continue }
            if stored == parentHash(of: p, sibling: sibling, suite: suite) { return true }
        }
        return false
    }

    /// Verifies every non-blank parent node is parent-hash valid (§7.9.2); throws ``MLSError/Code/parentHashInvalid``
    /// naming the lowest-indexed failing node.
    public mutating func verifyParentHashes(suite: CipherSuite) throws {
        var x: UInt32 = 1
        while x < nodeCount {
            if parentNode(x) != nil, !isParentHashValid(x, suite: suite) {
                throw MLSError(.parentHashInvalid, "parent node \(x) is not parent-hash valid", field: "ratchet_tree[\(x)]")
            }
            x += 2
        }
    }
}
