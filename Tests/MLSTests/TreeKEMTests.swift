import Foundation
import MLS
import MLSCrypto
import TLSCodec
import Testing

/// TreeKEM (RFC 9420 §7.4–§7.6, §12.4.2) on the first suite-1 case of treekem.json: a received UpdatePath decrypts
/// to the published commit secret, and each broken UpdatePath is rejected with the error that names its rule.
@Suite struct TreeKEMTests {
    struct Fixture {
        let suite: CipherSuite
        let tree: RatchetTree
        let groupID: [UInt8]
        let epoch: UInt64
        let confirmed: [UInt8]
        let sender: UInt32
        let path: UpdatePath
        let commitSecret: [UInt8]
        let receiver: UInt32
        let keys: TreeKEMPrivateKeys

        init() throws {
            let c = try #require(try CryptoVectorFile("mls/treekem.json").cases.first { ($0["cipher_suite"] as? Int) == 1 })
            suite = try CipherSuite(1)
            tree = try RatchetTree(serialized: try c.hexField("ratchet_tree"))
            groupID = try c.hexField("group_id")
            epoch = UInt64(try c.intField("epoch"))
            confirmed = try c.hexField("confirmed_transcript_hash")
            let u = try #require((c["update_paths"] as? [[String: Any]])?.first)
            let from = UInt32(try u.intField("sender"))
            sender = from
            path = try UpdatePath(tlsDecoding: try u.hexField("update_path"))
            commitSecret = try u.hexField("commit_secret")
            let leaves = try #require(c["leaves_private"] as? [[String: Any]])
            let me = try #require(leaves.first { ($0["index"] as? Int).map(UInt32.init) != from })
            let to = UInt32(try me.intField("index"))
            receiver = to
            var k = TreeKEMPrivateKeys()
            let priv = try me.hexField("encryption_priv")
            k.set(to * 2, NodeKeyPair(privateKey: priv, publicKey: try CipherSuite(1).kem.publicKey(privateKey: priv)))
            let s1 = try CipherSuite(1)
            for ps in try #require(me["path_secrets"] as? [[String: Any]]) {
                k.set(UInt32(try ps.intField("node")), try PathSecrets.nodeKeyPair(s1, pathSecret: try ps.hexField("path_secret")))
            }
            keys = k
        }

        func context(_ treeHash: [UInt8]) -> [UInt8] {
            GroupContext(cipherSuite: 1, groupID: groupID, epoch: epoch, treeHash: treeHash, confirmedTranscriptHash: confirmed,
                         extensions: []).tlsEncoded
        }

        /// Merges and decrypts `path` as the receiver.
        func receive(_ path: UpdatePath) throws -> UpdatePathDecryption {
            var merged = tree
            try UpdatePathMerge.apply(path, from: sender, to: &merged, suite: suite)
            let hash = merged.treeHash(suite: suite)
            return try UpdatePathDecryptor.decrypt(path, from: sender, tree: merged, receiver: receiver, keys: keys,
                                                   excludedLeaves: [], groupContext: context(hash), suite: suite)
        }
    }

    @Test("A published UpdatePath decrypts to the published commit secret")
    func published() throws {
        let f = try Fixture()
        #expect(try f.receive(f.path).commitSecret == f.commitSecret)
    }

    @Test("§5.1.3: a corrupted encrypted path secret does not decrypt")
    func corruptedCiphertext() throws {
        let f = try Fixture()
        var path = f.path
        for i in path.nodes.indices {
            for j in path.nodes[i].encryptedPathSecret.indices { path.nodes[i].encryptedPathSecret[j].ciphertext[0] ^= 1 }
        }
        #expect(throws: MLSError.code(.pathSecretDecryption)) { try f.receive(path) }
    }

    @Test("§12.4.2: an UpdatePath with a node missing is rejected")
    func missingNode() throws {
        let f = try Fixture()
        var path = f.path
        path.nodes.removeLast()
        #expect(throws: MLSError.code(.updatePathLength)) { try f.receive(path) }
    }

    @Test("§12.4.2: an UpdatePathNode with a missing ciphertext is rejected")
    func missingCiphertext() throws {
        let f = try Fixture()
        var path = f.path
        let i = try #require(path.nodes.firstIndex { !$0.encryptedPathSecret.isEmpty })
        path.nodes[i].encryptedPathSecret.removeLast()
        #expect { try f.receive(path) } throws: { e in
            [.updatePathCiphertextCount, .pathSecretDecryption].contains((e as? MLSError)?.code)
        }
    }

    @Test("§7.3: an UpdatePath leaf whose source is not commit is rejected")
    func leafSource() throws {
        let f = try Fixture()
        var path = f.path
        path.leafNode.source = .update
        #expect(throws: MLSError.code(.leafNodeSource)) { try f.receive(path) }
    }

    @Test("§7.9.2: a leaf parent hash that the path does not give is rejected")
    func parentHash() throws {
        let f = try Fixture()
        var path = f.path
        path.leafNode.source = .commit(parentHash: [UInt8](repeating: 7, count: 32))
        #expect(throws: MLSError.code(.updatePathParentHash)) { try f.receive(path) }
    }

    @Test("§12.4.2: a path key already in the tree is rejected")
    func duplicateKey() throws {
        let f = try Fixture()
        var path = f.path
        let existing = try #require(f.tree.leaf(f.receiver)).encryptionKey
        path.nodes[0].encryptionKey = existing
        #expect(throws: MLSError.code(.updatePathKeyNotFresh)) { try f.receive(path) }
    }

    @Test("§12.4.2: a public key the path secret does not derive is rejected")
    func derivedKeyMismatch() throws {
        let f = try Fixture()
        var path = f.path
        let last = path.nodes.count - 1
        var r = DeterministicRandom(seed: 77)
        path.nodes[last].encryptionKey = try f.suite.generateKEMKeyPair(using: &r).publicKey
        // The tree takes the new key (parent hashes then differ), so merge without the parent-hash check.
        var merged = f.tree
        let expected = try merged.applyPathKeys(sender: f.sender, encryptionKeys: path.nodes.map(\.encryptionKey), suite: f.suite)
        path.leafNode.source = .commit(parentHash: expected)
        try merged.setLeaf(f.sender, path.leafNode)
        #expect { try UpdatePathDecryptor.decrypt(path, from: f.sender, tree: merged, receiver: f.receiver, keys: f.keys,
                                                  excludedLeaves: [], groupContext: f.context(merged.treeHash(suite: f.suite)),
                                                  suite: f.suite) } throws: { e in
            [.derivedKeyMismatch, .pathSecretDecryption].contains((e as? MLSError)?.code)
        }
    }
}
