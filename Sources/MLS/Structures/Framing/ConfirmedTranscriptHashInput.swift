import TLSCodec

/// `ConfirmedTranscriptHashInput` (RFC 9420 §8.2): an AuthenticatedContent carrying a Commit, without its
/// confirmation tag: `wire_format ‖ FramedContent ‖ opaque signature<V>`.
public struct ConfirmedTranscriptHashInput: Hashable, Sendable, TLSEncodable {
    public var wireFormat: WireFormat
    public var content: FramedContent
    public var signature: [UInt8]

    public init(wireFormat: WireFormat, content: FramedContent, signature: [UInt8]) {
        self.wireFormat = wireFormat
        self.content = content
        self.signature = signature
    }

    public init(_ authenticated: AuthenticatedContent) {
        self.init(wireFormat: authenticated.wireFormat, content: authenticated.content, signature: authenticated.auth.signature)
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt16(wireFormat.rawValue)
        writer.write(content)
        writer.writeOpaque(signature)
    }
}

/// `InterimTranscriptHashInput` (RFC 9420 §8.2): `MAC confirmation_tag` as `opaque<V>`.
public struct InterimTranscriptHashInput: Hashable, Sendable, TLSEncodable {
    public var confirmationTag: [UInt8]
    public init(confirmationTag: [UInt8]) { self.confirmationTag = confirmationTag }
    public func encode(to writer: inout TLSWriter) { writer.writeOpaque(confirmationTag) }
}
