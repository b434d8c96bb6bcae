import MLSCrypto
import TLSCodec

/// What a member asks a Commit to contain (RFC 9420 §12.4).
public struct CommitOptions: Sendable {
    /// Cached proposals to include by ProposalRef; nil includes every cached proposal.
    public var byReference: [[UInt8]]?
    /// Proposals the committer adds by value.
    public var byValue: [Proposal]
    /// Include an UpdatePath even when the proposals do not require one.
    public var forcePath: Bool
    /// The Commit's authenticated_data.
    public var authenticatedData: [UInt8]
    /// The handshake wire format for this Commit; nil uses the group's configuration.
    public var wireFormat: WireFormat?
    /// Put the ratchet_tree extension in the Welcome's GroupInfo; nil uses the group's configuration.
    public var ratchetTreeInWelcome: Bool?
    /// A deliberate protocol violation, for conformance tests of other members (``CommitMisbehaviour``).
    public var misbehaviour: CommitMisbehaviour = .none
    /// The resumption PSK usage this Commit may carry: application, or reinit/branch in a successor group's first
    /// Commit (§11.2, §11.3).
    var resumptionUsage: ResumptionPSKUsage = .application

    public init(byReference: [[UInt8]]? = nil, byValue: [Proposal] = [], forcePath: Bool = false,
                authenticatedData: [UInt8] = [], wireFormat: WireFormat? = nil, ratchetTreeInWelcome: Bool? = nil,
                misbehaviour: CommitMisbehaviour = .none) {
        self.byReference = byReference
        self.byValue = byValue
        self.forcePath = forcePath
        self.authenticatedData = authenticatedData
        self.wireFormat = wireFormat
        self.ratchetTreeInWelcome = ratchetTreeInWelcome
        self.misbehaviour = misbehaviour
    }
}

/// A deliberate violation a test member can build into an otherwise well-formed, signed Commit, so that a
/// receiver's specific check can be exercised (the harness judges other implementations).
public enum CommitMisbehaviour: Sendable, Hashable {
    case none
    /// Leave out the UpdatePath even when the proposals require one (§12.4).
    case omitPath
    /// Flip a bit of the confirmation tag (§12.4.2).
    case corruptConfirmationTag
    /// Give the UpdatePath's LeafNode a wrong parent_hash, re-signed (§7.9.2).
    case corruptLeafParentHash
}

/// A created Commit (RFC 9420 §12.4.1): the message for the group, the Welcome for new members, and the GroupInfo and
/// ratchet tree of the new epoch.
public struct CommitOutput: Sendable {
    public var commit: MLSMessage
    public var welcome: MLSMessage?
    /// The GroupInfo of the new epoch, as in the Welcome (with the ratchet_tree extension when a Welcome carries the
    /// tree; without it otherwise).
    public var groupInfo: GroupInfo
    /// The ratchet tree of the new epoch, for joiners who get it out of band.
    public var ratchetTree: RatchetTreeExtension
}

extension MLSGroup {
    /// Creates a Commit (RFC 9420 §12.4.1) and stages the next epoch as ``pendingCommit``; the state moves on only
    /// with ``mergePendingCommit()``. The proposals are validated as a receiver would (§12.2), with the lifetimes of
    /// the added KeyPackages a MUST (§7.3: this member sends them); an UpdatePath is generated when required or
    /// forced, encrypted to everyone but the joiners of this Commit. The findings of the checks are on ``findings``.
    public mutating func commit(_ options: CommitOptions = CommitOptions()) throws -> CommitOutput {
        guard status == .active else { throw MLSError(.groupInactive, "the group is no longer active for this member") }
        var state = self
        state.pendingCommit = nil
        let (list, ors) = try state.commitProposals(options)
        let outcome = try state.applyProposals(list, committer: myLeaf, sending: true, resumptionUsage: options.resumptionUsage)
        state.findings += outcome.findings
        var newTree = outcome.tree
        var keys = state.privateKeys
        if let myUpdate = outcome.updatedLeaves[myLeaf], let pair = state.pendingUpdateKeys[myUpdate] {
            keys.set(myLeaf * 2, pair)
        }
        let generation = try state.commitPath(outcome, options: options, tree: &newTree, keys: &keys)
        let commit = Commit(proposals: ors, path: generation?.updatePath)
        let treeHash = newTree.treeHash(suite: cipherSuite)

        var next: (context: GroupContext, secrets: EpochSecrets, confirmationTag: [UInt8])?
        let base = state
        let framed = try state.frame(.commit(commit), authenticatedData: options.authenticatedData,
                                     wireFormat: options.wireFormat) { authenticated in
            let computed = try base.nextEpochSecrets(treeHash: treeHash, extensions: outcome.extensions,
                                                      confirmedInput: ConfirmedTranscriptHashInput(authenticated).tlsEncoded,
                                                      commitSecret: generation?.commitSecret,
                                                      initSecret: base.epochSecrets.initSecret, psks: outcome.psks)
            next = computed
            if options.misbehaviour == .corruptConfirmationTag, let first = computed.confirmationTag.first {
                return [first ^ 1] + computed.confirmationTag.dropFirst()
            }
            return computed.confirmationTag
        }
        guard let next else { throw MLSError(.noPendingCommit, "the Commit's epoch secrets were not computed") }
        var nextState = try state.advanced(context: next.context, tree: newTree, myLeaf: myLeaf, keys: keys,
                                           secrets: next.secrets, confirmationTag: next.confirmationTag)
        if let reInit = outcome.reInit { nextState.status = .reinitialized(reInit) }

        // The tree goes into the GroupInfo only for a Welcome that carries it (serializing it is O(n)).
        let withTree = (options.ratchetTreeInWelcome ?? configuration.ratchetTreeInWelcome) && !outcome.joiners.isEmpty
        let groupInfo = try nextState.makeGroupInfo(confirmationTag: next.confirmationTag, ratchetTree: withTree,
                                                    externalPub: false)
        var welcome: MLSMessage?
        if !outcome.joiners.isEmpty {
            welcome = try state.makeWelcome(groupInfo: groupInfo, joiners: outcome.joiners, secrets: next.secrets,
                                            pathSecrets: generation?.pathSecrets ?? [:], tree: newTree, psks: outcome.psks)
        }
        state.pendingCommit = PendingCommit(message: framed.message, next: MLSGroupBox(nextState))
        self = state
        return CommitOutput(commit: framed.message, welcome: welcome, groupInfo: groupInfo,
                            ratchetTree: nextState.tree.ratchetTreeExtension)
    }

    /// The proposals of a Commit this member creates: the cached ones it names by reference (every cached one by
    /// default) and its own by value (never an Update, §12.2).
    private func commitProposals(_ options: CommitOptions) throws -> (list: [ResolvedProposal], ors: [ProposalOrRef]) {
        var list: [ResolvedProposal] = []
        var ors: [ProposalOrRef] = []
        for ref in options.byReference ?? cachedProposalRefs {
            guard let cached = proposalCache[ref] else {
                throw MLSError(.proposalNotFound, "no cached proposal has reference \(ref.hex)")
            }
            list.append(ResolvedProposal(proposal: cached.proposal, sender: cached.sender, ref: ref))
            ors.append(.reference(ref))
        }
        for p in options.byValue {
            if case .update = p { throw MLSError(.updateByCommitter, "a committer does not commit an Update of its own") }
            list.append(ResolvedProposal(proposal: p, sender: .member(leafIndex: myLeaf), ref: nil))
            ors.append(.proposal(p))
        }
        return (list, ors)
    }

    /// The UpdatePath of a Commit this member creates, when the proposals require one or it is forced (§12.4), with
    /// the private keys it puts on the path; and the deliberate parent-hash fault of ``CommitMisbehaviour``.
    private mutating func commitPath(_ outcome: ProposalOutcome, options: CommitOptions, tree newTree: inout RatchetTree,
                                     keys: inout TreeKEMPrivateKeys) throws -> UpdatePathGeneration? {
        guard (outcome.pathRequired || options.forcePath) && options.misbehaviour != .omitPath else { return nil }
        guard let template = newTree.leaf(myLeaf) else { throw MLSError(.ownLeafNotFound, "this member's leaf is blank") }
        let pathBase = self
        var generation = try UpdatePathGenerator.generate(
            tree: &newTree, suite: cipherSuite, groupID: groupID, sender: myLeaf, leafTemplate: template,
            signaturePrivateKey: identity.signaturePrivateKey, excludedLeaves: Set(outcome.joiners.map(\.leaf)),
            groupContext: { pathBase.provisionalContext(treeHash: $0, extensions: outcome.extensions).tlsEncoded },
            using: &rng)
        for (node, pair) in generation.privateKeys { keys.set(node, pair) }
        if options.misbehaviour == .corruptLeafParentHash {
            var leaf = generation.updatePath.leafNode
            leaf.source = .commit(parentHash: rng.bytes(cipherSuite.hashLength))
            leaf = try LeafNodeSigner.sign(leaf, suite: cipherSuite, groupID: groupID, leafIndex: myLeaf,
                                           signaturePrivateKey: identity.signaturePrivateKey)
            generation.updatePath.leafNode = leaf
            try newTree.setLeaf(myLeaf, leaf)
        }
        return generation
    }

    /// Moves to the epoch of this member's pending Commit (§12.4.1: after the Delivery Service accepted it).
    public mutating func mergePendingCommit() throws {
        guard let pending = pendingCommit else { throw MLSError(.noPendingCommit, "there is no pending Commit") }
        var next = pending.next.group
        next.rng = rng
        next.findings = findings
        self = next
    }

    /// Drops the pending Commit (e.g. when the Delivery Service rejected it).
    public mutating func discardPendingCommit() { pendingCommit = nil }
}
