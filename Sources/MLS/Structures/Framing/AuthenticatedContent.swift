import TLSCodec

/// `AuthenticatedContent` (RFC 9420 §6.1): a FramedContent with its wire format and authentication data; the input
/// of ProposalRef (§5.2) and of the transcript hashes (§8.2).
public struct AuthenticatedContent: Hashable, Sendable, TLSCodable {
    public var wireFormat: WireFormat
    public var content: FramedContent
    public var auth: FramedContentAuthData

    public init(wireFormat: WireFormat, content: FramedContent, auth: FramedContentAuthData) {
        self.wireFormat = wireFormat
        self.content = content
        self.auth = auth
    }

    public init(from reader: inout TLSReader) throws {
        wireFormat = try reader.readEnum16(WireFormat.self, "wire_format", rule: WireFormat.rule)
        content = try reader.read(FramedContent.self, "content")
        auth = try FramedContentAuthData.read(&reader, contentType: content.contentType)
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt16(wireFormat.rawValue)
        writer.write(content)
        writer.write(auth)
    }
}
