import Foundation
import Yams
import CBOR
import MIMIContent

/// Builds a MIMI content message from a YAML or JSON description (the input of `mimi-harness content encode`).
///
/// ```yaml
/// salt: 5eed9406c2545547ab6f09f20a18b003   # hex, 16 octets; omitted: derived from --seed
/// replaces: null                           # or a 32-octet message ID in hex
/// topicId: ""                              # text, or {hex: "..."}
/// expires: {relative: false, time: 1644390004}
/// inReplyTo: 017ce548...
/// senderUri: mimi://example.com/u/alice-smith
/// roomUri: mimi://example.com/r/engineering_team
/// extensions: {300: [1, "x"], vendor: {hex: "01"}}   # more extensions; an all-digit key is an integer
/// body:
///   disposition: render                    # name or number
///   language: en
///   contentType: text/markdown;variant=GFM-MIMI
///   content: "Hi everyone"                 # text, or {hex: "..."}
///   # or  external: {contentType, url, expires, size, encAlg, key, nonce, aad, hashAlg, contentHash, description, filename}
///   # or  semantics: chooseOne|singleUnit|processAll  with  parts: [ ...bodies... ]
///   # or  null: true                        (a NullPart, for delete and unlike)
/// ```
public enum ContentSpec {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func build(yaml: String, seed: UInt64 = 0) throws -> MimiContent {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw Failure(description: "not YAML or JSON: \(error)")
        }
        guard let root, let map = root.mapping else { throw Failure(description: "the description must be a mapping") }
        let known: Set<String> = ["salt", "replaces", "topicId", "expires", "inReplyTo", "senderUri", "roomUri", "extensions", "body"]
        for (k, _) in map where !known.contains(k.string ?? "") {
            throw Failure(description: "\(where_(k)): unknown field '\(k.string ?? "?")'; expected one of \(known.sorted().joined(separator: ", "))")
        }
        let salt: [UInt8]
        if let s = map["salt"] {
            salt = try hex(s, "salt")
            guard salt.count == 16 else { throw Failure(description: "\(where_(s)): salt must be 16 octets, found \(salt.count)") }
        } else {
            var g = SeededGenerator(seed: seed)
            salt = (0..<16).map { _ in UInt8(truncatingIfNeeded: g.next()) }
        }
        var ext = MimiExtensions(senderUri: map["senderUri"]?.string, roomUri: map["roomUri"]?.string)
        if let more = map["extensions"] {
            guard let m = more.mapping else { throw Failure(description: "\(where_(more)): extensions must be a mapping") }
            for (k, v) in m {
                let key: ExtensionKey
                // JSON keys are always strings, so a key written only with decimal digits (and an optional
                // leading '-') is an integer key in YAML and JSON alike.
                let raw = k.scalar?.string ?? ""
                if let u = UInt64(raw) {
                    key = .unsigned(u)
                } else if raw.hasPrefix("-"), let n = UInt64(raw.dropFirst()), n > 0 {
                    key = .negative(n - 1)
                } else {
                    key = .text(raw)
                }
                ext[key] = try value(v)
            }
        }
        guard let body = map["body"] else { throw Failure(description: "missing 'body'") }
        var expires: Expiration? = nil
        if let x = map["expires"], x.null == nil {
            guard let rel = x["relative"]?.bool, let t = x["time"]?.int, let time = UInt32(exactly: t) else {
                throw Failure(description: "\(where_(x)): expires needs relative (bool) and time (uint32)")
            }
            expires = Expiration(relative: rel, time: time)
        }
        return MimiContent(salt: salt, replaces: try messageID(map["replaces"], "replaces"), topicId: try bytesOrText(map["topicId"]),
                           expires: expires, inReplyTo: try messageID(map["inReplyTo"], "inReplyTo"), extensions: ext,
                           nestedPart: try part(body))
    }

    static func where_(_ n: Node) -> String { n.mark.map { "line \($0.line)" } ?? "description" }

    static func hex(_ n: Node, _ field: String) throws -> [UInt8] {
        guard let s = n.scalar?.string else { throw Failure(description: "\(where_(n)): \(field) must be hex") }
        do { return try [UInt8](hex: s) } catch { throw Failure(description: "\(where_(n)): \(field): \(error)") }
    }

    static func messageID(_ n: Node?, _ field: String) throws -> MessageID? {
        guard let n, n.null == nil else { return nil }
        guard let id = MessageID(try hex(n, field)) else { throw Failure(description: "\(where_(n)): \(field) must be 32 octets") }
        return id
    }

    static func bytesOrText(_ n: Node?) throws -> [UInt8] {
        guard let n else { return [] }
        if let h = n["hex"] { return try hex(h, "hex") }
        return Array((n.scalar?.string ?? "").utf8)
    }

    static func uint(_ n: Node?, _ field: String, max: UInt64) throws -> UInt64 {
        guard let n else { return 0 }
        guard let s = n.scalar?.string, let v = UInt64(s), v <= max else {
            throw Failure(description: "\(where_(n)): \(field) must be an unsigned integer up to \(max)")
        }
        return v
    }

    static func part(_ n: Node) throws -> NestedPart {
        var disposition = Disposition.render
        if let d = n["disposition"] {
            if let i = d.int, let v = UInt8(exactly: i) { disposition = Disposition(rawValue: v) }
            else if let s = d.string, let v = Disposition(name: s) { disposition = v }
            else { throw Failure(description: "\(where_(d)): unknown disposition '\(d.string ?? "")'") }
        }
        let language = n["language"]?.string ?? ""
        let body: PartBody
        if let parts = n["parts"]?.sequence {
            let name = n["semantics"]?.string ?? "processAll"
            let semantics: PartSemantics
            switch name {
            case "chooseOne": semantics = .chooseOne
            case "singleUnit": semantics = .singleUnit
            case "processAll": semantics = .processAll
            default:
                guard let v = UInt64(name) else { throw Failure(description: "\(where_(n)): unknown semantics '\(name)'") }
                semantics = PartSemantics(rawValue: v)
            }
            body = .multi(MultiPart(semantics: semantics, parts: try parts.map(part)))
        } else if let e = n["external"] {
            body = .external(ExternalPart(
                contentType: e["contentType"]?.string ?? "", url: e["url"]?.string ?? "",
                expires: UInt32(try uint(e["expires"], "expires", max: UInt64(UInt32.max))),
                size: try uint(e["size"], "size", max: .max),
                encAlg: UInt16(try uint(e["encAlg"], "encAlg", max: UInt64(UInt16.max))),
                key: try e["key"].map { try hex($0, "key") } ?? [], nonce: try e["nonce"].map { try hex($0, "nonce") } ?? [],
                aad: try e["aad"].map { try hex($0, "aad") } ?? [],
                hashAlg: UInt8(try uint(e["hashAlg"], "hashAlg", max: 255)),
                contentHash: try e["contentHash"].map { try hex($0, "contentHash") } ?? [],
                description: e["description"]?.string ?? "", filename: e["filename"]?.string ?? ""))
        } else if n["null"]?.bool == true {
            body = .null
        } else if let ct = n["contentType"]?.string {
            body = .single(SinglePart(contentType: ct, content: try bytesOrText(n["content"])))
        } else {
            throw Failure(description: "\(where_(n)): a body needs contentType+content, external, parts, or null: true")
        }
        return NestedPart(disposition: disposition, language: language, body: body)
    }

    /// A YAML value as CBOR: integers, booleans, null, floats, text; `{hex: ...}` is a byte string.
    static func value(_ n: Node) throws -> CBOR {
        if let m = n.mapping {
            if m.count == 1, let h = m["hex"] { return .bytes(try hex(h, "hex")) }
            return .map(try m.map { k, v in CBORMapEntry(key: try value(k), value: try value(v)) })
        }
        if let s = n.sequence { return .array(try s.map(value)) }
        switch n.tag.rawValue {
        case Tag.Name.null.rawValue: return .null
        case Tag.Name.bool.rawValue: return .bool(n.bool ?? false)
        case Tag.Name.int.rawValue: if let i = n.int { return .int(Int64(i)) }
        case Tag.Name.float.rawValue: if let f = n.float { return .float(CBORFloat(f)) }
        default: break
        }
        return .text(n.string ?? "")
    }
}

/// SplitMix64, for a salt derived from `--seed` (determinism: the same seed gives the same message).
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
