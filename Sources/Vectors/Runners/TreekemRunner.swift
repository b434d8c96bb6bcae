import MLS
import MLSCrypto
import Results
import TLSCodec

/// Runs `treekem.json` (RFC 9420 §7.4–§7.6, §7.8, §7.9, §12.4.1–§12.4.2): validates the ratchet tree (§12.4.3.1; a
/// MUST it breaks fails the case, the engine's findings go on it), loads each leaf's private state and checks
/// the node keys its path secrets derive match the public tree; for every UpdatePath, merges it (parent hashes
/// checked), compares the tree hash after, has every other member decrypt its path secret and compares it and the
/// commit secret; then generates a fresh UpdatePath from the same sender and checks every receiver derives the
/// sender's commit secret.
public struct TreekemRunner: VectorRunner {
    public let name = "treekem"
    public init() {}

    public func accepts(relativePath: String) -> Bool { MLSVectorCases.isFile(relativePath, named: "treekem.json") }

    struct Case: Decodable {
        struct PathSecret: Decodable { let node: UInt32; let path_secret: HexBytes }
        struct LeafPrivate: Decodable {
            let index: UInt32
            let encryption_priv: HexBytes
            let signature_priv: HexBytes
            let path_secrets: [PathSecret]
        }
        struct UpdatePathCase: Decodable {
            let sender: UInt32
            let update_path: HexBytes
            let path_secrets: [HexBytes?]
            let commit_secret: HexBytes
            let tree_hash_after: HexBytes
        }
        let cipher_suite: UInt16
        let group_id: HexBytes
        let epoch: UInt64
        let confirmed_transcript_hash: HexBytes
        let ratchet_tree: HexBytes
        let leaves_private: [LeafPrivate]
        let update_paths: [UpdatePathCase]
    }

    static let requirements = ["RFC9420 §7.4", "RFC9420 §7.5", "RFC9420 §7.6", "RFC9420 §7.8", "RFC9420 §7.9",
                               "RFC9420 §12.4.2", "RFC9420 §7.3", "RFC9420 §7.2"]

    public func run(_ source: VectorSource) -> [CaseResult] {
        MLSVectorCases.run(source, as: Case.self, requirements: Self.requirements,
                           cipherSuite: { $0.cipher_suite }) { c, id, findings in
            try Self.check(c, id: id, findings: &findings)
        }
    }

    static func check(_ c: Case, id: String, findings: inout [MLSFinding]) throws {
        let suite = try MLSVectorCases.suite(c.cipher_suite)
        var tree = try RatchetTree(serialized: c.ratchet_tree.bytes)
        do {
            findings += try tree.validate(groupID: c.group_id.bytes, suite: suite)  // also fills the hash cache once
        } catch let e as MLSError {
            throw VectorMismatch(field: "ratchet_tree", expected: "a valid tree", actual: "\(e)", requirement: e.requirement)
        }

        let (privateState, signatureKeys) = try Self.privateState(c, tree: tree, suite: suite)

        func context(_ treeHash: [UInt8]) -> [UInt8] {
            GroupContext(cipherSuite: c.cipher_suite, groupID: c.group_id.bytes, epoch: c.epoch, treeHash: treeHash,
                         confirmedTranscriptHash: c.confirmed_transcript_hash.bytes, extensions: []).tlsEncoded
        }

        var rng = DeterministicRandom(seed: Array(id.utf8))
        for (n, u) in c.update_paths.enumerated() {
            let p = "update_paths[\(n)]."
            let path = try UpdatePath(tlsDecoding: u.update_path.bytes)
            var merged = tree
            try UpdatePathMerge.apply(path, from: u.sender, to: &merged, suite: suite)
            try merged.verifyParentHashes(suite: suite)
            let treeHash = merged.treeHash(suite: suite)
            try VectorCase.expectEqual(treeHash, u.tree_hash_after.bytes, p + "tree_hash_after", "RFC9420 §7.8")
            let gc = context(treeHash)
            for (receiver, keys) in privateState.sorted(by: { $0.key < $1.key }) where receiver != u.sender {
                let out = try UpdatePathDecryptor.decrypt(path, from: u.sender, tree: merged, receiver: receiver, keys: keys,
                                                          excludedLeaves: [], groupContext: gc, suite: suite)
                let expected = Int(receiver) < u.path_secrets.count ? u.path_secrets[Int(receiver)]?.bytes : nil
                try VectorCase.expectEqual(out.pathSecret, expected ?? [], p + "path_secrets[\(receiver)]", "RFC9420 §7.6")
                try VectorCase.expectEqual(out.commitSecret, u.commit_secret.bytes, p + "commit_secret", "RFC9420 §7.4")
            }

            // A fresh UpdatePath from the same sender must reach every receiver (§7.5, §7.6, §12.4.1).
            guard let signer = signatureKeys[u.sender], let template = tree.leaf(u.sender) else { continue }
            var mine = tree
            let generated = try UpdatePathGenerator.generate(tree: &mine, suite: suite, groupID: c.group_id.bytes,
                                                             sender: u.sender, leafTemplate: template,
                                                             signaturePrivateKey: signer, excludedLeaves: [],
                                                             groupContext: context, using: &rng)
            var received = tree
            try UpdatePathMerge.apply(generated.updatePath, from: u.sender, to: &received, suite: suite)
            try received.verifyParentHashes(suite: suite)
            let receivedHash = received.treeHash(suite: suite)
            try VectorCase.expectEqual(receivedHash, mine.treeHash(suite: suite), p + "generated tree hash", "RFC9420 §7.8")
            for (receiver, keys) in privateState.sorted(by: { $0.key < $1.key }) where receiver != u.sender {
                let out = try UpdatePathDecryptor.decrypt(generated.updatePath, from: u.sender, tree: received,
                                                          receiver: receiver, keys: keys, excludedLeaves: [],
                                                          groupContext: context(receivedHash), suite: suite)
                try VectorCase.expectEqual(out.commitSecret, generated.commitSecret,
                                           p + "generated commit_secret at leaf \(receiver)", "RFC9420 §7.4")
            }
        }
    }

    /// Each leaf's private state: its leaf key and the node keys its path secrets derive, which must match the public
    /// tree (§7.4); and the signature keys.
    static func privateState(_ c: Case, tree: RatchetTree, suite: CipherSuite)
        throws -> (keys: [UInt32: TreeKEMPrivateKeys], signatureKeys: [UInt32: [UInt8]]) {
        var privateState: [UInt32: TreeKEMPrivateKeys] = [:]
        var signatureKeys: [UInt32: [UInt8]] = [:]
        for leaf in c.leaves_private {
            var keys = TreeKEMPrivateKeys()
            let leafPub = try suite.kem.publicKey(privateKey: leaf.encryption_priv.bytes)
            try VectorCase.expectEqual(leafPub, tree.leaf(leaf.index)?.encryptionKey ?? [],
                                       "leaves_private[\(leaf.index)].encryption_priv", "RFC9420 §7.4")
            keys.set(leaf.index * 2, NodeKeyPair(privateKey: try suite.kem.normalizedPrivateKey(leaf.encryption_priv.bytes),
                                                 publicKey: leafPub))
            for ps in leaf.path_secrets {
                let pair = try PathSecrets.nodeKeyPair(suite, pathSecret: ps.path_secret.bytes)
                try VectorCase.expectEqual(pair.publicKey, tree.node(ps.node)?.encryptionKey ?? [],
                                           "leaves_private[\(leaf.index)].path_secrets[node \(ps.node)]", "RFC9420 §7.4")
                keys.set(ps.node, pair)
            }
            privateState[leaf.index] = keys
            signatureKeys[leaf.index] = leaf.signature_priv.bytes
        }
        return (privateState, signatureKeys)
    }
}
