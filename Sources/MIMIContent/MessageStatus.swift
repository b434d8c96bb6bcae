import CBOR

/// A delivery/read status (draft-mahy-mimi-message-status-01 §3): unread 0, delivered 1, read 2, expired 3,
/// deleted 4, hidden 5, error 6; 7-255 unknown.
public struct MessageStatus: Sendable, Hashable, RawRepresentable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let unread = MessageStatus(rawValue: 0)
    public static let delivered = MessageStatus(rawValue: 1)
    public static let read = MessageStatus(rawValue: 2)
    public static let expired = MessageStatus(rawValue: 3)
    public static let deleted = MessageStatus(rawValue: 4)
    public static let hidden = MessageStatus(rawValue: 5)
    public static let error = MessageStatus(rawValue: 6)

    static let names = ["unread", "delivered", "read", "expired", "deleted", "hidden", "error"]
    public var name: String { rawValue < 7 ? Self.names[Int(rawValue)] : "unknown(\(rawValue))" }
}

/// `MessageStatusReport = [* PerMessageStatus]`, `PerMessageStatus = [messageId: MessageId, status]`
/// (draft-mahy-mimi-message-status-01 §3), media type `application/mimi-message-status`.
public struct MessageStatusReport: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var messageId: MessageID
        public var status: MessageStatus
        public init(messageId: MessageID, status: MessageStatus) {
            self.messageId = messageId
            self.status = status
        }
    }

    public var entries: [Entry]
    public init(entries: [Entry]) { self.entries = entries }

    static let requirement = "draft-mahy-mimi-message-status-01 §3 (CDDL)"

    public static func decode(_ bytes: [UInt8]) throws(ContentError) -> MessageStatusReport {
        let node: CBORNode
        do {
            node = try CBORDecoder.decodeNode(bytes).node
        } catch {
            throw ContentError(error)
        }
        let a = NodeAccess(requirement: requirement)
        guard case .array = node.value else { throw a.error(.statusShape, node, "MessageStatusReport", "expected an array of [MessageId, status]") }
        var entries: [Entry] = []
        for (i, e) in node.children.enumerated() {
            let path = "MessageStatusReport[\(i)]"
            guard case .array = e.value, e.children.count == 2 else {
                throw a.error(.statusShape, e, path, "PerMessageStatus must be [messageId, status]")
            }
            guard let id = try a.messageID(e.children[0], path + ".messageId") else {
                throw a.mismatch(e.children[0], path + ".messageId", "a MessageId (bstr .size 32)")
            }
            guard case .unsigned(let s) = e.children[1].value else { throw a.mismatch(e.children[1], path + ".status", "an unsigned integer") }
            guard s <= 255 else { throw a.error(.statusRange, e.children[1], path + ".status", "status \(s) is outside 0-255") }
            entries.append(Entry(messageId: id, status: MessageStatus(rawValue: UInt8(s))))
        }
        return MessageStatusReport(entries: entries)
    }

    public var cbor: CBOR { .array(entries.map { .array([.bytes($0.messageId.bytes), .unsigned(UInt64($0.status.rawValue))]) }) }
    public var encoded: [UInt8] { cbor.encoded }
}
