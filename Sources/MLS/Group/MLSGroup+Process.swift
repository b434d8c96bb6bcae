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
    /// only when the message is valid in full; a rejected message throws a ``GroupError`` and leaves it untouched.
    @discardableResult
    public mutating func process(_ message: MLSMessage) throws -> ProcessedMessage {
        guard status == .active else { throw GroupError.groupInactive }
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
            guard case .member(let leaf) = content.sender else { throw GroupError.senderNotAllowed("application from non-member") }
            return .application(data: data, authenticatedData: content.authenticatedData, sender: leaf)
        case .proposal:
            if case .member(let leaf) = content.sender, leaf == myLeaf { throw GroupError.ownMessage }
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
            guard leaf != myLeaf else { throw GroupError.ownMessage }
            committer = leaf
        case .newMemberCommit:
            committer = nil
        default:
            throw GroupError.senderNotAllowed("\(sender) cannot send a Commit (RFC 9420 §12.4)")
        }
        guard authenticated.auth.confirmationTag != nil else { throw GroupError.confirmationTagInvalid }

        // Resolve the proposals (§12.4.2).
        var list: [ResolvedProposal] = []
        for item in commit.proposals {
            switch item {
            case .proposal(let p):
                list.append(ResolvedProposal(proposal: p, sender: sender, ref: nil))
            case .reference(let ref):
                guard let cached = proposalCache[ref] else { throw GroupError.proposalNotFound(ref: ref) }
                list.append(ResolvedProposal(proposal: cached.proposal, sender: cached.sender, ref: ref))
            }
        }
        if committer != nil {
            for item in list where item.ref == nil {
                if case .update = item.proposal { throw GroupError.updateByCommitter }
            }
        }
        var outcome = try applyProposals(list, committer: committer,
                                         joinerCredential: committer == nil ? commit.path?.leafNode.credential : nil)
        guard !outcome.pathRequired || commit.path != nil else { throw GroupError.pathRequired }

        // The committer's leaf: a member's own, or for an external Commit the leaf the joiner is added at (§12.4.3.2).
        let committerLeaf: UInt32
        var initSecret = epochSecrets.initSecret
        if let committer {
            committerLeaf = committer
        } else {
            guard let path = commit.path else { throw GroupError.invalidExternalCommit("no UpdatePath") }
            for case .remove(let r) in list.map(\.proposal) where tree.leaf(r.removed)?.credential != path.leafNode.credential {
                throw GroupError.invalidExternalCommit("the Remove does not remove the joiner's prior leaf")
            }
            guard let ei = outcome.externalInit else { throw GroupError.invalidExternalCommit("no ExternalInit proposal") }
            do {
                committerLeaf = try outcome.tree.addLeaf(path.leafNode)
            } catch let e as TreeError { throw GroupError.tree(e) }
            do {
                initSecret = try ExternalInitSecret.receive(suite: cipherSuite, kemOutput: ei.kemOutput,
                                                            externalPrivateKey: epochSecrets.externalKeyPair().privateKey)
            } catch {
                throw GroupError.invalidExternalCommit("ExternalInit kem_output does not decapsulate: \(error)")
            }
        }

        // Removed: the member leaves the group (§12.1.3).
        if outcome.removedLeaves.contains(myLeaf) {
            var gone = self
            gone.status = .removed
            gone.proposalCache = [:]
            return gone
        }

        var keys = privateKeys
        if let ref = outcome.updatedLeaves[myLeaf] {
            guard let pair = pendingUpdateKeys[ref] else {
                throw GroupError.proposalSenderNotAllowed("an Update of this member's leaf that it did not send")
            }
            keys.set(myLeaf * 2, pair)
        }

        var newTree = outcome.tree
        var commitSecret: [UInt8]?
        if let path = commit.path {
            let required = try? outcome.extensions.find(RequiredCapabilities.self)
            do {
                try newTree.validateLeaf(path.leafNode, at: committerLeaf, context: LeafNodeValidationContext(
                    suite: cipherSuite, groupID: groupID, origin: .commit, requiredCapabilities: required, currentTime: nil))
                for ext in outcome.extensions where !path.leafNode.capabilities.supports(ext.extensionType) {
                    throw GroupError.unsupportedByMember(leaf: committerLeaf, what: "extension \(ext.extensionType)")
                }
                try UpdatePathMerge.apply(path, from: committerLeaf, to: &newTree, suite: cipherSuite)
            } catch let e as TreeError {
                throw GroupError.invalidUpdatePathLeaf(e.description)
            } catch let e as TreeKEMError {
                throw GroupError.treeKEM(e)
            }
            let provisional = provisionalContext(treeHash: newTree.treeHash(suite: cipherSuite),
                                                 extensions: outcome.extensions)
            do {
                let decrypted = try UpdatePathDecryptor.decrypt(path, from: committerLeaf, tree: newTree, receiver: myLeaf,
                                                                keys: keys, excludedLeaves: Set(outcome.joiners.map(\.leaf)),
                                                                groupContext: provisional.tlsEncoded, suite: cipherSuite)
                for (node, pair) in decrypted.privateKeys { keys.set(node, pair) }
                commitSecret = decrypted.commitSecret
            } catch let e as TreeKEMError {
                throw GroupError.treeKEM(e)
            }
        }

        let treeHash = newTree.treeHash(suite: cipherSuite)
        let next = try nextEpochSecrets(treeHash: treeHash, extensions: outcome.extensions,
                                        confirmedInput: ConfirmedTranscriptHashInput(authenticated).tlsEncoded,
                                        commitSecret: commitSecret, initSecret: initSecret, psks: outcome.psks)
        guard let tag = authenticated.auth.confirmationTag,
              TranscriptHash.verifyConfirmationTag(cipherSuite: cipherSuite, confirmationKey: next.secrets.confirmationKey,
                                                   confirmed: next.context.confirmedTranscriptHash, tag: tag) else {
            throw GroupError.confirmationTagInvalid
        }
        var result = try advanced(context: next.context, tree: newTree, myLeaf: myLeaf, keys: keys, secrets: next.secrets,
                                  confirmationTag: tag)
        if let reInit = outcome.reInit { result.status = .reinitialized(reInit) }
        return result
    }
}
