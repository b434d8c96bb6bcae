/// `SenderType` (RFC 9420 §6): who sent a message; other values are rejected.
public enum SenderType: UInt8, Hashable, Sendable, CaseIterable {
    case member = 1
    case external = 2
    case newMemberProposal = 3
    case newMemberCommit = 4
}
