import MLSCrypto
import TLSCodec

extension MLSGroup {
    /// Creates a one-member group (RFC 9420 §11): epoch 0, the creator's leaf, an empty confirmed transcript hash,
    /// a random init secret, and the given GroupContext extensions (which the creator must support).
    public static func create(groupID: [UInt8], suite: CipherSuite, identity: SigningIdentity,
                              extensions: [Extension] = [], capabilities: Capabilities? = nil,
                              leafExtensions: [Extension] = [], psks: PSKStore = PSKStore(),
                              configuration: GroupConfiguration = GroupConfiguration(),
                              using rng: inout DeterministicRandom) throws -> MLSGroup {
        var groupRNG = rng.fork("group")
        let encPair = try suite.generateKEMKeyPair(using: &groupRNG)
        var leaf = LeafNode(encryptionKey: encPair.publicKey, signatureKey: identity.signaturePublicKey,
                            credential: identity.credential,
                            capabilities: capabilities ?? KeyPackageBundle.defaultCapabilities(suite: suite),
                            source: .keyPackage(.eternal), extensions: leafExtensions, signature: [])
        leaf = try LeafNodeSigner.sign(leaf, suite: suite, groupID: groupID, leafIndex: 0,
                                       signaturePrivateKey: identity.signaturePrivateKey)
        var tree = RatchetTree(firstLeaf: leaf)
        try checkExtensionsSupported(extensions, by: tree)
        let context = GroupContext(cipherSuite: suite.id, groupID: groupID, epoch: 0, treeHash: tree.treeHash(suite: suite),
                                   confirmedTranscriptHash: [], extensions: extensions)
        let secrets = try KeySchedule.nextEpoch(cipherSuite: suite, initSecret: groupRNG.bytes(suite.hashLength),
                                                commitSecret: nil, pskSecret: nil, groupContext: context.tlsEncoded)
        let tag = TranscriptHash.confirmationTag(cipherSuite: suite, confirmationKey: secrets.confirmationKey, confirmed: [])
        let interim = TranscriptHash.interim(cipherSuite: suite, confirmed: [], confirmationTag: tag)
        var keys = TreeKEMPrivateKeys()
        keys.set(0, NodeKeyPair(privateKey: encPair.privateKey, publicKey: encPair.publicKey))
        return try MLSGroup(cipherSuite: suite, groupContext: context, tree: tree, myLeaf: 0, identity: identity, psks: psks,
                            configuration: configuration, privateKeys: keys, epochSecrets: secrets,
                            interimTranscriptHash: interim, rng: groupRNG)
    }

    /// Every member supports every non-default extension type of `extensions` (§13.4), none appears twice (§13.4), and
    /// required_capabilities, if present, is met by every member (§11.1, §12.1.7).
    static func checkExtensionsSupported(_ extensions: [Extension], by tree: RatchetTree) throws {
        if let dup = extensions.firstDuplicateType {
            throw MLSError(.duplicateExtension, "extension \(dup) appears twice in the GroupContext extensions")
        }
        let required = try extensions.find(RequiredCapabilities.self)
        for (i, leaf) in tree.members {
            let caps = leaf.capabilities
            for ext in extensions where !caps.supports(ext.extensionType) {
                throw MLSError(.extensionUnsupported, "member at leaf \(i) does not support GroupContext extension \(ext.extensionType)")
            }
            guard let required else { continue }
            func missing(_ what: String) -> MLSError {
                MLSError(.requiredCapabilityUnsupported, "member at leaf \(i) does not support the required \(what)")
            }
            for t in required.extensionTypes where !caps.supports(t) { throw missing("extension \(t)") }
            for t in required.proposalTypes where !caps.supports(t) { throw missing("proposal \(t)") }
            for t in required.credentialTypes where !caps.supports(t) { throw missing("credential \(t)") }
        }
    }
}
