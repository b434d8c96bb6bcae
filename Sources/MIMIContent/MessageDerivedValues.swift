import CBOR

/// The values a receiver derives for a message rather than reading them from it (draft-ietf-mimi-content-08 §4.6,
/// Appendix A.2, `implied.cddl`): message ID, hub timestamp, MLS group ID, sender leaf index and three URIs.
public struct MessageDerivedValues: Sendable, Hashable {
    public var messageId: MessageID
    /// Milliseconds since the epoch, or an RFC 9581 extended time (tag 1001) kept as CBOR.
    public var hubAcceptedTimestamp: CBOR
    public var mlsGroupId: [UInt8]
    public var senderLeafIndex: UInt32
    public var senderClientUrl: String
    public var senderUserUrl: String
    public var roomUrl: String

    public static func decode(_ bytes: [UInt8]) throws(ContentError) -> MessageDerivedValues {
        let node: CBORNode
        do {
            node = try CBORDecoder.decodeNode(bytes).node
        } catch {
            throw ContentError(error)
        }
        let a = NodeAccess(requirement: "draft-ietf-mimi-content-08 Appendix A.2 (CDDL)")
        guard case .array = node.value, node.children.count == 7 else {
            throw a.error(.derivedValuesShape, node, "MessageDerivedValues", "expected an array of 7 elements")
        }
        let f = node.children
        guard let id = try a.messageID(f[0], "messageId") else { throw a.mismatch(f[0], "messageId", "a MessageId") }
        switch f[1].value {
        case .unsigned: break
        case .tagged(1001, .map): break
        default: throw a.mismatch(f[1], "hubAcceptedTimestamp", "uint .size 8 or #6.1001({* name => value})")
        }
        return MessageDerivedValues(
            messageId: id, hubAcceptedTimestamp: f[1].value, mlsGroupId: try a.bytes(f[2], "mlsGroupId"),
            senderLeafIndex: UInt32(try a.uint(f[3], "senderLeafIndex", max: UInt64(UInt32.max), cddl: "uint .size 4")),
            senderClientUrl: try a.text(f[4], "senderClientUrl"), senderUserUrl: try a.text(f[5], "senderUserUrl"),
            roomUrl: try a.text(f[6], "roomUrl"))
    }

    public var cbor: CBOR {
        .array([.bytes(messageId.bytes), hubAcceptedTimestamp, .bytes(mlsGroupId), .unsigned(UInt64(senderLeafIndex)),
                .text(senderClientUrl), .text(senderUserUrl), .text(roomUrl)])
    }
    public var encoded: [UInt8] { cbor.encoded }
}
