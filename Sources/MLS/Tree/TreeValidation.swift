import MLSCrypto
import TLSCodec

extension RatchetTree {
    /// Verifies the integrity of a ratchet tree received from others (RFC 9420 §12.4.3.1): the tree hash equals
    /// `treeHash` when given; every non-blank parent is parent-hash valid (§7.9.2); every leaf passes §7.3; every
    /// unmerged leaf is a non-blank descendant and is unmerged at each non-blank intermediate node; no encryption
    /// key appears twice in the tree. Throws the first ``MLSError`` found (a MUST broken); returns the findings
    /// (SHOULD-level and policy checks that did not hold, docs/mls-validation-audit.md).
    @discardableResult
    public mutating func validate(groupID: [UInt8], suite: CipherSuite, treeHash expectedTreeHash: [UInt8]? = nil,
                                  requiredCapabilities: RequiredCapabilities? = nil,
                                  lifetime: LifetimeCheck = .off) throws -> [MLSFinding] {
        if let expectedTreeHash, treeHash(suite: suite) != expectedTreeHash {
            throw MLSError(.treeHashMismatch, "the tree hash is \(treeHash(suite: suite).hex); the GroupContext says \(expectedTreeHash.hex)")
        }
        try verifyParentHashes(suite: suite)
        let context = LeafNodeValidationContext(suite: suite, groupID: groupID, origin: .tree,
                                                requiredCapabilities: requiredCapabilities, lifetime: lifetime)
        var findings: [MLSFinding] = []
        let all = members
        for (i, leaf) in all {
            try Self.validateLeafOnItsOwn(leaf, at: i, context: context, findings: &findings)
        }
        try verifyMutualCredentialSupport(all)
        try verifyUniqueSignatureKeys(all)
        try verifyUnmergedLeaves()
        try verifyUniqueEncryptionKeys()
        return findings
    }

    /// Every member supports every credential type in use (§7.3), in O(members × types in use).
    func verifyMutualCredentialSupport(_ all: [(index: UInt32, leaf: LeafNode)]) throws {
        var inUse: [CredentialType: UInt32] = [:]
        for (i, leaf) in all where inUse[leaf.credential.credentialType] == nil { inUse[leaf.credential.credentialType] = i }
        for (i, leaf) in all {
            for (type, user) in inUse where !leaf.capabilities.supports(type) {
                throw MLSError(.leafCredentialUnsupported, "leaf \(i) does not support credential type \(type) of leaf \(user)")
            }
        }
    }

    /// No two members share a signature key (§7.3).
    func verifyUniqueSignatureKeys(_ all: [(index: UInt32, leaf: LeafNode)]) throws {
        var seen: [[UInt8]: UInt32] = [:]
        for (i, leaf) in all {
            if let other = seen[leaf.signatureKey] {
                throw MLSError(.duplicateSignatureKey, "leaves \(other) and \(i) have the same signature_key")
            }
            seen[leaf.signatureKey] = i
        }
    }

    /// Each parent's unmerged leaves are non-blank descendants, also unmerged at every non-blank intermediate node.
    public func verifyUnmergedLeaves() throws {
        var p: UInt32 = 1
        while p < nodeCount {
            defer { p += 2 }
            guard let parent = parentNode(p) else { continue }
            let range = Self.leafRange(under: p)
            for l in parent.unmergedLeaves {
                guard range.contains(l), leaf(l) != nil else {
                    throw MLSError(.unmergedLeafInvalid, "unmerged leaf \(l) of node \(p) is blank or not below it")
                }
                var x = l * 2
                while let up = TreeMath.parent(x, leafCount: leafCount), up != p {
                    if let mid = parentNode(up), !mid.unmergedLeaves.contains(l) {
                        throw MLSError(.unmergedLeafInvalid, "leaf \(l), unmerged at node \(p), is not unmerged at node \(up)")
                    }
                    x = up
                }
            }
        }
    }

    /// No two non-blank nodes share an encryption key (§7.3 for leaves, §12.4.3.1 for parent nodes).
    public func verifyUniqueEncryptionKeys() throws {
        var seen: [[UInt8]: UInt32] = [:]
        for (i, node) in nodes.enumerated() {
            guard let node else { continue }
            if let other = seen[node.encryptionKey] {
                let code: MLSError.Code = i % 2 == 0 && other % 2 == 0 ? .duplicateEncryptionKey : .parentEncryptionKeyRepeated
                throw MLSError(code, "nodes \(other) and \(i) have the same encryption_key")
            }
            seen[node.encryptionKey] = UInt32(i)
        }
    }
}
