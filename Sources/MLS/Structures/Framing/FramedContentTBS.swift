import TLSCodec

/// `FramedContentTBS` (RFC 9420 §6.1): what a message's signature covers: version, wire format, the content and,
/// for `member` and `new_member_commit` senders, the serialized GroupContext of the epoch.
public struct FramedContentTBS: Hashable, Sendable, TLSEncodable {
    public var version: ProtocolVersion
    public var wireFormat: WireFormat
    public var content: FramedContent
    /// The serialized GroupContext, present exactly when ``Sender/signsGroupContext``.
    public var serializedGroupContext: [UInt8]?

    /// Builds the TBS; `serializedGroupContext` is used only when the sender needs it (§6.1) and is required then.
    public init(wireFormat: WireFormat, content: FramedContent, serializedGroupContext: [UInt8]?,
                version: ProtocolVersion = .mls10) throws {
        if content.sender.signsGroupContext && serializedGroupContext == nil {
            throw MLSError(.invalidOperation, "FramedContentTBS for sender \(content.sender) must include the GroupContext (RFC 9420 §6.1)")
        }
        self.version = version
        self.wireFormat = wireFormat
        self.content = content
        self.serializedGroupContext = content.sender.signsGroupContext ? serializedGroupContext : nil
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(version)
        writer.writeUInt16(wireFormat.rawValue)
        writer.write(content)
        if let serializedGroupContext { writer.writeBytes(serializedGroupContext) }
    }
}
