import TLSCodec

/// `FramedContentAuthData` (RFC 9420 §6.1): the signature over FramedContentTBS and, for commits only, the
/// confirmation tag. Decoding needs the content type, which decides whether the tag is present.
public struct FramedContentAuthData: Hashable, Sendable, TLSEncodable {
    public var signature: [UInt8]
    /// Present exactly when the content type is `commit`.
    public var confirmationTag: [UInt8]?

    public init(signature: [UInt8], confirmationTag: [UInt8]?) {
        self.signature = signature
        self.confirmationTag = confirmationTag
    }

    public init(from reader: inout TLSReader, contentType: ContentType) throws {
        signature = try reader.readOpaque("signature")
        confirmationTag = contentType == .commit ? try reader.readOpaque("confirmation_tag") : nil
    }

    /// Decodes the auth data of a content of `contentType`, naming it on the field path.
    static func read(_ reader: inout TLSReader, contentType: ContentType) throws -> FramedContentAuthData {
        try reader.field("auth") { try FramedContentAuthData(from: &$0, contentType: contentType) }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(signature)
        if let confirmationTag { writer.writeOpaque(confirmationTag) }
    }
}
