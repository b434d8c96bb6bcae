import TLSCodec

/// `SenderDataAAD` (RFC 9420 §6.3.2): the AAD of the sender-data encryption.
public struct SenderDataAAD: Hashable, Sendable, TLSCodable {
    public var groupID: [UInt8]
    public var epoch: UInt64
    public var contentType: ContentType

    public init(groupID: [UInt8], epoch: UInt64, contentType: ContentType) {
        self.groupID = groupID
        self.epoch = epoch
        self.contentType = contentType
    }

    public init(from reader: inout TLSReader) throws {
        groupID = try reader.readOpaque("group_id")
        epoch = try reader.readUInt64("epoch")
        contentType = try reader.readEnum8(ContentType.self, "content_type", rule: ContentType.rule)
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(groupID)
        writer.writeUInt64(epoch)
        writer.writeUInt8(contentType.rawValue)
    }
}
