import TLSCodec

/// A one-line, human-readable rendering of ``ContentSemantics`` for expected-vs-actual output and reports.
public enum ContentDescription {
    public static func describe(_ c: ContentSemantics) -> String {
        var fields: [String] = []
        if let r = c.replaces { fields.append("replaces \(short(r))") }
        if let r = c.inReplyTo { fields.append("inReplyTo \(short(r))") }
        if !c.topicId.isEmpty { fields.append("topic \(text(c.topicId))") }
        if let e = c.expires { fields.append("expires \(e.relative ? "after" : "at") \(e.time)") }
        fields.append(describe(c.body))
        return fields.joined(separator: "; ")
    }

    public static func describe(_ p: PartSemantics) -> String {
        switch p {
        case .null(let d, _): return "null part (\(d.name))"
        case .single(let d, let l, let type, let content):
            return "\(type) \(d.name)\(l.isEmpty ? "" : " [\(l)]") \(text(content))"
        case .external(let d, _, let e):
            return "external \(e.contentType) \(d.name) \(e.url) size \(e.size) encAlg \(e.encAlg) key \(e.key.hex) nonce \(e.nonce.hex) hash \(e.contentHash.hex) \"\(e.filename)\""
        case .multi(let d, _, let s, let parts):
            return "multipart \(s.name) \(d.name) [" + parts.map(describe).joined(separator: " | ") + "]"
        }
    }

    static func short(_ id: [UInt8]) -> String { id.hex }

    static func text(_ bytes: [UInt8]) -> String {
        if let s = String(bytes: bytes, encoding: .utf8) { return "\"\(s)\"" }
        return "0x" + bytes.hex
    }
}
