import TLSCodec

/// `PrivateMessage` (RFC 9420 §6.3): an encrypted message: the clear header, encrypted sender data and ciphertext.
public struct PrivateMessage: Hashable, Sendable, TLSCodable {
    public var groupID: [UInt8]
    public var epoch: UInt64
    public var contentType: ContentType
    public var authenticatedData: [UInt8]
    public var encryptedSenderData: [UInt8]
    public var ciphertext: [UInt8]

    public init(groupID: [UInt8], epoch: UInt64, contentType: ContentType, authenticatedData: [UInt8],
                encryptedSenderData: [UInt8], ciphertext: [UInt8]) {
        self.groupID = groupID
        self.epoch = epoch
        self.contentType = contentType
        self.authenticatedData = authenticatedData
        self.encryptedSenderData = encryptedSenderData
        self.ciphertext = ciphertext
    }

    public init(from reader: inout TLSReader) throws {
        groupID = try reader.readOpaque("group_id")
        epoch = try reader.readUInt64("epoch")
        contentType = try reader.readEnum8(ContentType.self, "content_type", rule: ContentType.rule)
        authenticatedData = try reader.readOpaque("authenticated_data")
        encryptedSenderData = try reader.readOpaque("encrypted_sender_data")
        ciphertext = try reader.readOpaque("ciphertext")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(groupID)
        writer.writeUInt64(epoch)
        writer.writeUInt8(contentType.rawValue)
        writer.writeOpaque(authenticatedData)
        writer.writeOpaque(encryptedSenderData)
        writer.writeOpaque(ciphertext)
    }

    /// The AAD of the content encryption (§6.3.1).
    public var contentAAD: PrivateContentAAD {
        PrivateContentAAD(groupID: groupID, epoch: epoch, contentType: contentType, authenticatedData: authenticatedData)
    }

    /// The AAD of the sender-data encryption (§6.3.2).
    public var senderDataAAD: SenderDataAAD {
        SenderDataAAD(groupID: groupID, epoch: epoch, contentType: contentType)
    }
}
