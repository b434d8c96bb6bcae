import TLSCodec

/// `PrivateMessageContent` (RFC 9420 §6.3.1): the plaintext of a PrivateMessage: the content body, its auth data,
/// and zero padding. Decoding needs the content type from the PrivateMessage header; the padding is every byte
/// after the auth data and must be all zero, else an `invalidValue` error names the first non-zero byte.
public struct PrivateMessageContent: Hashable, Sendable, TLSEncodable {
    public var body: FramedContentBody
    public var auth: FramedContentAuthData
    /// The number of zero bytes of padding.
    public var paddingLength: Int

    public init(body: FramedContentBody, auth: FramedContentAuthData, paddingLength: Int = 0) {
        self.body = body
        self.auth = auth
        self.paddingLength = max(0, paddingLength)
    }

    public var contentType: ContentType { body.contentType }

    /// Decodes the rest of `reader` as the content of a message of `contentType`.
    public init(from reader: inout TLSReader, contentType: ContentType) throws {
        body = try FramedContentBody(from: &reader, contentType: contentType)
        auth = try FramedContentAuthData.read(&reader, contentType: contentType)
        let padding = try reader.readBytes(reader.remaining, "padding")
        if let index = padding.firstIndex(where: { $0 != 0 }) {
            throw reader.error(.invalidValue, "padding",
                               "padding byte \(index) is 0x\(String(padding[index], radix: 16)); padding MUST be all zero (RFC 9420 §6.3.1)",
                               at: reader.offset - padding.count + index)
        }
        paddingLength = padding.count
    }

    /// Decodes a whole plaintext.
    public init(decoding bytes: [UInt8], contentType: ContentType, limits: TLSLimits = .default) throws {
        var reader = TLSReader(bytes, limits: limits)
        self = try reader.field("PrivateMessageContent") { try PrivateMessageContent(from: &$0, contentType: contentType) }
    }

    public func encode(to writer: inout TLSWriter) {
        body.encode(to: &writer)
        writer.write(auth)
        writer.writeBytes(repeatElement(UInt8(0), count: paddingLength))
    }
}
