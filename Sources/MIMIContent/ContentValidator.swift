import CBOR

/// What the receiver knows besides the message, for the checks that need it (draft-ietf-mimi-content-08 §9.1).
/// Every field is optional; a check whose input is missing is not made.
public struct ValidationContext: Sendable {
    public var draft: ContentDraft
    /// The receiver's clock, UNIX seconds (expiry bounds).
    public var now: UInt64?
    /// The hub's accepted timestamp of the message, milliseconds since the epoch (§3.4).
    public var hubTimestampMillis: UInt64?
    /// When the room was created, milliseconds since the epoch.
    public var roomCreatedMillis: UInt64?
    /// Sender URIs of the group's members.
    public var members: Set<String>?
    /// How far in the future a hub timestamp may be before it counts as "a few minutes in the future", in seconds.
    public var clockSkewSeconds: UInt64

    public init(draft: ContentDraft = .default, now: UInt64? = nil, hubTimestampMillis: UInt64? = nil,
                roomCreatedMillis: UInt64? = nil, members: Set<String>? = nil, clockSkewSeconds: UInt64 = 300) {
        self.draft = draft
        self.now = now
        self.hubTimestampMillis = hubTimestampMillis
        self.roomCreatedMillis = roomCreatedMillis
        self.members = members
        self.clockSkewSeconds = clockSkewSeconds
    }
}

/// Semantic validation of one decoded message: the data-model and depth rules of draft-ietf-mimi-content-08 §6.2
/// and §6.3, the "treat as malicious" list of §9.1, and the rules of §4 and §5 that can be checked on one message.
/// Cross-message rules (reply loops, edits) are in ``ConversationValidator``.
public enum ContentValidator {
    public static let maxNestedPartDepth = 4
    public static let maxParts = 1024
    public static let maxTopicIdLength = 4096
    public static let maxExtensionDepth = 4
    /// "A year" for the expiry bounds of §9.1: 365 days.
    public static let yearSeconds: UInt64 = 365 * 86_400
    /// Largest integer key magnitude: 2^53 - 1 (§6.2).
    public static let maxIntegerKey: UInt64 = (1 << 53) - 1

    /// Decodes and validates; a decoding failure is returned as the error, findings otherwise.
    public static func validate(_ bytes: [UInt8], context: ValidationContext = ValidationContext()) throws(ContentError) -> [ContentFinding] {
        let decoded = try ContentDecoder.decodeDetailed(bytes, draft: context.draft)
        return validate(decoded, context: context)
    }

    public static func validate(_ decoded: ContentDecoder.Decoded, context: ValidationContext = ValidationContext()) -> [ContentFinding] {
        var out: [ContentFinding] = []
        for r in decoded.relaxations {
            out.append(ContentFinding(.nonDeterministicEncoding, .warning, ContentRequirements.deterministicEncoding(.draft08),
                path: "byte \(r.offset)", "\(r.identifier): \(r.reason) (allowed by -07, rejected by -08 §6.1)"))
        }
        out += validate(decoded.content, context: context)
        return out
    }

    public static func validate(_ m: MimiContent, context: ValidationContext = ValidationContext()) -> [ContentFinding] {
        var out: [ContentFinding] = []
        let d = context.draft
        checkExtensions(m.extensions, draft: d, into: &out)
        checkBody(m, draft: d, into: &out)
        if m.topicId.count > maxTopicIdLength {
            out.append(ContentFinding(.topicIdTooLong, .error, ContentRequirements.topicId(d), path: "topicId",
                                      "topicId is \(m.topicId.count) octets (limit \(maxTopicIdLength))"))
        }
        checkExpiry(m.expires, context: context, into: &out)
        for (name, id) in [("replaces", m.replaces), ("inReplyTo", m.inReplyTo)] {
            if let id, id.hashAlgorithm != MessageID.sha256 {
                out.append(ContentFinding(.unknownHashAlgorithm, .error, ContentRequirements.hashAlgorithm(d), path: name,
                    "message ID starts with hash algorithm \(id.hashAlgorithm); only 1 (sha-256) is defined"))
            }
        }
        if m.extensions.senderUri == nil || m.extensions.roomUri == nil {
            out.append(ContentFinding(.missingUri, .warning, ContentRequirements.messageIdInputs(d), path: "mimiExtensions",
                "no \(m.extensions.senderUri == nil ? "senderUri (1)" : "roomUri (2)"): a receiver must learn it elsewhere to compute the message ID"))
        }
        if Set(m.salt).count <= 1 {
            out.append(ContentFinding(.weakSalt, .warning, ContentRequirements.salt(d), path: "salt",
                                      "salt is 16 copies of one octet; it cannot be cryptographically random"))
        }
        if case .null = m.nestedPart.body, m.replaces == nil {
            out.append(ContentFinding(.nullPartWithoutReplaces, .warning, ContentRequirements.nullPart(d), path: "nestedPart",
                                      "a NullPart body without replaces is neither a delete nor an unlike"))
        }
        checkContext(m, context: context, into: &out)
        return out
    }

    static func checkExtensions(_ e: MimiExtensions, draft d: ContentDraft, into out: inout [ContentFinding]) {
        for entry in e.entries {
            let path = "mimiExtensions[\(entry.key)]"
            switch entry.key {
            case .unsigned(let n) where n > maxIntegerKey, .negative(let n) where n >= maxIntegerKey:
                out.append(ContentFinding(.extensionKeyRange, .error, ContentRequirements.integerKeyRange(d), path: path,
                                          "integer key \(entry.key) is outside ±(2^53-1)"))
            case .unsigned(0):
                out.append(ContentFinding(.reservedExtensionKey, .warning, ContentRequirements.reservedKey(d), path: path,
                                          "key 0 is reserved in the MIMI Content Extension Keys registry"))
            default: break
            }
            if d == .draft08 {
                checkNested(entry.value, level: 2, path: path, draft: d, into: &out)
            }
            if d == .draft07 {
                let size = entry.value.encoded.count
                if size > 4095 {
                    out.append(ContentFinding(.extensionValueSize, .error, ContentRequirements.extensionValueSize(d), path: path,
                                              "extension value is \(size) octets encoded (limit 4095)"))
                }
            }
        }
    }

    /// Walks an extension value: containers at `level` (the extensions map is level 1), nested map keys, floats.
    static func checkNested(_ v: CBOR, level: Int, path: String, draft d: ContentDraft, into out: inout [ContentFinding]) {
        func tooDeep() {
            out.append(ContentFinding(.extensionDepth, .error, ContentRequirements.extensionDepth(d), path: path,
                                      "a \(v.typeName) at level \(level) (limit \(maxExtensionDepth))"))
        }
        switch v {
        case .array(let items):
            if level > maxExtensionDepth { tooDeep(); return }
            for (i, item) in items.enumerated() { checkNested(item, level: level + 1, path: "\(path)[\(i)]", draft: d, into: &out) }
        case .map(let entries):
            if level > maxExtensionDepth { tooDeep(); return }
            for e in entries {
                switch e.key {
                case .unsigned(let n) where n > maxIntegerKey, .negative(let n) where n >= maxIntegerKey:
                    out.append(ContentFinding(.extensionKeyRange, .error, ContentRequirements.integerKeyRange(d), path: path,
                                              "integer key \(e.key.diagnostic) is outside ±(2^53-1)"))
                case .unsigned, .negative, .text, .bytes: break
                default:
                    out.append(ContentFinding(.nestedMapKeyType, .error, ContentRequirements.nestedMapKeys(d), path: path,
                                              "map key of type \(e.key.typeName) (\(e.key.diagnostic))"))
                }
                checkNested(e.value, level: level + 1, path: "\(path)[\(e.key.diagnostic)]", draft: d, into: &out)
            }
        case .tagged(let tag, let content):
            if level > maxExtensionDepth { tooDeep(); return }
            // Tags 80-87 carry typed arrays of floats (RFC 8746); their content is a byte string.
            checkNested(content, level: level + 1, path: "\(path).\(tag)", draft: d, into: &out)
        case .float:
            out.append(ContentFinding(.floatUsed, .warning, ContentRequirements.floats(d), path: path, "floating-point value \(v.diagnostic)"))
        default:
            break
        }
    }

    static func checkBody(_ m: MimiContent, draft d: ContentDraft, into out: inout [ContentFinding]) {
        let parts = PartIndex.enumerate(m.nestedPart)
        if parts.count > maxParts {
            out.append(ContentFinding(.partCount, .error, ContentRequirements.partCount(d), path: "nestedPart",
                                      "the body has \(parts.count) parts (limit \(maxParts))"))
        }
        if let deepest = parts.max(by: { $0.depth < $1.depth }), deepest.depth > maxNestedPartDepth {
            out.append(ContentFinding(.nestedPartDepth, .error, ContentRequirements.nestedPartDepth(d), path: deepest.path,
                                      "NestedPart at depth \(deepest.depth) (limit \(maxNestedPartDepth))"))
        }
        for p in parts {
            if !isLanguageList(p.part.language) {
                out.append(ContentFinding(.languageTagSyntax, .warning, ContentRequirements.language(d), path: p.path + ".language",
                                          "\(EDN.quote(p.part.language)) is not a comma-separated list of language tags"))
            }
            switch p.part.body {
            case .multi(let mp):
                if case .unknown(let v) = mp.semantics {
                    out.append(ContentFinding(.unknownPartSemantics, .error, ContentRequirements.unknownSemantics(d),
                                              path: p.path + ".partSemantics", "partSemantics \(v) is not chooseOne 0, singleUnit 1 or processAll 2"))
                }
            case .single(let s):
                if PartIndex.isContainer(s.contentType) {
                    for target in PartIndex.contentIDReferences(in: String(decoding: s.content, as: UTF8.self)) {
                        let ok = target < parts.count && {
                            switch parts[target].part.body {
                            case .single, .external: return true
                            default: return false
                            }
                        }()
                        if !ok {
                            let what = target < parts.count ? "a \(parts[target].part.cardinality) part" : "no part"
                            out.append(ContentFinding(.cidTarget, .error, ContentRequirements.cid(d), path: p.path + ".content",
                                                      "cid:\(target)@local.invalid names \(what)"))
                        }
                    }
                }
                if p.part.disposition == .reaction, PartResolver.bareType(s.contentType) == "text/plain" {
                    let text = String(decoding: s.content, as: UTF8.self)
                    if text.count > 1 {
                        out.append(ContentFinding(.concatenatedReactions, .error, ContentRequirements.reactions(d), path: p.path + ".content",
                            "a text reaction of \(text.count) grapheme clusters (\(EDN.quote(text))); send one part per reaction"))
                    }
                }
            case .external(let e):
                checkExternal(e, path: p.path, draft: d, into: &out)
            case .null:
                break
            }
        }
    }

    static func checkExternal(_ e: ExternalPart, path: String, draft d: ContentDraft, into out: inout [ContentFinding]) {
        if e.encAlg == 0 {
            if !e.key.isEmpty || !e.nonce.isEmpty || !e.aad.isEmpty {
                out.append(ContentFinding(.externalEncryptionFields, .error, ContentRequirements.external(d), path: path,
                                          "encAlg is 0 (no encryption) but key, nonce or aad is not empty"))
            }
        } else if e.encAlg == 1 || e.encAlg == 2 {
            // RFC 5116: AEAD_AES_128_GCM (1) key 16, AEAD_AES_256_GCM (2) key 32; both nonce 12.
            let keyLength = e.encAlg == 1 ? 16 : 32
            if e.key.count != keyLength || e.nonce.count != 12 {
                out.append(ContentFinding(.externalEncryptionFields, .error, ContentRequirements.external(d), path: path,
                    "encAlg \(e.encAlg) needs a \(keyLength)-octet key and a 12-octet nonce, found \(e.key.count) and \(e.nonce.count)"))
            }
        } else if e.key.isEmpty {
            out.append(ContentFinding(.externalEncryptionFields, .error, ContentRequirements.external(d), path: path,
                                      "encAlg \(e.encAlg) with an empty key"))
        }
        let expected: Int? = switch e.hashAlg {
        case 0: 0
        case 1: 32      // sha-256
        case 2: 16      // sha-256-128
        case 3: 15      // sha-256-120
        case 4: 12      // sha-256-96
        case 5: 8       // sha-256-64
        case 6: 4       // sha-256-32
        case 7: 48      // sha-384
        case 8: 64      // sha-512
        default: nil
        }
        if let expected, e.contentHash.count != expected {
            out.append(ContentFinding(.externalHashLength, .error, ContentRequirements.externalHash(d), path: path + ".contentHash",
                                      "hashAlg \(e.hashAlg) gives \(expected)-octet hashes, found \(e.contentHash.count)"))
        }
    }

    static func checkExpiry(_ x: Expiration?, context: ValidationContext, into out: inout [ContentFinding]) {
        guard let x else { return }
        let d = context.draft
        if x.relative {
            if UInt64(x.time) > yearSeconds {
                out.append(ContentFinding(.expiryTooFarInFuture, .error, ContentRequirements.expiry(d), path: "expires.time",
                                          "relative expiry of \(x.time) s is more than a year"))
            }
            return
        }
        guard let now = context.now else { return }
        let t = UInt64(x.time)
        if t + yearSeconds < now {
            out.append(ContentFinding(.expiryTooFarInPast, .error, ContentRequirements.expiry(d), path: "expires.time",
                                      "absolute expiry \(t) is more than a year before now (\(now))"))
        } else if t > now + yearSeconds {
            out.append(ContentFinding(.expiryTooFarInFuture, .error, ContentRequirements.expiry(d), path: "expires.time",
                                      "absolute expiry \(t) is more than a year after now (\(now))"))
        }
    }

    static func checkContext(_ m: MimiContent, context: ValidationContext, into out: inout [ContentFinding]) {
        let d = context.draft
        if let ts = context.hubTimestampMillis {
            if let now = context.now, ts / 1000 > now + context.clockSkewSeconds {
                out.append(ContentFinding(.timestampInFuture, .error, ContentRequirements.timestamp(d), path: "hubAcceptedTimestamp",
                                          "hub timestamp \(ts) ms is more than \(context.clockSkewSeconds) s after now (\(now) s)"))
            }
            if let created = context.roomCreatedMillis, ts < created {
                out.append(ContentFinding(.timestampBeforeRoom, .error, ContentRequirements.timestamp(d), path: "hubAcceptedTimestamp",
                                          "hub timestamp \(ts) ms is before the room was created (\(created) ms)"))
            }
        }
        if let members = context.members, let sender = m.extensions.senderUri, !members.contains(sender) {
            out.append(ContentFinding(.senderNotMember, .error, ContentRequirements.member(d), path: "mimiExtensions[1]",
                                      "sender \(sender) is not a member of the group"))
        }
    }

    /// RFC 5646 shape, loosely: tags of letters, digits and hyphens, subtags of 1-8 characters, comma-separated.
    static func isLanguageList(_ s: String) -> Bool {
        if s.isEmpty { return true }
        for tag in s.split(separator: ",", omittingEmptySubsequences: false) {
            let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
            guard let first = subtags.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
            for sub in subtags.dropFirst() {
                guard (1...8).contains(sub.count), sub.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return false }
            }
        }
        return true
    }
}

extension ContentFinding {
    public var isError: Bool { severity == .error }
}
