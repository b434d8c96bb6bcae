import MIMIContent

/// Converts between the scenario's ``ContentSemantics`` and the MIMI content model (draft-ietf-mimi-content-08
/// `mimiContent`) the simulated clients encode and decode.
enum SimulatedContent {
    /// The content a client sends: the semantics plus the salt and the sender and room URIs (extensions 1 and 2).
    static func content(_ c: ContentSemantics, salt: [UInt8], sender: String, room: String) -> MimiContent {
        MimiContent(salt: salt, replaces: c.replaces.flatMap { MessageID($0) }, topicId: c.topicId,
                    expires: c.expires.map { MIMIContent.Expiration(relative: $0.relative, time: $0.time) },
                    inReplyTo: c.inReplyTo.flatMap { MessageID($0) },
                    extensions: MimiExtensions(senderUri: sender, roomUri: room), nestedPart: part(c.body))
    }

    static func part(_ p: PartSemantics) -> NestedPart {
        switch p {
        case .null(let d, let l):
            return NestedPart(disposition: disposition(d), language: l, body: .null)
        case .single(let d, let l, let type, let content):
            return NestedPart(disposition: disposition(d), language: l, body: .single(SinglePart(contentType: type, content: content)))
        case .external(let d, let l, let e):
            return NestedPart(disposition: disposition(d), language: l, body: .external(ExternalPart(
                contentType: e.contentType, url: e.url, expires: e.expires, size: e.size, encAlg: e.encAlg, key: e.key,
                nonce: e.nonce, aad: e.aad, hashAlg: e.hashAlg, contentHash: e.contentHash, description: e.description,
                filename: e.filename)))
        case .multi(let d, let l, let s, let parts):
            return NestedPart(disposition: disposition(d), language: l, body: .multi(MultiPart(
                semantics: MIMIContent.PartSemantics(rawValue: UInt64(s.rawValue)), parts: parts.map(part))))
        }
    }

    static func disposition(_ d: PartSemantics.Disposition) -> MIMIContent.Disposition {
        MIMIContent.Disposition(rawValue: UInt8(d.rawValue))
    }

    /// The semantics of received content; nil for what the scenario model cannot express (unknown dispositions or
    /// part semantics).
    static func semantics(_ m: MimiContent) -> ContentSemantics? {
        guard let body = semantics(m.nestedPart) else { return nil }
        return ContentSemantics(replaces: m.replaces?.bytes, topicId: m.topicId,
                                expires: m.expires.map { ContentSemantics.Expiration(relative: $0.relative, time: $0.time) },
                                inReplyTo: m.inReplyTo?.bytes, body: body)
    }

    static func semantics(_ p: NestedPart) -> PartSemantics? {
        guard let d = PartSemantics.Disposition(rawValue: Int(p.disposition.rawValue)) else { return nil }
        switch p.body {
        case .null: return .null(disposition: d, language: p.language)
        case .single(let s): return .single(disposition: d, language: p.language, contentType: s.contentType, content: s.content)
        case .external(let e):
            return .external(disposition: d, language: p.language, ExternalSemantics(
                contentType: e.contentType, url: e.url, expires: e.expires, size: e.size, encAlg: e.encAlg, key: e.key, nonce: e.nonce,
                aad: e.aad, hashAlg: e.hashAlg, contentHash: e.contentHash, description: e.description, filename: e.filename))
        case .multi(let m):
            guard let s = PartSemantics.MultiSemantics(rawValue: Int(m.semantics.rawValue)) else { return nil }
            var parts: [PartSemantics] = []
            for part in m.parts {
                guard let x = semantics(part) else { return nil }
                parts.append(x)
            }
            return .multi(disposition: d, language: p.language, semantics: s, parts: parts)
        }
    }
}
