import MLS

extension HandshakeBundle {
    /// Rules of draft-ietf-mimi-protocol-06 §"Update Room State" the hub can check on the bundle itself: the
    /// GroupInfo travels without `ratchet_tree` (the tree goes in `ratchetTreeOption`), and the GroupInfo is for
    /// the commit's group and next epoch. Returns the violations found.
    public var structuralViolations: [String] {
        guard case .commit(_, let groupInfoOption, _) = attachments, let commit = publicMessage?.content else { return [] }
        var out: [String] = []
        if case .full(let groupInfo) = groupInfoOption {
            if groupInfo.extensions.contains(type: .ratchetTree) {
                out.append("the GroupInfo carries a ratchet_tree extension; it MUST be omitted and sent as RatchetTreeOption (draft-ietf-mimi-protocol-06 §Update Room State)")
            }
            if groupInfo.groupContext.groupID != commit.groupID {
                out.append("the GroupInfo is for group \(groupInfo.groupContext.groupID.hex), the commit for \(commit.groupID.hex)")
            }
            if groupInfo.groupContext.epoch != commit.epoch &+ 1 {
                out.append("the GroupInfo is for epoch \(groupInfo.groupContext.epoch); the commit in epoch \(commit.epoch) yields epoch \(commit.epoch &+ 1)")
            }
        }
        return out
    }
}
