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
}

extension MLSGroup {
    /// Validates the proposal list of a Commit (RFC 9420 §12.2, §12.4.3.2 for external Commits) and applies it to a
    /// copy of the tree in the order of §12.3: GroupContextExtensions, Updates, Removes, Adds; PreSharedKey, ReInit
    /// and ExternalInit are collected. `committer` is the committer's leaf, nil for an external Commit;
    /// `resumptionUsage` is the resumption PSK usage allowed (application, except in the first Commit of a group
    /// started by ReInit or branch, §11.2, §11.3).
    ///
    /// draft-ietf-mls-extensions: SelfRemove (by reference only, from a member) is applied after the Updates and before
    /// the Removes (§6.3.1); AppEphemeral and then AppDataUpdate change the extensions last (§4.7, §4.8), through
    /// ``GroupContextEvolution``. `joinerCredential` is the external committer's credential (its UpdatePath leaf).
    func applyProposals(_ list: [ResolvedProposal], committer: UInt32?,
                        resumptionUsage: ResumptionPSKUsage = .application,
                        joinerCredential: Credential? = nil) throws -> ProposalOutcome {
        let isExternal = committer == nil
        guard epoch < UInt64.max else { throw GroupError.groupContextInvalid("epoch \(epoch) cannot advance (RFC 9420 §8.1: uint64)") }
        let suite = cipherSuite
        let now = configuration.lifetimeCheckTime

        // Counts and combinations (§12.2, §12.4.3.2).
        var gce: [Extension]?
        var reInit: ReInit?
        var externalInit: ExternalInit?
        for item in list {
            switch item.proposal {
            case .groupContextExtensions(let g):
                guard gce == nil else { throw GroupError.multipleGroupContextExtensions }
                gce = g.extensions
            case .reInit(let r):
                guard list.count == 1 else { throw GroupError.reInitNotAlone }
                guard r.version.rawValue >= groupContext.version.rawValue else { throw GroupError.reInitVersionDowngrade }
                reInit = r
            case .externalInit(let e):
                guard isExternal else { throw GroupError.externalInitNotAllowed }
                guard externalInit == nil else { throw GroupError.invalidExternalCommit("more than one ExternalInit") }
                externalInit = e
            case .selfRemove:
                guard item.ref != nil else { throw GroupError.selfRemoveByValue }
            default:
                break
            }
        }
        if isExternal {
            guard externalInit != nil else { throw GroupError.invalidExternalCommit("no ExternalInit proposal") }
            var removes = 0
            for item in list {
                if case .selfRemove = item.proposal { continue }
                guard item.ref == nil else { throw GroupError.invalidExternalCommit("proposals must be by value") }
                switch item.proposal {
                case .externalInit, .preSharedKey, .appDataUpdate, .appEphemeral: break
                case .remove: removes += 1
                default: throw GroupError.invalidExternalCommit("\(item.proposal.proposalType) is not allowed")
                }
            }
            guard removes <= 1 else { throw GroupError.invalidExternalCommit("more than one Remove") }
        }

        // Senders (§12.1.2, §12.1.8, §12.2) and proposal types every member supports (§12.2).
        for item in list {
            let type = item.proposal.proposalType
            switch (item.proposal, item.sender) {
            case (.update, .member(let j)):
                if let committer, j == committer { throw GroupError.updateByCommitter }
            case (.update, _):
                throw GroupError.proposalSenderNotAllowed("Update from \(item.sender)")
            case (.externalInit, _), (.add, _), (.remove, _), (.preSharedKey, _), (.reInit, _), (.groupContextExtensions, _):
                if case .newMemberProposal = item.sender, type != .add {
                    throw GroupError.proposalSenderNotAllowed("\(type) from new_member_proposal")
                }
            case (.appDataUpdate, .newMemberProposal), (.appEphemeral, .newMemberProposal):
                throw GroupError.proposalSenderNotAllowed("\(type) from new_member_proposal")
            case (.appDataUpdate, _), (.appEphemeral, _):
                break
            case (.selfRemove, .member(let j)):
                if let committer, j == committer { throw GroupError.committerRemovesItself }
            case (.selfRemove, _):
                throw GroupError.proposalSenderNotAllowed("SelfRemove from \(item.sender) (draft-ietf-mls-extensions §6.3.1)")
            case (.other, _):
                break
            }
        }
        // Non-default proposal types must be supported by every member (§12.2, §7.2).
        var checkedTypes = Set<ProposalType>()
        for item in list where !ProposalType.defaultTypes.contains(item.proposal.proposalType) {
            let type = item.proposal.proposalType
            guard checkedTypes.insert(type).inserted else { continue }
            for (i, leaf) in tree.members where !leaf.capabilities.supports(type) {
                throw GroupError.unsupportedByMember(leaf: i, what: "proposal type \(type)")
            }
        }

        let extensions = gce ?? groupContext.extensions
        let required = try? extensions.find(RequiredCapabilities.self)
        var out = ProposalOutcome(tree: tree, extensions: extensions, reInit: reInit, externalInit: externalInit,
                                  pathRequired: list.isEmpty || isExternal)
        var touched = Set<UInt32>()
        var pskKeys = Set<PreSharedKeyID.Key>()

        // Updates (§12.1.2).
        for item in list {
            guard case .update(let update) = item.proposal, case .member(let j) = item.sender else { continue }
            guard touched.insert(j).inserted else { throw GroupError.conflictingUpdateOrRemove(leaf: j) }
            guard out.tree.leaf(j) != nil else { throw GroupError.senderNotMember(leaf: j) }
            do {
                try out.tree.validateLeaf(update.leafNode, at: j, context: LeafNodeValidationContext(
                    suite: suite, groupID: groupID, origin: .update, requiredCapabilities: required, currentTime: nil))
                try out.tree.updateLeaf(j, with: update.leafNode)
            } catch let e as TreeError {
                throw GroupError.tree(e)
            }
            out.updatedLeaves[j] = item.ref ?? []
        }
        // SelfRemoves (draft-ietf-mls-extensions §6.3.1): after the Updates, before the Removes; the leaf is the sender's.
        var selfRemoved = Set<UInt32>()
        for item in list {
            guard case .selfRemove = item.proposal, case .member(let j) = item.sender else { continue }
            guard !selfRemoved.contains(j) else { throw GroupError.selfRemoveConflict(leaf: j) }
            guard touched.insert(j).inserted else { throw GroupError.conflictingUpdateOrRemove(leaf: j) }
            guard j < out.tree.leafCount, out.tree.leaf(j) != nil else { throw GroupError.senderNotMember(leaf: j) }
            do { try out.tree.removeLeaf(j) } catch let e as TreeError { throw GroupError.tree(e) }
            selfRemoved.insert(j)
            out.removedLeaves.append(j)
        }
        // Removes (§12.1.3).
        for item in list {
            guard case .remove(let remove) = item.proposal else { continue }
            let r = remove.removed
            if selfRemoved.contains(r) { throw GroupError.selfRemoveConflict(leaf: r) }
            guard touched.insert(r).inserted else { throw GroupError.conflictingUpdateOrRemove(leaf: r) }
            guard r < out.tree.leafCount, out.tree.leaf(r) != nil else { throw GroupError.removeOfBlankLeaf(r) }
            if let committer, r == committer { throw GroupError.committerRemovesItself }
            do { try out.tree.removeLeaf(r) } catch let e as TreeError { throw GroupError.tree(e) }
            out.removedLeaves.append(r)
        }
        // Adds (§12.1.1, §10.1), each checked against the members and the earlier Adds.
        var index: MemberIndex?
        for item in list {
            guard case .add(let add) = item.proposal else { continue }
            let kp = add.keyPackage
            try KeyPackageValidation.validate(kp, suite: suite, currentTime: now)
            if index == nil { index = MemberIndex(out.tree) }
            let target = out.tree.leafCount
            do {
                try index?.validate(kp.leafNode, at: nil, newIndex: target, context: LeafNodeValidationContext(
                    suite: suite, groupID: groupID, origin: .keyPackage, requiredCapabilities: required, currentTime: now))
            } catch TreeError.duplicateSignatureKey {
                throw GroupError.duplicateAdd
            } catch let e as TreeError {
                throw GroupError.tree(e)
            }
            for ext in extensions where !kp.leafNode.capabilities.supports(ext.extensionType) {
                throw GroupError.unsupportedByMember(leaf: target, what: "extension \(ext.extensionType)")
            }
            let leaf: UInt32
            do { leaf = try out.tree.addLeaf(kp.leafNode) } catch let e as TreeError { throw GroupError.tree(e) }
            index?.insert(kp.leafNode, at: leaf)
            out.joiners.append((leaf, kp))
        }
        // PSKs (§12.1.4).
        for item in list {
            guard case .preSharedKey(let p) = item.proposal else { continue }
            guard p.psk.pskNonce.count == suite.hashLength else { throw GroupError.pskNonceLength(p.psk.pskNonce.count) }
            if case .resumption(let usage, _, _) = p.psk.key, usage != resumptionUsage {
                throw GroupError.invalidResumptionUsage
            }
            guard pskKeys.insert(p.psk.key).inserted else { throw GroupError.duplicatePSK }
            out.psks.append(p.psk)
        }
        // AppEphemeral, then AppDataUpdate (draft-ietf-mls-extensions §4.7, §4.8), over the extensions after the
        // GroupContextExtensions proposal.
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
        // Extensions every member of the new epoch supports (§12.1.7, §11.1).
        let addedDictionary = out.extensions.contains(type: .appDataDictionary) && !extensions.contains(type: .appDataDictionary)
        if gce != nil || addedDictionary { try Self.checkExtensionsSupported(out.extensions, by: out.tree) }

        for item in list {
            switch item.proposal.proposalType {
            case .add, .psk, .reinit, .appDataUpdate, .appEphemeral: break
            default: out.pathRequired = true
            }
        }
        return out
    }
}
