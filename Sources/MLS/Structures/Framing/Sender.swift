import TLSCodec

/// `Sender` (RFC 9420 §6): a member by leaf index, an external sender by its index in `external_senders`, or a
/// new member proposing to be added or committing an external join.
public enum Sender: Hashable, Sendable, TLSCodable, CustomStringConvertible {
    case member(leafIndex: UInt32)
    case external(senderIndex: UInt32)
    case newMemberProposal
    case newMemberCommit

    public var senderType: SenderType {
        switch self {
        case .member: .member
        case .external: .external
        case .newMemberProposal: .newMemberProposal
        case .newMemberCommit: .newMemberCommit
        }
    }

    /// Whether FramedContentTBS carries the GroupContext for this sender (§6.1: member and new_member_commit).
    public var signsGroupContext: Bool {
        switch self {
        case .member, .newMemberCommit: true
        case .external, .newMemberProposal: false
        }
    }

    public init(from reader: inout TLSReader) throws {
        let type = try reader.readEnum8(SenderType.self, "sender_type",
                                        rule: "SenderType must be member(1), external(2), new_member_proposal(3) or new_member_commit(4) (RFC 9420 §6)")
        switch type {
        case .member: self = .member(leafIndex: try reader.readUInt32("leaf_index"))
        case .external: self = .external(senderIndex: try reader.readUInt32("sender_index"))
        case .newMemberProposal: self = .newMemberProposal
        case .newMemberCommit: self = .newMemberCommit
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(senderType.rawValue)
        switch self {
        case .member(let index): writer.writeUInt32(index)
        case .external(let index): writer.writeUInt32(index)
        case .newMemberProposal, .newMemberCommit: break
        }
    }

    public var description: String {
        switch self {
        case .member(let i): "member(leaf \(i))"
        case .external(let i): "external(sender \(i))"
        case .newMemberProposal: "new_member_proposal"
        case .newMemberCommit: "new_member_commit"
        }
    }
}
