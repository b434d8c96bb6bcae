import MLSCrypto
import TLSCodec

/// What a committer gets from generating an UpdatePath (RFC 9420 §7.4–§7.6, §12.4.1).
public struct UpdatePathGeneration: Sendable {
    /// The UpdatePath to put in the Commit.
    public var updatePath: UpdatePath
    /// commit_secret = DeriveSecret(path_secret of the root, "path") (§7.4, §8).
    public var commitSecret: [UInt8]
    /// The path secret of each node of the filtered direct path (node index → path secret), from which a joiner's
    /// GroupSecrets.path_secret is taken (§12.4.3.1).
    public var pathSecrets: [UInt32: [UInt8]]
    /// The committer's new private keys: its leaf and every node of its filtered direct path.
    public var privateKeys: [UInt32: NodeKeyPair]
}

/// Generating an UpdatePath as the committer (RFC 9420 §7.4, §7.5, §7.6, §7.9, §12.4.1).
public enum UpdatePathGenerator {
    /// Replaces the committer's leaf and direct path in `tree` (the provisional tree, after the Commit's proposals
    /// are applied) and returns the UpdatePath.
    ///
    /// - The direct path of `sender` is blanked; fresh path secrets are drawn for the filtered direct path (§4.1.2)
    ///   and chained with DeriveSecret(., "path"); node keys are DeriveKeyPair(DeriveSecret(path_secret, "node")).
    /// - Parent hashes are set top-down (§7.9) and the new LeafNode (source `commit`, fresh encryption key) is
    ///   signed over LeafNodeTBS with the group ID and leaf index (§7.2).
    /// - Each path secret is encrypted with EncryptWithLabel(., "UpdatePathNode", GroupContext, path_secret) to every
    ///   node of the copath child's resolution except the leaves in `excludedLeaves` (the joiners of this Commit,
    ///   §12.4.1); the GroupContext is the provisional one `groupContext(treeHash)` builds from the new tree hash.
    public static func generate(tree: inout RatchetTree, suite: CipherSuite, groupID: [UInt8], sender: UInt32,
                                leafTemplate: LeafNode, signaturePrivateKey: [UInt8], excludedLeaves: Set<UInt32>,
                                groupContext: ([UInt8]) throws -> [UInt8],
                                using rng: inout DeterministicRandom) throws -> UpdatePathGeneration {
        guard tree.leaf(sender) != nil else { throw MLSError(.ownLeafNotFound, "leaf \(sender) is blank or outside the tree") }
        let filtered = tree.filteredDirectPath(leaf: sender)

        // Path secrets and node keys (§7.4).
        var secrets: [[UInt8]] = []
        var pairs: [NodeKeyPair] = []
        var pathSecret = rng.bytes(suite.hashLength)
        for _ in filtered {
            secrets.append(pathSecret)
            pairs.append(try PathSecrets.nodeKeyPair(suite, pathSecret: pathSecret))
            pathSecret = try PathSecrets.next(suite, pathSecret: pathSecret)
        }
        let commitSecret = pathSecret

        // Public tree: new parent nodes with parent hashes, then the new signed leaf (§7.5, §7.9).
        let leafParentHash = try UpdatePathMerge.setPathNodes(tree: &tree, suite: suite, sender: sender,
                                                              keys: pairs.map(\.publicKey))
        let leafPair = try suite.generateKEMKeyPair(using: &rng)
        var leaf = leafTemplate
        leaf.encryptionKey = leafPair.publicKey
        leaf.source = .commit(parentHash: leafParentHash)
        leaf = try LeafNodeSigner.sign(leaf, suite: suite, groupID: groupID, leafIndex: sender,
                                       signaturePrivateKey: signaturePrivateKey)
        try tree.setLeaf(sender, leaf)

        // Encrypt each path secret to the copath child's resolution under the provisional GroupContext (§7.6).
        let context = try groupContext(tree.treeHash(suite: suite))
        let excludedNodes = Set(excludedLeaves.map { $0 * 2 })
        let encryptor = suite.labeledEncryptor(label: "UpdatePathNode", context: context)  // info hashed once
        var nodes: [UpdatePathNode] = []
        for (i, entry) in filtered.enumerated() {
            var ciphertexts: [HPKECiphertext] = []
            for r in tree.resolution(entry.copathChild) where !excludedNodes.contains(r) {
                guard let key = tree.node(r)?.encryptionKey else { continue }
                let sealed = try encryptor.encrypt(publicKey: key, plaintext: secrets[i], using: &rng)
                ciphertexts.append(HPKECiphertext(kemOutput: sealed.kemOutput, ciphertext: sealed.ciphertext))
            }
            nodes.append(UpdatePathNode(encryptionKey: pairs[i].publicKey, encryptedPathSecret: ciphertexts))
        }

        var privateKeys: [UInt32: NodeKeyPair] = [sender * 2: NodeKeyPair(privateKey: leafPair.privateKey,
                                                                          publicKey: leafPair.publicKey)]
        var pathSecrets: [UInt32: [UInt8]] = [:]
        for (i, entry) in filtered.enumerated() {
            privateKeys[entry.node] = pairs[i]
            pathSecrets[entry.node] = secrets[i]
        }
        return UpdatePathGeneration(updatePath: UpdatePath(leafNode: leaf, nodes: nodes), commitSecret: commitSecret,
                                    pathSecrets: pathSecrets, privateKeys: privateKeys)
    }
}
