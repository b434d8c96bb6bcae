import MLSCrypto
import TLSCodec

/// What an external joiner gets (RFC 9420 §12.4.3.2): its group state in the new epoch and the Commit to send.
public struct ExternalJoinOutput: Sendable {
    public var group: MLSGroup
    public var commit: MLSMessage
}

extension MLSGroup {
    /// Joins a group by an external Commit (RFC 9420 §12.4.3.2): verifies the GroupInfo and the tree (from the
    /// ratchet_tree extension or `ratchetTree`), derives init_secret from external_pub (§8.3), and commits
    /// ExternalInit, an optional Remove of the joiner's prior leaf (resync) and PreSharedKey proposals, with an
    /// UpdatePath from the leaf the joiner takes. The Commit is a PublicMessage from `new_member_commit`. `appData` adds
    /// AppDataUpdate and AppEphemeral proposals by value (draft-ietf-mls-extensions §4.7, §4.8 allow them in external
    /// Commits).
    public static func joinExternally(groupInfo info: GroupInfo, ratchetTree: [Node?]? = nil, identity: SigningIdentity,
                                      removePrior: UInt32? = nil, pskIDs: [[UInt8]] = [], psks: PSKStore = PSKStore(),
                                      appData: [Proposal] = [],
                                      capabilities: Capabilities? = nil, authenticatedData: [UInt8] = [],
                                      configuration: GroupConfiguration = GroupConfiguration(),
                                      using rng: inout DeterministicRandom) throws -> ExternalJoinOutput {
        let suite = try CipherSuite(info.groupContext.cipherSuite)
        let leafCapabilities = capabilities ?? KeyPackageBundle.defaultCapabilities(suite: suite)
        try checkJoinerSupports(info.groupContext.extensions, capabilities: leafCapabilities)
        let verified = try verifiedTree(info: info, supplied: ratchetTree, suite: suite, configuration: configuration)
        guard let externalPub = try info.extensions.find(ExternalPub.self)?.externalPub else {
            throw MLSError(.missingExternalPub, "the GroupInfo has no external_pub extension")
        }
        var groupRNG = rng.fork("external-join")
        let (kemOutput, initSecret) = try ExternalInitSecret.create(suite: suite, externalPub: externalPub, using: &groupRNG)

        let context = info.groupContext
        var base = try externalJoinBase(info, tree: verified.tree, identity: identity, psks: psks, configuration: configuration,
                                        rng: groupRNG)

        var proposals: [Proposal] = [.externalInit(ExternalInit(kemOutput: kemOutput))]
        if let removePrior { proposals.append(.remove(Remove(removed: removePrior))) }
        for id in pskIDs {
            proposals.append(.preSharedKey(PreSharedKey(psk: PreSharedKeyID(key: .external(pskID: id),
                                                                             pskNonce: base.rng.bytes(suite.hashLength)))))
        }
        proposals += appData
        let list = proposals.map { ResolvedProposal(proposal: $0, sender: .newMemberCommit, ref: nil) }
        let outcome = try base.applyProposals(list, committer: nil, sending: true, joinerCredential: identity.credential)

        // The joiner's leaf goes where an Add would put it; the UpdatePath then replaces it.
        var newTree = outcome.tree
        let leafPair = try suite.generateKEMKeyPair(using: &base.rng)
        let template = LeafNode(encryptionKey: leafPair.publicKey, signatureKey: identity.signaturePublicKey,
                                credential: identity.credential,
                                capabilities: leafCapabilities,
                                source: .commit(parentHash: []), extensions: [], signature: [])
        let myLeaf = try newTree.addLeaf(template)
        let pathBase = base
        let generation = try UpdatePathGenerator.generate(
            tree: &newTree, suite: suite, groupID: context.groupID, sender: myLeaf, leafTemplate: template,
            signaturePrivateKey: identity.signaturePrivateKey, excludedLeaves: [],
            groupContext: { pathBase.provisionalContext(treeHash: $0, extensions: outcome.extensions).tlsEncoded },
            using: &base.rng)
        let commit = Commit(proposals: proposals.map(ProposalOrRef.proposal), path: generation.updatePath)
        let content = FramedContent(groupID: context.groupID, epoch: context.epoch, sender: .newMemberCommit,
                                    authenticatedData: authenticatedData, body: .commit(commit))
        var authenticated = try MessageFraming.sign(content, wireFormat: .publicMessage, groupContext: context.tlsEncoded,
                                                    suite: suite, signaturePrivateKey: identity.signaturePrivateKey)
        let treeHash = newTree.treeHash(suite: suite)
        let next = try base.nextEpochSecrets(treeHash: treeHash, extensions: outcome.extensions,
                                             confirmedInput: ConfirmedTranscriptHashInput(authenticated).tlsEncoded,
                                             commitSecret: generation.commitSecret, initSecret: initSecret,
                                             psks: outcome.psks)
        authenticated.auth.confirmationTag = next.confirmationTag
        let message = MLSMessage(.publicMessage(try MessageFraming.protectPublic(
            authenticated, groupContext: context.tlsEncoded, suite: suite, membershipKey: [])))

        var keys = TreeKEMPrivateKeys()
        for (node, pair) in generation.privateKeys { keys.set(node, pair) }
        var group = try base.advanced(context: next.context, tree: newTree, myLeaf: myLeaf, keys: keys,
                                      secrets: next.secrets, confirmationTag: next.confirmationTag)
        group.pastEpochs = []
        group.findings = verified.findings + outcome.findings
        return ExternalJoinOutput(group: group, commit: message)
    }

    /// The joiner's view of the current epoch: context, tree and interim transcript hash; no epoch secrets
    /// (placeholder values derived from zero, never used to protect or open a message).
    private static func externalJoinBase(_ info: GroupInfo, tree: RatchetTree, identity: SigningIdentity, psks: PSKStore,
                                         configuration: GroupConfiguration, rng: DeterministicRandom) throws -> MLSGroup {
        let suite = try CipherSuite(info.groupContext.cipherSuite)
        let context = info.groupContext
        let interim = TranscriptHash.interim(cipherSuite: suite, confirmed: context.confirmedTranscriptHash,
                                             confirmationTag: info.confirmationTag)
        let placeholder = try EpochSecrets(cipherSuite: suite, joinerSecret: suite.zeroSecret, pskSecret: nil,
                                           groupContext: context.tlsEncoded)
        var base = try MLSGroup(cipherSuite: suite, groupContext: context, tree: tree, myLeaf: 0, identity: identity,
                                psks: psks, configuration: configuration, privateKeys: TreeKEMPrivateKeys(),
                                epochSecrets: placeholder, interimTranscriptHash: interim, rng: rng)
        base.psks.resumption[context.groupID]?[context.epoch] = nil
        return base
    }
}
