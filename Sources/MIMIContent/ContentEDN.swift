import CBOR

/// Annotated diagnostic notation of a MIMI content message in the style of draft-ietf-mimi-content-08 §5: one field
/// per line with a `#` comment naming it, and the implied partIndex of every part.
public enum ContentEDN {
    public static func render(_ m: MimiContent, messageID: MessageID? = nil) -> String {
        var lines: [(String, String)] = []
        func add(_ indent: Int, _ text: String, _ comment: String = "") {
            lines.append((String(repeating: "  ", count: indent) + text, comment))
        }
        add(0, "[")
        add(1, "h'\(hex(m.salt))',", "salt")
        add(1, (m.replaces.map { "h'\($0.hex)'" } ?? "null") + ",", "replaces")
        add(1, EDN.render(.bytes(m.topicId)) + ",", m.topicId.isEmpty ? "topicId (none)" : "topicId")
        if let x = m.expires {
            add(1, "[\(x.relative), \(x.time)],", "expires (\(x.relative ? "relative seconds" : "absolute UNIX seconds"))")
        } else {
            add(1, "null,", "expires = never")
        }
        add(1, (m.inReplyTo.map { "h'\($0.hex)'" } ?? "null") + ",", "inReplyTo")
        if m.extensions.entries.isEmpty {
            add(1, "{},", "extensions")
        } else {
            add(1, "{", "extensions")
            for (i, e) in m.extensions.entries.enumerated() {
                let name: String = switch e.key {
                case .senderUri: "senderUri"
                case .roomUri: "roomUri"
                default: ""
                }
                add(2, "\(e.key): \(EDN.render(e.value))" + (i + 1 < m.extensions.entries.count ? "," : ""), name)
            }
            add(1, "},")
        }
        var index = 0
        part(m.nestedPart, indent: 1, last: true, index: &index, add: add)
        add(0, "]")
        let width = min(48, (lines.map(\.0.count).max() ?? 0) + 2)
        var out = ""
        if let messageID { out += "# message ID = h'\(messageID.hex)'\n" }
        for (text, comment) in lines {
            if comment.isEmpty {
                out += text + "\n"
            } else {
                out += text + String(repeating: " ", count: max(1, width - text.count)) + "# " + comment + "\n"
            }
        }
        return out
    }

    static func part(_ p: NestedPart, indent: Int, last: Bool, index: inout Int,
                     add: (Int, String, String) -> Void) {
        let me = index
        index += 1
        add(indent, "[", "partIndex = \(me)")
        add(indent + 1, "\(p.disposition.rawValue),", "disposition = \(p.disposition.name)\(p.disposition.isKnown ? "" : " (treated as render)")")
        add(indent + 1, EDN.quote(p.language) + ",", "language")
        switch p.body {
        case .null:
            add(indent + 1, "0", "cardinality = nullpart")
        case .single(let s):
            add(indent + 1, "1,", "cardinality = single")
            add(indent + 1, EDN.quote(s.contentType) + ",", "contentType")
            add(indent + 1, content(s.content), "content")
        case .external(let e):
            add(indent + 1, "2,", "cardinality = external")
            add(indent + 1, EDN.quote(e.contentType) + ",", "contentType")
            add(indent + 1, EDN.quote(e.url) + ",", "url")
            add(indent + 1, "\(e.expires),", "expires\(e.expires == 0 ? " (never)" : "")")
            add(indent + 1, "\(e.size),", "size\(e.size == 0 ? " (unknown)" : "")")
            add(indent + 1, "\(e.encAlg),", "encAlg\(e.encAlg == 0 ? " (none)" : e.encAlg == 1 ? " = AES-128-GCM" : "")")
            add(indent + 1, "h'\(hex(e.key))',", "key")
            add(indent + 1, "h'\(hex(e.nonce))',", "nonce")
            add(indent + 1, "h'\(hex(e.aad))',", "aad")
            add(indent + 1, "\(e.hashAlg),", "hashAlg\(e.hashAlg == 1 ? " = sha-256" : e.hashAlg == 0 ? " (none)" : "")")
            add(indent + 1, "h'\(hex(e.contentHash))',", "contentHash")
            add(indent + 1, EDN.quote(e.description) + ",", "description")
            add(indent + 1, EDN.quote(e.filename), "filename")
        case .multi(let mp):
            add(indent + 1, "3,", "cardinality = multi")
            add(indent + 1, "\(mp.semantics.rawValue),", "partSemantics = \(mp.semantics.name)")
            add(indent + 1, "[", "")
            for (i, child) in mp.parts.enumerated() {
                part(child, indent: indent + 2, last: i + 1 == mp.parts.count, index: &index, add: add)
            }
            add(indent + 1, "]", "")
        }
        add(indent, last ? "]" : "],", "")
    }

    /// Text-like content as a single-quoted EDN byte string, anything else as hex.
    static func content(_ bytes: [UInt8]) -> String {
        if let s = String(validating: bytes, as: UTF8.self), s.unicodeScalars.allSatisfy({ $0.value >= 0x20 || $0 == "\n" }) {
            var out = "'"
            for ch in s.unicodeScalars {
                switch ch {
                case "'": out += "\\'"
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                default: out.unicodeScalars.append(ch)
                }
            }
            return out + "'"
        }
        return "h'\(hex(bytes))'"
    }

    static func hex(_ b: [UInt8]) -> String { EDN.render(.bytes(b)).dropFirst(2).dropLast().description }
}
