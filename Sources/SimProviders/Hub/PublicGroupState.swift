import MLS
import MLSCrypto
import TLSCodec

/// What the hub knows of a room's MLS group without being a member (draft-ietf-mimi-protocol-06 §"Hub": the hub is
/// an external sender, never a member): the GroupContext, the public ratchet tree and the interim transcript hash.
///
/// It moves from epoch to epoch by checking each Commit against the GroupInfo and ratchet tree the committer sends
/// with it (the HandshakeBundle): the Commit's signature over FramedContentTBS (RFC 9420 §6.1), the new epoch, the
/// confirmed transcript hash recomputed from the Commit (§8.2), the tree hash of the sent tree (§7.8), the
/// GroupInfo signature and confirmation tag (§12.4.3), that the tree reflects the Commit's Adds, Removes and
/// SelfRemoves, and that the GroupContext extensions are those the Commit's GroupContextExtensions, AppEphemeral and
/// AppDataUpdate proposals give (``nextExtensions(proposals:joinerCredential:logic:)``, the MLS engine's
/// ``GroupContextEvolution``; draft-ietf-mls-extensions §4.7). Nothing changes unless every check passes.
public struct PublicGroupState: Sendable {
    public let suite: CipherSuite
    public private(set) var groupContext: GroupContext
    public private(set) var tree: RatchetTree
    public private(set) var interimTranscriptHash: [UInt8]
    /// The last GroupInfo the committer sent (draft-ietf-mimi-protocol-06: without the ratchet_tree extension),
    /// served to external joiners.
    public private(set) var groupInfo: GroupInfo

    public var epoch: UInt64 { groupContext.epoch }
    public var groupID: [UInt8] { groupContext.groupID }

    /// Why a handshake does not fit the public group state.
    public struct Rejection: Error, Hashable, Sendable, CustomStringConvertible {
        public var rule: String
        public var detail: String
        public var description: String { "\(detail) (\(rule))" }
        init(_ rule: String, _ detail: String) {
            self.rule = rule
            self.detail = detail
        }
    }

    /// Starts from the creator's GroupInfo of epoch 0 and the tree it describes.
    public init(groupInfo: GroupInfo, tree nodes: [Node?]) throws(Rejection) {
        guard let suite = try? CipherSuite(groupInfo.groupContext.cipherSuite) else {
            throw Rejection("RFC 9420 §5.1", "cipher suite \(groupInfo.groupContext.cipherSuite) is not supported")
        }
        self.suite = suite
        var tree = try PublicGroupState.tree(nodes)
        try PublicGroupState.checkTree(&tree, context: groupInfo.groupContext, suite: suite)
        try PublicGroupState.checkGroupInfoSignature(groupInfo, tree: tree, suite: suite)
        self.tree = tree
        self.groupContext = groupInfo.groupContext
        self.groupInfo = groupInfo
        self.interimTranscriptHash = TranscriptHash.interim(cipherSuite: suite, confirmed: groupInfo.groupContext.confirmedTranscriptHash,
                                                            confirmationTag: groupInfo.confirmationTag)
    }

    /// The leaf node of `index`, if occupied.
    public func leaf(_ index: UInt32) -> LeafNode? { tree.leaf(index) }

    /// The members: leaf index and leaf node.
    public var members: [(index: UInt32, leaf: LeafNode)] { tree.members }

    /// Verifies the signature of a PublicMessage from a member or new member against this epoch (RFC 9420 §6.1);
    /// for `new_member_commit` the key comes from the Commit's UpdatePath leaf.
    public func verifySignature(of message: PublicMessage) throws(Rejection) {
        let content = message.content
        let key: [UInt8]
        switch content.sender {
        case .member(let index):
            guard let leaf = tree.leaf(index) else {
                throw Rejection("RFC 9420 §6.1", "sender leaf \(index) is not a member of epoch \(epoch)")
            }
            key = leaf.signatureKey
        case .newMemberCommit:
            guard case .commit(let commit) = content.body, let path = commit.path else {
                throw Rejection("RFC 9420 §12.4.3.2", "an external commit must carry an UpdatePath")
            }
            key = path.leafNode.signatureKey
        case .external, .newMemberProposal:
            throw Rejection("draft-ietf-mimi-protocol-06 §Update Room State", "sender \(content.sender) cannot send through /update here")
        }
        let tbs: FramedContentTBS
        do {
            tbs = try FramedContentTBS(wireFormat: .publicMessage, content: content, serializedGroupContext: groupContext.tlsEncoded)
        } catch {
            throw Rejection("RFC 9420 §6.1", "cannot form FramedContentTBS: \(error)")
        }
        let ok = (try? suite.verifyWithLabel(publicKey: key, label: "FramedContentTBS", content: tbs.tlsEncoded,
                                            signature: message.auth.signature)) ?? false
        guard ok else { throw Rejection("RFC 9420 §6.1", "the FramedContentTBS signature of \(content.sender) does not verify") }
    }

    /// ProposalRef of a proposal sent as a PublicMessage (RFC 9420 §5.2).
    public func proposalRef(of message: PublicMessage) -> [UInt8] {
        let authenticated = AuthenticatedContent(wireFormat: .publicMessage, content: message.content, auth: message.auth)
        return suite.makeProposalRef(authenticated.tlsEncoded)
    }

    /// The GroupContext extensions of the next epoch for a Commit's proposals (in order, with their senders), computed
    /// by the MLS engine's ``GroupContextEvolution`` with the application logic `logic` (draft-ietf-mls-extensions
    /// §4.7, §4.8; RFC 9420 §12.1.7). `joinerCredential` is an external committer's UpdatePath credential.
    public func nextExtensions(proposals: [(proposal: Proposal, sender: Sender)], joinerCredential: Credential?,
                               logic: any AppDataLogic) throws(Rejection) -> [Extension] {
        let isExternal = joinerCredential != nil
        let items = proposals.map { p in
            (proposal: p.proposal, proposer: GroupContextEvolution.proposer(p.sender, tree: tree, extensions: groupContext.extensions,
                                                                            joinerCredential: joinerCredential))
        }
        do {
            return try GroupContextEvolution.nextExtensions(current: groupContext.extensions, proposals: items,
                                                            isExternalCommit: isExternal, logic: logic)
        } catch let e as MLSError {
            throw Rejection(e.requirement ?? "draft-ietf-mls-extensions §4.7", e.description)
        } catch {
            throw Rejection("draft-ietf-mls-extensions §4.7", "\(error)")
        }
    }

    /// Checks a Commit against the GroupInfo and tree of the next epoch, and returns the state of that epoch. The
    /// receiver is unchanged. `proposals` are the Commit's proposals with their senders; `nextExtensions` is what
    /// ``nextExtensions(proposals:joinerCredential:logic:)`` gave for them, which the GroupInfo's GroupContext must
    /// carry.
    public func applying(commit message: PublicMessage, groupInfo: GroupInfo, tree nodes: [Node?],
                         proposals: [(proposal: Proposal, sender: Sender)],
                         nextExtensions: [Extension]) throws(Rejection) -> PublicGroupState {
        let content = message.content
        guard content.groupID == groupID else { throw Rejection("RFC 9420 §6", "the Commit is for another group") }
        guard content.epoch == epoch else { throw Rejection("RFC 9420 §6", "the Commit is for epoch \(content.epoch), not \(epoch)") }
        try verifySignature(of: message)
        guard let tag = message.auth.confirmationTag else {
            throw Rejection("RFC 9420 §6.1", "a Commit must carry a confirmation_tag")
        }
        let next = groupInfo.groupContext
        guard next.groupID == groupID, next.cipherSuite == groupContext.cipherSuite else {
            throw Rejection("RFC 9420 §12.4.3", "the GroupInfo names another group or cipher suite")
        }
        guard next.epoch == epoch &+ 1 else {
            throw Rejection("RFC 9420 §12.4.3", "the GroupInfo is for epoch \(next.epoch), not \(epoch + 1)")
        }
        guard next.extensions == nextExtensions else {
            throw Rejection("draft-ietf-mls-extensions §4.7",
                            "the GroupInfo's GroupContext extensions are not those the Commit's proposals give")
        }
        let input = ConfirmedTranscriptHashInput(wireFormat: .publicMessage, content: content, signature: message.auth.signature)
        let confirmed = TranscriptHash.confirmed(cipherSuite: suite, interimBefore: interimTranscriptHash,
                                                 confirmedInput: input.tlsEncoded)
        guard confirmed == next.confirmedTranscriptHash else {
            throw Rejection("RFC 9420 §8.2", "the GroupInfo's confirmed_transcript_hash is not the hash of this Commit")
        }
        guard groupInfo.confirmationTag == tag else {
            throw Rejection("RFC 9420 §12.4.3", "the GroupInfo's confirmation_tag differs from the Commit's")
        }
        var newTree = try PublicGroupState.tree(nodes)
        try PublicGroupState.checkTree(&newTree, context: next, suite: suite)
        try PublicGroupState.checkGroupInfoSignature(groupInfo, tree: newTree, suite: suite)
        try checkMembershipChange(from: tree, to: newTree, sender: content.sender, proposals: proposals)
        var out = self
        out.tree = newTree
        out.groupContext = next
        out.groupInfo = groupInfo
        out.interimTranscriptHash = TranscriptHash.interim(cipherSuite: suite, confirmed: confirmed, confirmationTag: tag)
        return out
    }

    /// Removed leaves (Remove, and SelfRemove of its sender's leaf: draft-ietf-mls-extensions §6.3.1) are blank in the
    /// new tree, added KeyPackages' leaves are present, and no other member vanished.
    private func checkMembershipChange(from old: RatchetTree, to new: RatchetTree, sender: Sender,
                                       proposals: [(proposal: Proposal, sender: Sender)]) throws(Rejection) {
        var removed = Set<UInt32>()
        for p in proposals {
            switch (p.proposal, p.sender) {
            case (.remove(let r), _): removed.insert(r.removed)
            case (.selfRemove, .member(let leaf)): removed.insert(leaf)
            default: break
            }
        }
        for index in removed where new.leaf(index) != nil && new.leaf(index) == old.leaf(index) {
            throw Rejection("RFC 9420 §12.1.3", "leaf \(index) is removed by the Commit but still present in the sent tree")
        }
        let newKeys = Set(new.members.map(\.leaf.signatureKey))
        for (index, leaf) in old.members where !removed.contains(index) {
            if case .member(let committer) = sender, committer == index { continue }
            let stillThere = new.leaf(index) != nil
            guard stillThere || newKeys.contains(leaf.signatureKey) else {
                throw Rejection("RFC 9420 §12.4.2", "member leaf \(index) is missing from the sent tree without a Remove")
            }
        }
        for case .add(let add) in proposals.map(\.proposal) where !new.members.contains(where: { $0.leaf == add.keyPackage.leafNode }) {
            throw Rejection("RFC 9420 §12.1.1", "an added KeyPackage's leaf is missing from the sent tree")
        }
    }

    static func tree(_ nodes: [Node?]) throws(Rejection) -> RatchetTree {
        do {
            return try RatchetTree(nodes: nodes)
        } catch {
            throw Rejection("RFC 9420 §12.4.3.3", "the ratchet tree is malformed: \(error)")
        }
    }

    static func checkTree(_ tree: inout RatchetTree, context: GroupContext, suite: CipherSuite) throws(Rejection) {
        guard tree.treeHash(suite: suite) == context.treeHash else {
            throw Rejection("RFC 9420 §7.8", "the tree hash of the sent ratchet tree differs from the GroupContext's tree_hash")
        }
    }

    static func checkGroupInfoSignature(_ info: GroupInfo, tree: RatchetTree, suite: CipherSuite) throws(Rejection) {
        guard let signer = tree.leaf(info.signer) else {
            throw Rejection("RFC 9420 §12.4.3", "GroupInfo signer leaf \(info.signer) is blank")
        }
        let ok = (try? suite.verifyWithLabel(publicKey: signer.signatureKey, label: "GroupInfoTBS", content: info.tbs.tlsEncoded,
                                            signature: info.signature)) ?? false
        guard ok else { throw Rejection("RFC 9420 §12.4.3", "the GroupInfo signature does not verify") }
    }
}
