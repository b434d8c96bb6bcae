import CBOR

/// Encodes the model as `application/mimi-content` (draft-ietf-mimi-content-08 Appendix A.1) with deterministic
/// CBOR (§6.1): a decoded message re-encodes to its original bytes.
public enum ContentEncoder {
    public static func encode(_ m: MimiContent) -> [UInt8] { cbor(m).encoded }

    public static func cbor(_ m: MimiContent) -> CBOR {
        .array([
            .bytes(m.salt),
            m.replaces.map { .bytes($0.bytes) } ?? .null,
            .bytes(m.topicId),
            m.expires.map { .array([.bool($0.relative), .unsigned(UInt64($0.time))]) } ?? .null,
            m.inReplyTo.map { .bytes($0.bytes) } ?? .null,
            .map(m.extensions.entries.map { CBORMapEntry(key: $0.key.cbor, value: $0.value) }),
            cbor(m.nestedPart),
        ])
    }

    public static func cbor(_ p: NestedPart) -> CBOR {
        var items: [CBOR] = [.unsigned(UInt64(p.disposition.rawValue)), .text(p.language), .unsigned(UInt64(p.cardinality.rawValue))]
        switch p.body {
        case .null:
            break
        case .single(let s):
            items += [.text(s.contentType), .bytes(s.content)]
        case .external(let e):
            items += [.text(e.contentType), .text(e.url), .unsigned(UInt64(e.expires)), .unsigned(e.size),
                      .unsigned(UInt64(e.encAlg)), .bytes(e.key), .bytes(e.nonce), .bytes(e.aad),
                      .unsigned(UInt64(e.hashAlg)), .bytes(e.contentHash), .text(e.description), .text(e.filename)]
        case .multi(let m):
            items += [.unsigned(m.semantics.rawValue), .array(m.parts.map(cbor))]
        }
        return .array(items)
    }
}

extension MimiContent {
    /// The deterministic encoding of the message (§6.1).
    public var encoded: [UInt8] { ContentEncoder.encode(self) }

    /// The message ID of this message's deterministic encoding (§3.3). The URIs default to extensions 1 and 2.
    public func messageID(draft: ContentDraft = .default, senderUri: String? = nil,
                          roomUri: String? = nil) throws(ContentError) -> MessageID {
        try Self.messageID(of: encoded, salt: salt, extensions: extensions, draft: draft, senderUri: senderUri, roomUri: roomUri)
    }

    /// The message ID of `bytes` as received (§3.3: the hash covers the message exactly as sent).
    public static func messageID(of bytes: [UInt8], salt: [UInt8], extensions: MimiExtensions, draft: ContentDraft = .default,
                                 senderUri: String? = nil, roomUri: String? = nil) throws(ContentError) -> MessageID {
        guard let s = senderUri ?? extensions.senderUri else { throw ContentError.missingUri("senderUri") }
        guard let r = roomUri ?? extensions.roomUri else { throw ContentError.missingUri("roomUri") }
        return try MessageID.compute(message: bytes, salt: salt, senderUri: s, roomUri: r, draft: draft)
    }
}
