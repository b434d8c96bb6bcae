import MLSCrypto
import TLSCodec

extension MLSGroup {
    /// Joins a group from a Welcome (RFC 9420 §12.4.3.1): finds this KeyPackage's GroupSecrets, derives the PSK and
    /// welcome secrets, opens and verifies the GroupInfo, validates the ratchet tree (from the ratchet_tree extension
    /// or `ratchetTree`), installs the path secret, runs the key schedule and checks the confirmation tag.
    public static func join(welcome: Welcome, keyPackage bundle: KeyPackageBundle, ratchetTree: [Node?]? = nil,
                            psks: PSKStore = PSKStore(), configuration: GroupConfiguration = GroupConfiguration(),
                            using rng: inout DeterministicRandom) throws -> MLSGroup {
        let kp = bundle.keyPackage
        let opened = try WelcomeOpening(welcome: welcome, keyPackage: kp, initPrivateKey: bundle.initPrivateKey, psks: psks)
        let (suite, secrets, info) = (opened.suite, opened.groupSecrets, opened.groupInfo)
        let context = info.groupContext

        var tree = try verifiedTree(info: info, supplied: ratchetTree, suite: suite, configuration: configuration)
        guard let myLeaf = tree.members.first(where: { $0.leaf == kp.leafNode })?.index else { throw GroupError.ownLeafNotFound }

        // Private keys: the leaf, and the path secret's chain from the lowest common ancestor with the signer.
        var keys = TreeKEMPrivateKeys()
        let leafPub = try suite.kem.publicKey(privateKey: bundle.encryptionPrivateKey)
        keys.set(myLeaf * 2, NodeKeyPair(privateKey: try suite.kem.normalizedPrivateKey(bundle.encryptionPrivateKey),
                                         publicKey: leafPub))
        if let pathSecret = secrets.pathSecret?.pathSecret {
            let filtered = tree.filteredDirectPath(leaf: info.signer)
            guard let start = filtered.firstIndex(where: { RatchetTree.isInSubtree(myLeaf * 2, of: $0.node) }) else {
                throw GroupError.welcomeDecryptionFailed("path_secret given but the signer shares no path node with the joiner")
            }
            var ps = pathSecret
            for entry in filtered[start...] {
                let pair = try PathSecrets.nodeKeyPair(suite, pathSecret: ps)
                guard tree.node(entry.node)?.encryptionKey == pair.publicKey else {
                    throw GroupError.treeKEM(.derivedKeyMismatch(node: entry.node))
                }
                keys.set(entry.node, pair)
                ps = try PathSecrets.next(suite, pathSecret: ps)
            }
        }

        let epochSecrets = try opened.epochSecrets()
        let interim = TranscriptHash.interim(cipherSuite: suite, confirmed: context.confirmedTranscriptHash,
                                             confirmationTag: info.confirmationTag)
        _ = tree.treeHash(suite: suite)
        return try MLSGroup(cipherSuite: suite, groupContext: context, tree: tree, myLeaf: myLeaf, identity: bundle.identity,
                            psks: psks, configuration: configuration, privateKeys: keys, epochSecrets: epochSecrets,
                            interimTranscriptHash: interim, rng: rng.fork("group"))
    }

    /// The ratchet tree of a GroupInfo (the ratchet_tree extension, else the supplied one), with the GroupInfo
    /// signature verified against the signer's leaf and the tree validated in full (§12.4.3.1, §7.9.2, §7.3).
    static func verifiedTree(info: GroupInfo, supplied: [Node?]?, suite: CipherSuite,
                             configuration: GroupConfiguration) throws -> RatchetTree {
        let nodes: [Node?]
        if let ext = try info.extensions.find(RatchetTreeExtension.self) {
            nodes = ext.nodes
        } else if let supplied {
            nodes = supplied
        } else {
            throw GroupError.ratchetTreeMissing
        }
        var tree: RatchetTree
        do { tree = try RatchetTree(nodes: nodes) } catch let e as TreeError { throw GroupError.tree(e) }
        guard let signer = tree.leaf(info.signer) else { throw GroupError.groupInfoSignatureInvalid }
        let ok = (try? suite.verifyWithLabel(publicKey: signer.signatureKey, label: "GroupInfoTBS",
                                             content: info.tbs.tlsEncoded, signature: info.signature)) ?? false
        guard ok else { throw GroupError.groupInfoSignatureInvalid }
        let context = info.groupContext
        do {
            try tree.validate(groupID: context.groupID, suite: suite, treeHash: context.treeHash,
                              requiredCapabilities: try? context.extensions.find(RequiredCapabilities.self),
                              currentTime: configuration.lifetimeCheckTime)
        } catch let e as TreeError {
            throw GroupError.tree(e)
        }
        return tree
    }
}
