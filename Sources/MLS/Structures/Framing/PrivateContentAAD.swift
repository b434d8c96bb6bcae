import TLSCodec

/// `PrivateContentAAD` (RFC 9420 §6.3.1): the AAD of a PrivateMessage's content encryption.
public struct PrivateContentAAD: Hashable, Sendable, TLSCodable {
    public var groupID: [UInt8]
    public var epoch: UInt64
    public var contentType: ContentType
    public var authenticatedData: [UInt8]

    public init(groupID: [UInt8], epoch: UInt64, contentType: ContentType, authenticatedData: [UInt8]) {
        self.groupID = groupID
        self.epoch = epoch
        self.contentType = contentType
        self.authenticatedData = authenticatedData
    }

    public init(from reader: inout TLSReader) throws {
        groupID = try reader.readOpaque("group_id")
        epoch = try reader.readUInt64("epoch")
        contentType = try reader.readEnum8(ContentType.self, "content_type", rule: ContentType.rule)
        authenticatedData = try reader.readOpaque("authenticated_data")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(groupID)
        writer.writeUInt64(epoch)
        writer.writeUInt8(contentType.rawValue)
        writer.writeOpaque(authenticatedData)
    }
}
