import TLSCodec

/// `FramedContent` (RFC 9420 §6): the group, epoch, sender, authenticated data and content of a message.
public struct FramedContent: Hashable, Sendable, TLSCodable {
    public var groupID: [UInt8]
    public var epoch: UInt64
    public var sender: Sender
    public var authenticatedData: [UInt8]
    public var body: FramedContentBody

    public init(groupID: [UInt8], epoch: UInt64, sender: Sender, authenticatedData: [UInt8], body: FramedContentBody) {
        self.groupID = groupID
        self.epoch = epoch
        self.sender = sender
        self.authenticatedData = authenticatedData
        self.body = body
    }

    public var contentType: ContentType { body.contentType }

    public init(from reader: inout TLSReader) throws {
        groupID = try reader.readOpaque("group_id")
        epoch = try reader.readUInt64("epoch")
        sender = try reader.read(Sender.self, "sender")
        authenticatedData = try reader.readOpaque("authenticated_data")
        let type = try reader.readEnum8(ContentType.self, "content_type", rule: ContentType.rule)
        body = try FramedContentBody(from: &reader, contentType: type)
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(groupID)
        writer.writeUInt64(epoch)
        writer.write(sender)
        writer.writeOpaque(authenticatedData)
        writer.writeUInt8(contentType.rawValue)
        body.encode(to: &writer)
    }
}
