import TLSCodec

/// `GroupInfo` (RFC 9420 §12.4.3): the signed GroupContext, extensions and confirmation tag a joiner needs.
public struct GroupInfo: Hashable, Sendable, TLSCodable {
    public var groupContext: GroupContext
    public var extensions: [Extension]
    public var confirmationTag: [UInt8]
    /// Leaf index of the member who signed.
    public var signer: UInt32
    /// `SignWithLabel(., "GroupInfoTBS", GroupInfoTBS)`.
    public var signature: [UInt8]

    public init(groupContext: GroupContext, extensions: [Extension], confirmationTag: [UInt8], signer: UInt32,
                signature: [UInt8]) {
        self.groupContext = groupContext
        self.extensions = extensions
        self.confirmationTag = confirmationTag
        self.signer = signer
        self.signature = signature
    }

    public init(from reader: inout TLSReader) throws {
        groupContext = try reader.read(GroupContext.self, "group_context")
        extensions = try reader.readList("extensions") { try Extension(from: &$0) }
        confirmationTag = try reader.readOpaque("confirmation_tag")
        signer = try reader.readUInt32("signer")
        signature = try reader.readOpaque("signature")
    }

    /// Writes every field but the signature (GroupInfoTBS).
    func encodeContent(to writer: inout TLSWriter) {
        writer.write(groupContext)
        writer.writeList(extensions)
        writer.writeOpaque(confirmationTag)
        writer.writeUInt32(signer)
    }

    public func encode(to writer: inout TLSWriter) {
        encodeContent(to: &writer)
        writer.writeOpaque(signature)
    }

    /// The GroupInfoTBS this GroupInfo's signature covers.
    public var tbs: GroupInfoTBS { GroupInfoTBS(groupInfo: self) }
}
