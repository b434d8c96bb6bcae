import TLSCodec

/// `GroupContext` (RFC 9420 §8.1): the summary of a group's state that every member agrees on in an epoch.
public struct GroupContext: Hashable, Sendable, TLSCodable {
    public var version: ProtocolVersion
    public var cipherSuite: UInt16
    public var groupID: [UInt8]
    public var epoch: UInt64
    public var treeHash: [UInt8]
    public var confirmedTranscriptHash: [UInt8]
    public var extensions: [Extension]

    public init(version: ProtocolVersion = .mls10, cipherSuite: UInt16, groupID: [UInt8], epoch: UInt64,
                treeHash: [UInt8], confirmedTranscriptHash: [UInt8], extensions: [Extension]) {
        self.version = version
        self.cipherSuite = cipherSuite
        self.groupID = groupID
        self.epoch = epoch
        self.treeHash = treeHash
        self.confirmedTranscriptHash = confirmedTranscriptHash
        self.extensions = extensions
    }

    public init(from reader: inout TLSReader) throws {
        version = try reader.read(ProtocolVersion.self, "version")
        cipherSuite = try reader.readUInt16("cipher_suite")
        groupID = try reader.readOpaque("group_id")
        epoch = try reader.readUInt64("epoch")
        treeHash = try reader.readOpaque("tree_hash")
        confirmedTranscriptHash = try reader.readOpaque("confirmed_transcript_hash")
        extensions = try reader.readList("extensions") { try Extension(from: &$0) }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(version)
        writer.writeUInt16(cipherSuite)
        writer.writeOpaque(groupID)
        writer.writeUInt64(epoch)
        writer.writeOpaque(treeHash)
        writer.writeOpaque(confirmedTranscriptHash)
        writer.writeList(extensions)
    }
}
