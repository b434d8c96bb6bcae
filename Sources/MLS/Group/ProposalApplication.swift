import MLSCrypto
import TLSCodec

/// A proposal of a Commit with its sender, resolved from a value or a ProposalRef (RFC 9420 §12.4).
struct ResolvedProposal: Sendable {
    var proposal: Proposal
    var sender: Sender
    /// The ProposalRef when the Commit named it by reference.
    var ref: [UInt8]?
}

/// The effect of a Commit's proposals (RFC 9420 §12.3): the provisional tree and extensions and what the key
/// schedule and Welcome need.
struct ProposalOutcome: Sendable {
    var tree: RatchetTree
    var extensions: [Extension]
    var joiners: [(leaf: UInt32, keyPackage: KeyPackage)] = []
    var psks: [PreSharedKeyID] = []
    var reInit: ReInit?
    var externalInit: ExternalInit?
    /// Leaves replaced by an Update, with the ProposalRef of the Update.
    var updatedLeaves: [UInt32: [UInt8]] = [:]
    var removedLeaves: [UInt32] = []
    /// Whether the Commit must carry an UpdatePath (§12.4).
    var pathRequired: Bool
    /// The findings of the proposals' checks (docs/mls-validation-audit.md).
    var findings: [MLSFinding] = []
}

extension MLSGroup {
    /// Validates the proposal list of a Commit (RFC 9420 §12.2, §12.4.3.2 for external Commits) and applies it to a
    /// copy of the tree in the order of §12.3: GroupContextExtensions, Updates, Removes, Adds; PreSharedKey, ReInit
    /// and ExternalInit are collected. `committer` is the committer's leaf, nil for an external Commit; `sending` is
    /// true when this member creates the Commit (the lifetimes of its Adds' leaves are then a MUST, else
    /// RECOMMENDED, §7.3); `resumptionUsage` is the resumption PSK usage allowed (application, except in the first
    /// Commit of a group started by ReInit or branch, §11.2, §11.3).
    ///
    /// draft-ietf-mls-extensions: SelfRemove (by reference only, from a member) is applied after the Updates and before
    /// the Removes (§6.3.1); AppEphemeral and then AppDataUpdate change the extensions last (§4.7, §4.8), through
    /// ``GroupContextEvolution``. `joinerCredential` is the external committer's credential (its UpdatePath leaf).
    func applyProposals(_ list: [ResolvedProposal], committer: UInt32?, sending: Bool,
                        resumptionUsage: ResumptionPSKUsage = .application,
                        joinerCredential: Credential? = nil) throws -> ProposalOutcome {
        let isExternal = committer == nil
        guard epoch < UInt64.max else { throw MLSError(.epochExhausted, "epoch \(epoch) cannot advance (uint64)") }
        let singletons = try ProposalListValidation.singletons(list, isExternal: isExternal, version: groupContext.version)
        if isExternal {
            try ProposalListValidation.checkExternalCommit(list, hasExternalInit: singletons.externalInit != nil)
        }
        try ProposalListValidation.checkSenders(list, committer: committer)

        let extensions = singletons.groupContextExtensions ?? groupContext.extensions
        let required = try? extensions.find(RequiredCapabilities.self)
        var out = ProposalOutcome(tree: tree, extensions: extensions, reInit: singletons.reInit,
                                  externalInit: singletons.externalInit, pathRequired: list.isEmpty || isExternal)
        var touched = Set<UInt32>()
        try applyUpdates(list, to: &out, touched: &touched, required: required)
        let selfRemoved = try applySelfRemoves(list, to: &out, touched: &touched)
        try applyRemoves(list, to: &out, touched: &touched, selfRemoved: selfRemoved, committer: committer)
        try ProposalListValidation.checkProposalTypesSupported(list, members: out.tree.members)
        try applyAdds(list, to: &out, extensions: extensions, required: required,
                      lifetime: configuration.lifetimeCheck(sending: sending))
        try collectPSKs(list, into: &out, resumptionUsage: resumptionUsage)
        try applyExtensionChanges(list, to: &out, gceExtensions: singletons.groupContextExtensions,
                                  isExternal: isExternal, joinerCredential: joinerCredential)
        for item in list {
            switch item.proposal.proposalType {
            case .add, .psk, .reinit, .appDataUpdate, .appEphemeral: break
            default: out.pathRequired = true
            }
        }
        return out
    }

    /// Updates (§12.1.2): the sender's leaf replaced by a valid `update` leaf with a new encryption key (§7.3), its
    /// direct path blanked; one Update or Remove per leaf (§12.2).
    private func applyUpdates(_ list: [ResolvedProposal], to out: inout ProposalOutcome, touched: inout Set<UInt32>,
                              required: RequiredCapabilities?) throws {
        for item in list {
            guard case .update(let update) = item.proposal, case .member(let j) = item.sender else { continue }
            guard touched.insert(j).inserted else {
                throw MLSError(.conflictingUpdateOrRemove, "several Update/Remove proposals apply to leaf \(j)")
            }
            guard let current = out.tree.leaf(j) else { throw MLSError(.senderNotMember, "the Update's sender leaf \(j) is blank") }
            out.findings += try out.tree.validateLeaf(update.leafNode, at: j, context: LeafNodeValidationContext(
                suite: cipherSuite, groupID: groupID, origin: .update, requiredCapabilities: required))
            guard update.leafNode.encryptionKey != current.encryptionKey else {
                throw MLSError(.leafEncryptionKeyUnchanged, "the Update of leaf \(j) keeps the leaf's encryption_key")
            }
            try out.tree.updateLeaf(j, with: update.leafNode)
            out.updatedLeaves[j] = item.ref ?? []
        }
    }

    /// SelfRemoves (draft-ietf-mls-extensions §6.3.1): after the Updates, before the Removes; the leaf is the sender's.
    private func applySelfRemoves(_ list: [ResolvedProposal], to out: inout ProposalOutcome,
                                  touched: inout Set<UInt32>) throws -> Set<UInt32> {
        var selfRemoved = Set<UInt32>()
        for item in list {
            guard case .selfRemove = item.proposal, case .member(let j) = item.sender else { continue }
            guard !selfRemoved.contains(j) else { throw MLSError(.selfRemoveConflict, "two SelfRemove proposals of leaf \(j)") }
            guard touched.insert(j).inserted else {
                throw MLSError(.conflictingUpdateOrRemove, "several Update/Remove proposals apply to leaf \(j)")
            }
            guard out.tree.leaf(j) != nil else { throw MLSError(.senderNotMember, "the SelfRemove's sender leaf \(j) is blank") }
            try out.tree.removeLeaf(j)
            selfRemoved.insert(j)
            out.removedLeaves.append(j)
        }
        return selfRemoved
    }

    /// Removes (§12.1.3): of a non-blank leaf, not the committer's (§12.2), not also removed by a SelfRemove.
    private func applyRemoves(_ list: [ResolvedProposal], to out: inout ProposalOutcome, touched: inout Set<UInt32>,
                              selfRemoved: Set<UInt32>, committer: UInt32?) throws {
        for item in list {
            guard case .remove(let remove) = item.proposal else { continue }
            let r = remove.removed
            if selfRemoved.contains(r) {
                throw MLSError(.selfRemoveConflict, "leaf \(r) is removed by a SelfRemove and by a Remove")
            }
            guard touched.insert(r).inserted else {
                throw MLSError(.conflictingUpdateOrRemove, "several Update/Remove proposals apply to leaf \(r)")
            }
            guard out.tree.leaf(r) != nil else { throw MLSError(.removeOfBlankLeaf, "a Remove of blank leaf \(r)") }
            if let committer, r == committer { throw MLSError(.committerRemovesItself, "the committer removes itself") }
            try out.tree.removeLeaf(r)
            out.removedLeaves.append(r)
        }
    }

    /// Adds (§12.1.1, §10.1), each checked against the members and the earlier Adds (§7.3, §12.2) and against the
    /// GroupContext extensions (§13.4).
    private func applyAdds(_ list: [ResolvedProposal], to out: inout ProposalOutcome, extensions: [Extension],
                           required: RequiredCapabilities?, lifetime: LifetimeCheck) throws {
        var index: MemberIndex?
        for item in list {
            guard case .add(let add) = item.proposal else { continue }
            let kp = add.keyPackage
            try KeyPackageValidation.validateOwnFields(kp, suite: cipherSuite)
            if index == nil { index = MemberIndex(out.tree) }
            let target = out.tree.leftmostBlankLeaf ?? out.tree.leafCount
            out.findings += try index?.validateAdded(kp.leafNode, newIndex: target, context: LeafNodeValidationContext(
                suite: cipherSuite, groupID: groupID, origin: .keyPackage, requiredCapabilities: required,
                lifetime: lifetime)) ?? []
            for ext in extensions where !kp.leafNode.capabilities.supports(ext.extensionType) {
                throw MLSError(.extensionUnsupported, "the new member at leaf \(target) does not support GroupContext extension "
                               + "\(ext.extensionType)")
            }
            let leaf = try out.tree.addLeaf(kp.leafNode)
            index?.insert(kp.leafNode, at: leaf, joiner: true)
            out.joiners.append((leaf, kp))
        }
    }

    /// PreSharedKeys (§12.1.4), in Commit order (§8.4): nonces of KDF.Nh bytes, resumption usage allowed, no PSK twice
    /// (§12.2).
    private func collectPSKs(_ list: [ResolvedProposal], into out: inout ProposalOutcome,
                             resumptionUsage: ResumptionPSKUsage) throws {
        var keys = Set<PreSharedKeyID.Key>()
        for item in list {
            guard case .preSharedKey(let p) = item.proposal else { continue }
            guard p.psk.pskNonce.count == cipherSuite.hashLength else {
                throw MLSError(.pskNonceLength, "a psk_nonce of \(p.psk.pskNonce.count) bytes; it MUST be \(cipherSuite.hashLength)")
            }
            if case .resumption(let usage, _, _) = p.psk.key, usage != resumptionUsage {
                throw MLSError(.pskResumptionUsage, "a resumption PSK of usage \(usage) where \(resumptionUsage) is allowed")
            }
            guard keys.insert(p.psk.key).inserted else { throw MLSError(.duplicatePSK, "two PreSharedKey proposals name one PSK") }
            out.psks.append(p.psk)
        }
    }

    /// AppEphemeral, then AppDataUpdate (draft-ietf-mls-extensions §4.7, §4.8), over the extensions after the
    /// GroupContextExtensions proposal; then every extension of the new epoch is supported by its members (§12.1.7,
    /// §11.1, §13.4).
    private func applyExtensionChanges(_ list: [ResolvedProposal], to out: inout ProposalOutcome, gceExtensions: [Extension]?,
                                       isExternal: Bool, joinerCredential: Credential?) throws {
        let extensions = out.extensions
        if list.contains(where: { p in
            switch p.proposal {
            case .groupContextExtensions, .appDataUpdate, .appEphemeral: true
            default: false
            }
        }) {
            let items = list.map { item in
                (proposal: item.proposal, proposer: GroupContextEvolution.proposer(
                    item.sender, tree: tree, extensions: groupContext.extensions, joinerCredential: joinerCredential))
            }
            out.extensions = try GroupContextEvolution.nextExtensions(current: groupContext.extensions, proposals: items,
                                                                      isExternalCommit: isExternal, logic: configuration.appData)
        }
        let addedDictionary = out.extensions.contains(type: .appDataDictionary) && !extensions.contains(type: .appDataDictionary)
        if gceExtensions != nil || addedDictionary { try Self.checkExtensionsSupported(out.extensions, by: out.tree) }
    }
}
