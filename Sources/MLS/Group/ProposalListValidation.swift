/// The proposal-list rules of RFC 9420 §12.2 (and §12.4.3.2 for external Commits, draft-ietf-mls-extensions §6.3.1
/// for SelfRemove) that look at the list as a whole, each throwing the ``MLSError`` of its rule. The rules that need
/// the tree as the list changes it are checked where the list is applied (``MLSGroup/applyProposals(_:committer:sending:resumptionUsage:joinerCredential:)``).
enum ProposalListValidation {
    /// What the combination checks found: the GroupContextExtensions, ReInit and ExternalInit proposals.
    struct Singletons {
        var groupContextExtensions: [Extension]?
        var reInit: ReInit?
        var externalInit: ExternalInit?
    }

    /// At most one GroupContextExtensions; a ReInit alone and not lowering the version (§12.1.5); ExternalInit only in
    /// an external Commit, once; SelfRemove only by reference.
    static func singletons(_ list: [ResolvedProposal], isExternal: Bool, version: ProtocolVersion) throws -> Singletons {
        var found = Singletons()
        for item in list {
            switch item.proposal {
            case .groupContextExtensions(let g):
                guard found.groupContextExtensions == nil else {
                    throw MLSError(.multipleGroupContextExtensions, "the Commit has more than one GroupContextExtensions proposal")
                }
                found.groupContextExtensions = g.extensions
            case .reInit(let r):
                guard list.count == 1 else { throw MLSError(.reInitNotAlone, "a ReInit with \(list.count - 1) other proposals") }
                guard r.version.rawValue >= version.rawValue else {
                    throw MLSError(.reInitVersionDowngrade, "a ReInit to \(r.version) from \(version)")
                }
                found.reInit = r
            case .externalInit(let e):
                guard isExternal else { throw MLSError(.externalInitNotAllowed, "an ExternalInit in a member's Commit") }
                guard found.externalInit == nil else { throw MLSError(.externalInitCount, "more than one ExternalInit") }
                found.externalInit = e
            case .selfRemove:
                guard item.ref != nil else {
                    throw MLSError(.selfRemoveByValue, "a SelfRemove proposal is allowed in a Commit only by reference")
                }
            default:
                break
            }
        }
        return found
    }

    /// An external Commit carries exactly one ExternalInit, at most one Remove, and otherwise only PreSharedKey
    /// (and the AppDataUpdate, AppEphemeral and SelfRemove of draft-ietf-mls-extensions), all by value (§12.2,
    /// §12.4.3.2).
    static func checkExternalCommit(_ list: [ResolvedProposal], hasExternalInit: Bool) throws {
        guard hasExternalInit else { throw MLSError(.externalInitCount, "the external Commit has no ExternalInit proposal") }
        var removes = 0
        for item in list {
            if case .selfRemove = item.proposal { continue }
            guard item.ref == nil else {
                throw MLSError(.externalCommitByReference, "the external Commit includes a \(item.proposal.proposalType) by reference")
            }
            switch item.proposal {
            case .externalInit, .preSharedKey, .appDataUpdate, .appEphemeral: break
            case .remove: removes += 1
            default:
                throw MLSError(.externalCommitProposalType, "an external Commit may not carry \(item.proposal.proposalType)")
            }
        }
        guard removes <= 1 else { throw MLSError(.externalCommitRemoveCount, "the external Commit carries \(removes) Removes") }
    }

    /// Who may send each proposal (§12.1.2: Update only from a member other than the committer, §12.2; §12.1.8: external
    /// senders only Add, Remove, PreSharedKey, ReInit and GroupContextExtensions, and new_member_proposal only Add;
    /// draft-ietf-mls-extensions §6.3.1: SelfRemove only from a member other than the committer, §7.3: AppDataUpdate
    /// and AppEphemeral not from new_member_proposal).
    static func checkSenders(_ list: [ResolvedProposal], committer: UInt32?) throws {
        for item in list {
            let type = item.proposal.proposalType
            switch (item.proposal, item.sender) {
            case (.update, .member(let j)):
                if let committer, j == committer { throw MLSError(.updateByCommitter, "the Commit contains an Update from the committer") }
            case (.update, _):
                throw MLSError(.proposalSenderNotAllowed, "an Update from \(item.sender)")
            case (.externalInit, _), (.add, _), (.remove, _), (.preSharedKey, _), (.reInit, _), (.groupContextExtensions, _):
                if case .newMemberProposal = item.sender, type != .add {
                    throw MLSError(.proposalSenderNotAllowed, "\(type) from new_member_proposal")
                }
            case (.appDataUpdate, .newMemberProposal), (.appEphemeral, .newMemberProposal):
                throw MLSError(.proposalSenderNotAllowed, "\(type) from new_member_proposal")
            case (.appDataUpdate, _), (.appEphemeral, _), (.other, _):
                break
            case (.selfRemove, .member(let j)):
                if let committer, j == committer { throw MLSError(.committerRemovesItself, "the committer's own SelfRemove") }
            case (.selfRemove, _):
                throw MLSError(.proposalSenderNotAllowed, "a SelfRemove from \(item.sender) (draft-ietf-mls-extensions §6.3.1)")
            }
        }
    }

    /// Every non-default proposal type is supported by every member that will process the Commit (§12.2: "members
    /// being added or removed by the Commit do not need to support the proposal type"). `members` are the leaves after
    /// the Commit's Updates and Removes, before its Adds.
    static func checkProposalTypesSupported(_ list: [ResolvedProposal], members: [(index: UInt32, leaf: LeafNode)]) throws {
        var checked = Set<ProposalType>()
        for item in list where !ProposalType.defaultTypes.contains(item.proposal.proposalType) {
            let type = item.proposal.proposalType
            guard checked.insert(type).inserted else { continue }
            for (i, leaf) in members where !leaf.capabilities.supports(type) {
                throw MLSError(.proposalTypeUnsupported, "member at leaf \(i) does not support proposal type \(type)")
            }
        }
    }
}
