/// Turns a scenario's ``ContentSpec`` into ``ContentSemantics``, replacing message labels with message IDs the
/// way draft-ietf-mimi-content-08 §"Message examples" does: a reply and a reaction set `inReplyTo`; an edit and a
/// delete set `replaces` to the ID of the *first* version of the target; an unlike replaces the reaction.
struct ContentResolver {
    /// Label → message ID of that send.
    var ids: [String: [UInt8]] = [:]
    /// Label → message ID of the first version (differs from `ids` for edits).
    var originals: [String: [UInt8]] = [:]

    enum Failure: Error { case unknownLabel(String) }

    mutating func record(label: String?, sent: SentMessage) {
        guard let label else { return }
        ids[label] = sent.messageId
        originals[label] = sent.content.replaces ?? sent.messageId
    }

    func id(_ label: String) throws -> [UInt8] {
        guard let v = ids[label] else { throw Failure.unknownLabel(label) }
        return v
    }

    func original(_ label: String) throws -> [UInt8] {
        guard let v = originals[label] else { throw Failure.unknownLabel(label) }
        return v
    }

    func resolve(_ spec: ContentSpec, topic: String?) throws -> ContentSemantics {
        var c = try resolveTop(spec)
        if let topic { c.topicId = Array(topic.utf8) }
        return c
    }

    private func resolveTop(_ spec: ContentSpec) throws -> ContentSemantics {
        switch spec {
        case .reply(let to, let body):
            var c = try resolveTop(body)
            c.inReplyTo = try id(to)
            return c
        case .reaction(let to, let emoji):
            return ContentSemantics(inReplyTo: try id(to), body: .single(disposition: .reaction, language: "",
                                                                          contentType: PartSemantics.plainText, content: Array(emoji.utf8)))
        case .edit(let of, let body):
            var c = try resolveTop(body)
            c.replaces = try original(of)
            return c
        case .delete(let of):
            return ContentSemantics(replaces: try original(of), body: .null(disposition: .render, language: ""))
        case .unlike(let of):
            return ContentSemantics(replaces: try original(of), body: .null(disposition: .reaction, language: ""))
        case .expiring(let body, let expiration):
            var c = try resolveTop(body)
            c.expires = expiration
            return c
        default:
            return ContentSemantics(body: try part(spec))
        }
    }

    private func part(_ spec: ContentSpec) throws -> PartSemantics {
        switch spec {
        case .text(let s):
            return .single(disposition: .render, language: "", contentType: PartSemantics.plainText, content: Array(s.utf8))
        case .markdown(let s):
            return .single(disposition: .render, language: "", contentType: PartSemantics.markdown, content: Array(s.utf8))
        case .part(let type, let content, let disposition):
            return .single(disposition: disposition, language: "", contentType: type, content: content)
        case .attachment(let a):
            return .external(disposition: .attachment, language: "", ExternalSemantics(
                contentType: a.contentType, url: a.url, size: a.size, encAlg: a.encrypted ? 1 : 0,
                hashAlg: a.encrypted ? 1 : 0, description: a.description, filename: a.filename))
        case .multipart(let semantics, let parts):
            return .multi(disposition: .render, language: "", semantics: semantics, parts: try parts.map(part))
        default:
            return try resolveTop(spec).body
        }
    }
}

extension ContentSemantics {
    /// The semantics with the values a world fills in itself (an external part's key, nonce and content hash)
    /// cleared, to compare what was requested with what was encoded.
    var withoutWorldFilledFields: ContentSemantics {
        var c = self
        c.body = c.body.withoutWorldFilledFields
        return c
    }
}

extension PartSemantics {
    var withoutWorldFilledFields: PartSemantics {
        switch self {
        case .external(let d, let l, var e):
            e.key = []
            e.nonce = []
            e.contentHash = []
            return .external(disposition: d, language: l, e)
        case .multi(let d, let l, let s, let parts):
            return .multi(disposition: d, language: l, semantics: s, parts: parts.map(\.withoutWorldFilledFields))
        default:
            return self
        }
    }
}
