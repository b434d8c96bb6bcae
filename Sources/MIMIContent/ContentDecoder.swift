import CBOR

/// Decodes `application/mimi-content` (draft-ietf-mimi-content-08 §4, Appendix A.1) from bytes: first the CBOR
/// rules (deterministic encoding for -08 per §6.1), then the CDDL schema. Each failure is a
/// ``ContentError`` with offset, field and requirement; the data-model and security rules of §6.2, §6.3 and
/// §9.1 are left to ``ContentValidator`` so that all of them can be reported at once.
public enum ContentDecoder {
    /// A decoded message with what validation needs besides the model: its bytes and offsets, and the
    /// deterministic-encoding departures tolerated under -07.
    public struct Decoded: Sendable {
        public let content: MimiContent
        public let bytes: [UInt8]
        public let node: CBORNode
        public let relaxations: [CBORError]
        public let draft: ContentDraft
    }

    /// CBOR decoding options for a draft: -08 requires deterministic encoding (§6.1); -07 does not.
    public static func cborOptions(for draft: ContentDraft, maxInputSize: Int = 16 << 20) -> CBORDecodingOptions {
        CBORDecodingOptions(deterministic: draft == .draft08, maxDepth: 32, maxInputSize: maxInputSize)
    }

    public static func decode(_ bytes: [UInt8], draft: ContentDraft = .default) throws(ContentError) -> MimiContent {
        try decodeDetailed(bytes, draft: draft).content
    }

    public static func decodeDetailed(_ bytes: [UInt8], draft: ContentDraft = .default,
                                      options: CBORDecodingOptions? = nil) throws(ContentError) -> Decoded {
        let result: CBORDecodeResult
        do {
            result = try CBORDecoder.decodeNode(bytes, options: options ?? cborOptions(for: draft))
        } catch {
            throw ContentError(error)
        }
        let content = try content(from: result.node, draft: draft)
        return Decoded(content: content, bytes: bytes, node: result.node, relaxations: result.relaxations, draft: draft)
    }

    /// Maps a decoded CBOR node onto the model (the CDDL of Appendix A.1).
    public static func content(from node: CBORNode, draft: ContentDraft = .default) throws(ContentError) -> MimiContent {
        let a = NodeAccess(requirement: "\(draft.name) Appendix A.1 (CDDL)")
        guard case .array = node.value, node.children.count == 7 else {
            throw a.error(.messageShape, node, "mimiContent",
                          "mimiContent must be an array of 7 elements, found \(node.value.typeName)\(node.value.arrayValue.map { " of \($0.count)" } ?? "")")
        }
        let f = node.children
        let salt = try a.bytes(f[0], "salt")
        guard salt.count == 16 else { throw a.error(.saltSize, f[0], "salt", "salt must be 16 octets, found \(salt.count)") }
        let replaces = try a.messageID(f[1], "replaces")
        let topicId = try a.bytes(f[2], "topicId")
        let expires = try expiration(f[3], a)
        let inReplyTo = try a.messageID(f[4], "inReplyTo")
        let extensions = try self.extensions(f[5], a)
        let body = try nestedPart(f[6], path: "nestedPart", a: a, depth: 1)
        return MimiContent(salt: salt, replaces: replaces, topicId: topicId, expires: expires, inReplyTo: inReplyTo,
                           extensions: extensions, nestedPart: body)
    }

    static func expiration(_ node: CBORNode, _ a: NodeAccess) throws(ContentError) -> Expiration? {
        if node.value.isNull { return nil }
        guard case .array = node.value, node.children.count == 2 else {
            throw a.error(.expirationShape, node, "expires", "Expiration must be null or [relative: bool, time: uint .size 4]")
        }
        guard case .bool(let relative) = node.children[0].value else {
            throw a.mismatch(node.children[0], "expires.relative", "a boolean")
        }
        let time = try a.uint(node.children[1], "expires.time", max: UInt64(UInt32.max), cddl: "uint .size 4")
        return Expiration(relative: relative, time: UInt32(time))
    }

    static func extensions(_ node: CBORNode, _ a: NodeAccess) throws(ContentError) -> MimiExtensions {
        guard case .map = node.value else { throw a.mismatch(node, "mimiExtensions", "a map") }
        var entries: [MimiExtensions.Entry] = []
        var i = 0
        while i + 1 < node.children.count {
            let k = node.children[i]
            let v = node.children[i + 1]
            i += 2
            let key: ExtensionKey
            switch k.value {
            case .unsigned(let n): key = .unsigned(n)
            case .negative(let n): key = .negative(n)
            case .text(let s):
                let n = s.utf8.count
                guard (1...255).contains(n) else {
                    throw a.error(.extensionKeyLength, k, "mimiExtensions key", "text key must be 1-255 octets, found \(n)")
                }
                key = .text(s)
            default:
                throw a.error(.extensionKeyType, k, "mimiExtensions key",
                              "key must be an integer or a text string, found \(k.value.typeName)")
            }
            if key == .senderUri || key == .roomUri, v.value.textValue == nil {
                throw a.error(.extensionValueType, v, "mimiExtensions[\(key)]",
                              "\(key == .senderUri ? "senderUri" : "roomUri") must be a text string, found \(v.value.typeName)")
            }
            entries.append(MimiExtensions.Entry(key: key, value: v.value))
        }
        return MimiExtensions(entries: entries)
    }

    static func nestedPart(_ node: CBORNode, path: String, a: NodeAccess, depth: Int) throws(ContentError) -> NestedPart {
        guard case .array = node.value, node.children.count >= 3 else {
            throw a.error(.partShape, node, path, "NestedPart must be an array [disposition, language, cardinality, ...]")
        }
        let f = node.children
        let dispo = try a.uint(f[0], path + ".disposition", max: 255, cddl: "0..255")
        let language = try a.text(f[1], path + ".language")
        guard case .unsigned(let card) = f[2].value else { throw a.mismatch(f[2], path + ".cardinality", "an unsigned integer") }
        guard let cardinality = Cardinality(rawValue: UInt8(truncatingIfNeeded: card)), card <= 3 else {
            throw a.error(.unknownCardinality, f[2], path + ".cardinality", "cardinality \(card) is not nullpart 0, single 1, external 2 or multi 3")
        }
        guard f.count == cardinality.arrayLength else {
            throw a.error(.partShape, node, path,
                          "a NestedPart with cardinality \(cardinality) has \(cardinality.arrayLength) elements, found \(f.count)")
        }
        let body: PartBody
        switch cardinality {
        case .nullpart:
            body = .null
        case .single:
            body = .single(SinglePart(contentType: try a.text(f[3], path + ".contentType"), content: try a.bytes(f[4], path + ".content")))
        case .external:
            body = .external(ExternalPart(
                contentType: try a.text(f[3], path + ".contentType"),
                url: try a.text(f[4], path + ".url"),
                expires: UInt32(try a.uint(f[5], path + ".expires", max: UInt64(UInt32.max), cddl: "uint .size 4")),
                size: try a.uint(f[6], path + ".size", max: .max, cddl: "uint .size 8"),
                encAlg: UInt16(try a.uint(f[7], path + ".encAlg", max: UInt64(UInt16.max), cddl: "uint .size 2")),
                key: try a.bytes(f[8], path + ".key"),
                nonce: try a.bytes(f[9], path + ".nonce"),
                aad: try a.bytes(f[10], path + ".aad"),
                hashAlg: UInt8(try a.uint(f[11], path + ".hashAlg", max: UInt64(UInt8.max), cddl: "uint .size 1")),
                contentHash: try a.bytes(f[12], path + ".contentHash"),
                description: try a.text(f[13], path + ".description"),
                filename: try a.text(f[14], path + ".filename")))
        case .multi:
            guard case .unsigned(let sem) = f[3].value else { throw a.mismatch(f[3], path + ".partSemantics", "an unsigned integer") }
            let partNodes = try a.array(f[4], path + ".parts")
            guard partNodes.count >= 2 else {
                throw a.error(.tooFewParts, f[4], path + ".parts", "a MultiPart needs at least 2 parts, found \(partNodes.count)")
            }
            var parts: [NestedPart] = []
            for (i, p) in partNodes.enumerated() {
                parts.append(try nestedPart(p, path: "\(path).parts[\(i)]", a: a, depth: depth + 1))
            }
            body = .multi(MultiPart(semantics: PartSemantics(rawValue: sem), parts: parts))
        }
        return NestedPart(disposition: Disposition(rawValue: UInt8(dispo)), language: language, body: body)
    }
}
