import MLS
import TLSCodec

/// `FanoutMessage` (draft-ietf-mimi-protocol-06 §"Fanout Messages and Room Events"): one event the hub sends to a
/// follower via `/notify/{roomId}`; a body may hold several, concatenated (``decodeAll(_:)``).
///
/// The draft's select mixes wire format and content type; it is read as: a PrivateMessage (application) carries
/// `optional<Frank>`, a Welcome a ``RatchetTreeOption``, a PublicMessage proposal `moreProposals`, a PublicMessage
/// commit `externalProposals` (docs/protocol-choices.md). GroupInfo and KeyPackage messages are rejected.
public struct FanoutMessage: Hashable, Sendable, TLSCodable {
    /// The `select (message…)` body.
    public enum Attachments: Hashable, Sendable {
        case application(frank: Frank?)
        case welcome(ratchetTreeOption: RatchetTreeOption)
        case proposal(moreProposals: [MLSMessage])
        case commit(externalProposals: [MLSMessage])
    }

    /// Hub acceptance time, ms since the UNIX epoch.
    public var timestamp: UInt64
    public var message: MLSMessage
    public var attachments: Attachments

    public init(timestamp: UInt64, message: MLSMessage, attachments: Attachments) {
        self.timestamp = timestamp
        self.message = message
        self.attachments = attachments
    }

    static let section = "draft-ietf-mimi-protocol-06 §Fanout Messages and Room Events"

    public init(from reader: inout TLSReader) throws {
        timestamp = try reader.readUInt64("timestamp")
        let start = reader.offset
        message = try reader.read(MLSMessage.self, "message")
        switch message.body {
        case .privateMessage:
            attachments = .application(frank: try reader.readOptional(Frank.self, "frank"))
        case .welcome:
            attachments = .welcome(ratchetTreeOption: try reader.read(RatchetTreeOption.self, "ratchetTreeOption"))
        case .publicMessage(let p):
            switch p.content.contentType {
            case .proposal: attachments = .proposal(moreProposals: try reader.readList(MLSMessage.self, "moreProposals"))
            case .commit: attachments = .commit(externalProposals: try reader.readList(MLSMessage.self, "externalProposals"))
            case .application:
                throw reader.error(.invalidValue, "message.content.content_type",
                                   "an application message must be a PrivateMessage (\(FanoutMessage.section))", at: start)
            }
        case .groupInfo, .keyPackage:
            throw reader.error(.invalidValue, "message",
                               "wire format \(message.wireFormat) is not fanned out (\(FanoutMessage.section))", at: start)
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt64(timestamp)
        writer.write(message)
        switch attachments {
        case .application(let frank): writer.writeOptional(frank)
        case .welcome(let tree): writer.write(tree)
        case .proposal(let more): writer.writeList(more)
        case .commit(let external): writer.writeList(external)
        }
    }

    /// Decodes a `/notify` body: one or more FanoutMessages back to back, at least one.
    public static func decodeAll(_ bytes: [UInt8], limits: TLSLimits = .default) throws -> [FanoutMessage] {
        var reader = TLSReader(bytes, limits: limits)
        var out: [FanoutMessage] = []
        repeat {
            out.append(try reader.read(FanoutMessage.self, "FanoutMessage[\(out.count)]"))
        } while !reader.isAtEnd
        return out
    }

    /// Encodes several FanoutMessages as one `/notify` body.
    public static func encodeAll(_ messages: [FanoutMessage]) -> [UInt8] {
        var w = TLSWriter()
        for m in messages { w.write(m) }
        return w.bytes
    }
}
