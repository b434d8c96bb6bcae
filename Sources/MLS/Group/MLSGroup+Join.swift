import MLSCrypto
import TLSCodec

extension MLSGroup {
    /// Joins a group from a Welcome (RFC 9420 §12.4.3.1): finds this KeyPackage's GroupSecrets, derives the PSK and
    /// welcome secrets, opens and verifies the GroupInfo, checks that this client supports every GroupContext
    /// extension (§13.4), validates the ratchet tree (from the ratchet_tree extension or `ratchetTree`), installs the
    /// path secret, runs the key schedule and checks the confirmation tag. The findings of the tree validation are
    /// on the returned group's ``findings``.
    public static func join(welcome: Welcome, keyPackage bundle: KeyPackageBundle, ratchetTree: [Node?]? = nil,
                            psks: PSKStore = PSKStore(), configuration: GroupConfiguration = GroupConfiguration(),
                            using rng: inout DeterministicRandom) throws -> MLSGroup {
        let kp = bundle.keyPackage
        let opened = try WelcomeOpening(welcome: welcome, keyPackage: kp, initPrivateKey: bundle.initPrivateKey, psks: psks)
        let (suite, secrets, info) = (opened.suite, opened.groupSecrets, opened.groupInfo)
        let context = info.groupContext

        try checkJoinerSupports(context.extensions, capabilities: kp.leafNode.capabilities)
        let verified = try verifiedTree(info: info, supplied: ratchetTree, suite: suite, configuration: configuration)
        var tree = verified.tree
        guard let myLeaf = tree.members.first(where: { $0.leaf == kp.leafNode })?.index else {
            throw MLSError(.ownLeafNotFound, "no leaf of the tree is this KeyPackage's LeafNode")
        }

        // Private keys: the leaf, and the path secret's chain from the lowest common ancestor with the signer.
        var keys = TreeKEMPrivateKeys()
        let leafPub = try suite.kem.publicKey(privateKey: bundle.encryptionPrivateKey)
        keys.set(myLeaf * 2, NodeKeyPair(privateKey: try suite.kem.normalizedPrivateKey(bundle.encryptionPrivateKey),
                                         publicKey: leafPub))
        if let pathSecret = secrets.pathSecret?.pathSecret {
            let filtered = tree.filteredDirectPath(leaf: info.signer)
            guard let start = filtered.firstIndex(where: { RatchetTree.isInSubtree(myLeaf * 2, of: $0.node) }) else {
                throw MLSError(.welcomePathSecret, "a path_secret is given but the signer shares no path node with the joiner")
            }
            var ps = pathSecret
            for entry in filtered[start...] {
                let pair = try PathSecrets.nodeKeyPair(suite, pathSecret: ps)
                guard tree.node(entry.node)?.encryptionKey == pair.publicKey else {
                    throw MLSError(.derivedKeyMismatch, "the key derived from the path_secret for node \(entry.node) differs from the tree's")
                }
                keys.set(entry.node, pair)
                ps = try PathSecrets.next(suite, pathSecret: ps)
            }
        }

        let epochSecrets = try opened.epochSecrets()
        let interim = TranscriptHash.interim(cipherSuite: suite, confirmed: context.confirmedTranscriptHash,
                                             confirmationTag: info.confirmationTag)
        _ = tree.treeHash(suite: suite)
        var group = try MLSGroup(cipherSuite: suite, groupContext: context, tree: tree, myLeaf: myLeaf, identity: bundle.identity,
                                 psks: psks, configuration: configuration, privateKeys: keys, epochSecrets: epochSecrets,
                                 interimTranscriptHash: interim, rng: rng.fork("group"))
        group.findings = verified.findings
        return group
    }

    /// A client joining a group MUST support every extension of its GroupContext (§13.4), as its leaf's
    /// capabilities say.
    static func checkJoinerSupports(_ extensions: [Extension], capabilities: Capabilities) throws {
        for ext in extensions where !capabilities.supports(ext.extensionType) {
            throw MLSError(.extensionUnsupported, "this client does not support GroupContext extension \(ext.extensionType)")
        }
    }

    /// The ratchet tree of a GroupInfo (the ratchet_tree extension, else the supplied one), with the GroupInfo
    /// signature verified against the signer's leaf and the tree validated in full (§12.4.3.1, §7.9.2, §7.3), and
    /// the findings of that validation (received leaves: lifetimes are RECOMMENDED, §7.3).
    static func verifiedTree(info: GroupInfo, supplied: [Node?]?, suite: CipherSuite,
                             configuration: GroupConfiguration) throws -> (tree: RatchetTree, findings: [MLSFinding]) {
        let nodes: [Node?]
        if let ext = try info.extensions.find(RatchetTreeExtension.self) {
            nodes = ext.nodes
        } else if let supplied {
            nodes = supplied
        } else {
            throw MLSError(.ratchetTreeMissing, "no ratchet tree: neither a ratchet_tree extension nor an out-of-band tree")
        }
        var tree = try RatchetTree(nodes: nodes)
        guard let signer = tree.leaf(info.signer) else {
            throw MLSError(.groupInfoSignatureInvalid, "the GroupInfo's signer leaf \(info.signer) is blank")
        }
        let ok = (try? suite.verifyWithLabel(publicKey: signer.signatureKey, label: "GroupInfoTBS",
                                             content: info.tbs.tlsEncoded, signature: info.signature)) ?? false
        guard ok else { throw MLSError(.groupInfoSignatureInvalid, "the GroupInfo signature does not verify") }
        let context = info.groupContext
        let findings = try tree.validate(groupID: context.groupID, suite: suite, treeHash: context.treeHash,
                                         requiredCapabilities: try? context.extensions.find(RequiredCapabilities.self),
                                         lifetime: configuration.lifetimeCheck(sending: false))
        return (tree, findings)
    }
}
