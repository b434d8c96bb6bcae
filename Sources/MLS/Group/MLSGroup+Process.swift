import MLSCrypto
import TLSCodec

/// What processing a message produced (RFC 9420 §6, §12).
public enum ProcessedMessage: Sendable {
    /// Application data from a member, with its authenticated_data.
    case application(data: [UInt8], authenticatedData: [UInt8], sender: UInt32)
    /// A proposal, now cached by its ProposalRef.
    case proposal(Proposal, ref: [UInt8], sender: Sender)
    /// A Commit; the state has moved to the new epoch (or to ``GroupStatus/removed``).
    case commit(sender: Sender)
}

extension MLSGroup {
    /// Processes a PublicMessage or PrivateMessage of this group (RFC 9420 §6, §12.1, §12.4.2). The state changes
    /// only when the message is valid in full; a message that breaks a MUST throws an ``MLSError`` and leaves the
    /// state untouched. Checks that are only SHOULD or a policy of the harness add to ``findings`` instead.
    @discardableResult
    public mutating func process(_ message: MLSMessage) throws -> ProcessedMessage {
        guard status == .active else { throw MLSError(.groupInactive, "the group is no longer active for this member") }
        var copy = self
        let result = try copy.processUnchecked(message)
        self = copy
        return result
    }

    private mutating func processUnchecked(_ message: MLSMessage) throws -> ProcessedMessage {
        if let pending = pendingCommit, pending.message == message {
            try mergePendingCommit()
            return .commit(sender: .member(leafIndex: myLeaf))
        }
        let authenticated = try unprotect(message)
        let content = authenticated.content
        switch content.body {
        case .application(let data):
            guard case .member(let leaf) = content.sender else {
                throw MLSError(.senderNotAllowed, "application data from \(content.sender)")
            }
            return .application(data: data, authenticatedData: content.authenticatedData, sender: leaf)
        case .proposal:
            if case .member(let leaf) = content.sender, leaf == myLeaf {
                throw MLSError(.ownMessage, "the proposal was sent by this member")
            }
            let (proposal, ref) = try cacheReceivedProposal(authenticated)
            return .proposal(proposal, ref: ref, sender: content.sender)
        case .commit(let commit):
            self = try staged(commit, authenticated: authenticated)
            return .commit(sender: content.sender)
        }
    }

    /// Validates a Commit in full and returns the state of the next epoch, without changing this state (§12.4.2).
    func staged(_ commit: Commit, authenticated: AuthenticatedContent) throws -> MLSGroup {
        let sender = authenticated.content.sender
        let committer: UInt32?
        switch sender {
        case .member(let leaf):
            guard leaf != myLeaf else { throw MLSError(.ownMessage, "the Commit was sent by this member") }
            committer = leaf
        case .newMemberCommit:
            committer = nil
        default:
            throw MLSError(.senderNotAllowed, "\(sender) cannot send a Commit (RFC 9420 §12.4)")
        }
        guard authenticated.auth.confirmationTag != nil else {
            throw MLSError(.confirmationTagPresence, "the Commit has no confirmation_tag")
        }
        let list = try resolvedProposals(commit, sender: sender, isExternal: committer == nil)
        var outcome = try applyProposals(list, committer: committer, sending: false,
                                         joinerCredential: committer == nil ? commit.path?.leafNode.credential : nil)
        guard !outcome.pathRequired || commit.path != nil else {
            throw MLSError(.pathRequired, "the Commit's proposals require an UpdatePath and it has none")
        }
        let (committerLeaf, initSecret) = try committerLeafAndInitSecret(commit, list: list, committer: committer,
                                                                          outcome: &outcome)
        // Removed: the member leaves the group (§12.1.3).
        if outcome.removedLeaves.contains(myLeaf) {
            var gone = self
            gone.status = .removed
            gone.proposalCache = [:]
            gone.findings += outcome.findings
            return gone
        }
        var keys = privateKeys
        if let ref = outcome.updatedLeaves[myLeaf] {
            guard let pair = pendingUpdateKeys[ref] else {
                throw MLSError(.unknownOwnUpdate, "an Update of this member's leaf that it did not send")
            }
            keys.set(myLeaf * 2, pair)
        }
        var newTree = outcome.tree
        var commitSecret: [UInt8]?
        if let path = commit.path {
            commitSecret = try mergeReceivedPath(path, from: committerLeaf, isExternal: committer == nil, outcome: &outcome,
                                                 tree: &newTree, keys: &keys)
        }
        return try nextEpoch(authenticated, outcome: outcome, tree: newTree, keys: keys, commitSecret: commitSecret,
                             initSecret: initSecret)
    }

    /// The Commit's proposals, by value or from the cache by ProposalRef (§12.4); a member's Commit never carries the
    /// committer's Update by value (§12.2).
    private func resolvedProposals(_ commit: Commit, sender: Sender, isExternal: Bool) throws -> [ResolvedProposal] {
        var list: [ResolvedProposal] = []
        for item in commit.proposals {
            switch item {
            case .proposal(let p):
                if !isExternal, case .update = p {
                    throw MLSError(.updateByCommitter, "the Commit carries an Update by value, which is the committer's")
                }
                list.append(ResolvedProposal(proposal: p, sender: sender, ref: nil))
            case .reference(let ref):
                guard let cached = proposalCache[ref] else {
                    throw MLSError(.proposalNotFound, "no cached proposal has reference \(ref.hex)")
                }
                list.append(ResolvedProposal(proposal: cached.proposal, sender: cached.sender, ref: ref))
            }
        }
        return list
    }

    /// The committer's leaf and the init secret of the key schedule: a member's own leaf and this epoch's init secret,
    /// or for an external Commit the leaf the joiner is added at and the secret from its ExternalInit (§12.4.3.2, §8.3).
    /// A resync whose Remove names a leaf with another credential is accepted with a finding (the application decides
    /// which credentials may replace a leaf, §12.4.3.2).
    private func committerLeafAndInitSecret(_ commit: Commit, list: [ResolvedProposal], committer: UInt32?,
                                            outcome: inout ProposalOutcome) throws -> (leaf: UInt32, initSecret: [UInt8]) {
        if let committer { return (committer, epochSecrets.initSecret) }
        guard let path = commit.path else { throw MLSError(.externalCommitPath, "the external Commit has no UpdatePath") }
        for case .remove(let r) in list.map(\.proposal) where tree.leaf(r.removed)?.credential != path.leafNode.credential {
            outcome.findings.append(.resyncCredentialChanged(removed: r.removed))
        }
        guard let ei = outcome.externalInit else {
            throw MLSError(.externalInitCount, "the external Commit has no ExternalInit proposal")
        }
        let leaf = try outcome.tree.addLeaf(path.leafNode)
        do {
            let secret = try ExternalInitSecret.receive(suite: cipherSuite, kemOutput: ei.kemOutput,
                                                        externalPrivateKey: epochSecrets.externalKeyPair().privateKey)
            return (leaf, secret)
        } catch {
            throw MLSError(.externalInitKEMOutput, "the ExternalInit kem_output does not decapsulate: \(error)")
        }
    }

    /// Validates the UpdatePath's leaf (§7.3, §12.4.2: source commit, a new encryption key, the extensions of the new
    /// epoch supported), merges the path into `tree` and decrypts this member's path secret; returns the commit secret.
    private func mergeReceivedPath(_ path: UpdatePath, from committerLeaf: UInt32, isExternal: Bool,
                                   outcome: inout ProposalOutcome, tree newTree: inout RatchetTree,
                                   keys: inout TreeKEMPrivateKeys) throws -> [UInt8] {
        let required = try? outcome.extensions.find(RequiredCapabilities.self)
        outcome.findings += try newTree.validateLeaf(path.leafNode, at: committerLeaf, context: LeafNodeValidationContext(
            suite: cipherSuite, groupID: groupID, origin: .commit, requiredCapabilities: required))
        if !isExternal, newTree.leaf(committerLeaf)?.encryptionKey == path.leafNode.encryptionKey {
            throw MLSError(.leafEncryptionKeyUnchanged, "the UpdatePath leaf keeps the committer's encryption_key")
        }
        for ext in outcome.extensions where !path.leafNode.capabilities.supports(ext.extensionType) {
            throw MLSError(.extensionUnsupported, "the committer's new leaf does not support GroupContext extension \(ext.extensionType)")
        }
        try UpdatePathMerge.apply(path, from: committerLeaf, to: &newTree, suite: cipherSuite)
        let provisional = provisionalContext(treeHash: newTree.treeHash(suite: cipherSuite), extensions: outcome.extensions)
        let decrypted = try UpdatePathDecryptor.decrypt(path, from: committerLeaf, tree: newTree, receiver: myLeaf, keys: keys,
                                                        excludedLeaves: Set(outcome.joiners.map(\.leaf)),
                                                        groupContext: provisional.tlsEncoded, suite: cipherSuite)
        for (node, pair) in decrypted.privateKeys { keys.set(node, pair) }
        return decrypted.commitSecret
    }

    /// The key schedule of the new epoch, the confirmation tag checked (§12.4.2), and the state of that epoch.
    private func nextEpoch(_ authenticated: AuthenticatedContent, outcome: ProposalOutcome, tree: RatchetTree,
                           keys: TreeKEMPrivateKeys, commitSecret: [UInt8]?, initSecret: [UInt8]) throws -> MLSGroup {
        var newTree = tree
        let next = try nextEpochSecrets(treeHash: newTree.treeHash(suite: cipherSuite), extensions: outcome.extensions,
                                        confirmedInput: ConfirmedTranscriptHashInput(authenticated).tlsEncoded,
                                        commitSecret: commitSecret, initSecret: initSecret, psks: outcome.psks)
        guard let tag = authenticated.auth.confirmationTag,
              TranscriptHash.verifyConfirmationTag(cipherSuite: cipherSuite, confirmationKey: next.secrets.confirmationKey,
                                                   confirmed: next.context.confirmedTranscriptHash, tag: tag) else {
            throw MLSError(.confirmationTagInvalid, "the Commit's confirmation_tag does not verify")
        }
        var result = try advanced(context: next.context, tree: newTree, myLeaf: myLeaf, keys: keys, secrets: next.secrets,
                                  confirmationTag: tag)
        if let reInit = outcome.reInit { result.status = .reinitialized(reInit) }
        result.findings += outcome.findings
        return result
    }
}
