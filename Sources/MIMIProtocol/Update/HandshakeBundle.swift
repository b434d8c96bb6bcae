import MLS
import TLSCodec

/// `GroupInfoRepresentation` (draft-ietf-mimi-protocol-06 §"Update Room State").
public enum GroupInfoRepresentation: UInt8, Hashable, Sendable, CaseIterable {
    case full = 1
    case partial = 2
}

/// `GroupInfoOption` (draft-ietf-mimi-protocol-06 §"Update Room State"): the GroupInfo after a commit (without
/// `ratchet_tree`), whole or as a ``PartialGroupInfo``.
public enum GroupInfoOption: Hashable, Sendable, TLSCodable {
    case full(GroupInfo)
    case partial(PartialGroupInfo)

    public init(from reader: inout TLSReader) throws {
        let rep = try reader.readEnum8(GroupInfoRepresentation.self, "representation",
                                       rule: "GroupInfoRepresentation must be full(1) or partial(2) (draft-ietf-mimi-protocol-06 §Update Room State)")
        switch rep {
        case .full: self = .full(try reader.read(GroupInfo.self, "groupInfo"))
        case .partial: self = .partial(try reader.read(PartialGroupInfo.self, "partialGroupInfo"))
        }
    }

    public func encode(to writer: inout TLSWriter) {
        switch self {
        case .full(let g):
            writer.writeUInt8(GroupInfoRepresentation.full.rawValue)
            writer.write(g)
        case .partial(let p):
            writer.writeUInt8(GroupInfoRepresentation.partial.rawValue)
            writer.write(p)
        }
    }
}

/// `HandshakeBundle` (draft-ietf-mimi-protocol-06 §"Update Room State"): a proposal or commit for the hub, with what
/// the commit's joiners and the hub need.
///
/// `proposalOrCommit` must be a PublicMessage (the draft also allows a SemiPrivateMessage, whose wire format has no
/// code point yet; the decoder rejects anything else with `invalidValue`). Its `content_type` selects the rest.
public struct HandshakeBundle: Hashable, Sendable, TLSCodable {
    /// The `select (proposalOrCommit.content.content_type)` body.
    public enum Attachments: Hashable, Sendable {
        /// With a commit: the Welcome (without `ratchet_tree`), the new GroupInfo and the tree option.
        case commit(welcome: Welcome?, groupInfoOption: GroupInfoOption, ratchetTreeOption: RatchetTreeOption)
        /// With a proposal: further proposals (each a PublicMessage).
        case proposal(moreProposals: [MLSMessage])
    }

    public var proposalOrCommit: MLSMessage
    public var attachments: Attachments

    public init(proposalOrCommit: MLSMessage, attachments: Attachments) {
        self.proposalOrCommit = proposalOrCommit
        self.attachments = attachments
    }

    static let section = "draft-ietf-mimi-protocol-06 §Update Room State"

    public init(from reader: inout TLSReader) throws {
        let start = reader.offset
        proposalOrCommit = try reader.read(MLSMessage.self, "proposalOrCommit")
        guard case .publicMessage(let message) = proposalOrCommit.body else {
            throw reader.error(.invalidValue, "proposalOrCommit",
                               "wire format \(proposalOrCommit.wireFormat) is not allowed: a handshake for the hub must be a PublicMessage (\(HandshakeBundle.section))",
                               at: start)
        }
        switch message.content.contentType {
        case .commit:
            let welcome = try reader.readOptional(Welcome.self, "welcome")
            let groupInfo = try reader.read(GroupInfoOption.self, "groupInfoOption")
            let tree = try reader.read(RatchetTreeOption.self, "ratchetTreeOption")
            attachments = .commit(welcome: welcome, groupInfoOption: groupInfo, ratchetTreeOption: tree)
        case .proposal:
            let listStart = reader.offset
            let more = try reader.readList(MLSMessage.self, "moreProposals")
            for (i, m) in more.enumerated() {
                guard case .publicMessage(let p) = m.body, p.content.contentType == .proposal else {
                    throw reader.error(.invalidValue, "moreProposals[\(i)]",
                                       "each further proposal must be a PublicMessage carrying a proposal (\(HandshakeBundle.section))",
                                       at: listStart)
                }
            }
            attachments = .proposal(moreProposals: more)
        case .application:
            throw reader.error(.invalidValue, "proposalOrCommit.content.content_type",
                               "an application message cannot be a handshake (\(HandshakeBundle.section))", at: start)
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(proposalOrCommit)
        switch attachments {
        case .commit(let welcome, let groupInfo, let tree):
            writer.writeOptional(welcome)
            writer.write(groupInfo)
            writer.write(tree)
        case .proposal(let more):
            writer.writeList(more)
        }
    }

    /// The handshake's PublicMessage (always present in a decoded bundle).
    public var publicMessage: PublicMessage? {
        if case .publicMessage(let m) = proposalOrCommit.body { return m }
        return nil
    }
}

/// `UpdateRequest` (draft-ietf-mimi-protocol-06 §"Update Room State"): body of `/update/{roomId}`. The protocol comes
/// from the room, so for MLS 1.0 the body is exactly a ``HandshakeBundle`` (no protocol octet on the wire).
public struct UpdateRequest: Hashable, Sendable, TLSCodable {
    public var bundle: HandshakeBundle

    public init(bundle: HandshakeBundle) { self.bundle = bundle }

    public init(from reader: inout TLSReader) throws {
        bundle = try reader.read(HandshakeBundle.self, "bundle")
    }

    public func encode(to writer: inout TLSWriter) { writer.write(bundle) }
}
