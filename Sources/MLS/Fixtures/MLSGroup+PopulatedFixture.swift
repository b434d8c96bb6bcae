import MLSCrypto
import TLSCodec

extension MLSGroup {
    /// States of chosen members of a synthetic group whose ratchet tree is fully populated, as it would be after
    /// every member had committed with a path (RFC 9420 §7.4, §7.9): for benchmarks and large simulations, where
    /// building such a tree by real Commits would take one Commit per member.
    ///
    /// The tree is built directly: `memberCount` members with fresh keys; then, for every even leaf from left to
    /// right, fresh path secrets are put on its direct path (DeriveKeyPair(DeriveSecret(path_secret, "node"))) with
    /// parent hashes set top-down, and its LeafNode is re-signed with source `commit`. Every parent node is then
    /// parent-hash valid (§7.9.2). The members in `states` get every private key of their direct paths; all share
    /// one random epoch (§8) with an empty extension list.
    public static func populatedFixture(memberCount: Int, suite: CipherSuite, states: [UInt32],
                                        using rng: inout DeterministicRandom) throws -> [MLSGroup] {
        guard memberCount >= 2, memberCount <= 1 << 20 else {
            throw MLSError(.invalidOperation, "a fixture needs 2...2^20 members")
        }
        let groupID = rng.bytes(16)
        var identities: [SigningIdentity] = []
        var leafKeys: [NodeKeyPair] = []
        var leaves: [Node?] = []
        for i in 0..<memberCount {
            let identity = try SigningIdentity.basic(Array("member-\(i)".utf8), suite: suite, using: &rng)
            let enc = try suite.generateKEMKeyPair(using: &rng)
            let leaf = LeafNode(encryptionKey: enc.publicKey, signatureKey: identity.signaturePublicKey,
                                credential: identity.credential, capabilities: KeyPackageBundle.defaultCapabilities(suite: suite),
                                source: .keyPackage(.eternal), extensions: [], signature: [])
            identities.append(identity)
            leafKeys.append(NodeKeyPair(privateKey: enc.privateKey, publicKey: enc.publicKey))
            leaves.append(.leaf(try LeafNodeSigner.sign(leaf, suite: suite, groupID: groupID, leafIndex: UInt32(i),
                                                        signaturePrivateKey: identity.signaturePrivateKey)))
            if i + 1 < memberCount { leaves.append(nil) }
        }
        var tree: RatchetTree
        tree = try RatchetTree(nodes: leaves)

        // Fill every parent node: paths from the even leaves, left to right; the last writer of a node wins.
        var nodeKeys: [UInt32: NodeKeyPair] = [:]
        for i in stride(from: 0, to: memberCount, by: 2) {
            let leaf = UInt32(i)
            let filtered = tree.filteredDirectPath(leaf: leaf)
            var secret = rng.bytes(suite.hashLength)
            var pairs: [NodeKeyPair] = []
            for _ in filtered {
                pairs.append(try PathSecrets.nodeKeyPair(suite, pathSecret: secret))
                secret = try PathSecrets.next(suite, pathSecret: secret)
            }
            let parentHash = try UpdatePathMerge.setPathNodes(tree: &tree, suite: suite, sender: leaf,
                                                             keys: pairs.map(\.publicKey))
            for (entry, pair) in zip(filtered, pairs) { nodeKeys[entry.node] = pair }
            guard var node = tree.leaf(leaf) else { continue }
            node.source = .commit(parentHash: parentHash)
            node = try LeafNodeSigner.sign(node, suite: suite, groupID: groupID, leafIndex: leaf,
                                           signaturePrivateKey: identities[i].signaturePrivateKey)
            try tree.setLeaf(leaf, node)
        }

        let context = GroupContext(cipherSuite: suite.id, groupID: groupID, epoch: 1, treeHash: tree.treeHash(suite: suite),
                                   confirmedTranscriptHash: rng.bytes(suite.hashLength), extensions: [])
        let secrets = try KeySchedule.nextEpoch(cipherSuite: suite, initSecret: rng.bytes(suite.hashLength), commitSecret: nil,
                                                pskSecret: nil, groupContext: context.tlsEncoded)
        let tag = TranscriptHash.confirmationTag(cipherSuite: suite, confirmationKey: secrets.confirmationKey,
                                                 confirmed: context.confirmedTranscriptHash)
        let interim = TranscriptHash.interim(cipherSuite: suite, confirmed: context.confirmedTranscriptHash, confirmationTag: tag)
        return try states.map { me in
            guard Int(me) < memberCount else { throw MLSError(.invalidOperation, "member \(me) is not in the fixture") }
            var keys = TreeKEMPrivateKeys()
            keys.set(me * 2, leafKeys[Int(me)])
            for node in TreeMath.directPath(me * 2, leafCount: tree.leafCount) ?? [] {
                if let pair = nodeKeys[node], tree.node(node)?.encryptionKey == pair.publicKey { keys.set(node, pair) }
            }
            return try MLSGroup(cipherSuite: suite, groupContext: context, tree: tree, myLeaf: me, identity: identities[Int(me)],
                                psks: PSKStore(), configuration: GroupConfiguration(), privateKeys: keys, epochSecrets: secrets,
                                interimTranscriptHash: interim, rng: rng.fork("fixture-\(me)"))
        }
    }
}
