import Testing
import CBOR
import MIMIContent

/// One test per semantic rule: a message breaking it yields exactly that finding.
struct ValidationTests {
    func codes(_ m: MimiContent, _ context: ValidationContext = ValidationContext()) -> [FindingCode] {
        ContentValidator.validate(m, context: context).map(\.code)
    }

    @Test func sampleMessageIsClean() {
        #expect(codes(sampleMessage()).isEmpty)
    }

    @Test func topicIdLimit() {
        var m = sampleMessage()
        m.topicId = [UInt8](repeating: 1, count: 4096)
        #expect(codes(m).isEmpty)
        m.topicId.append(1)
        #expect(codes(m) == [.topicIdTooLong])
    }

    @Test func expiryBounds() {
        var m = sampleMessage()
        let now: UInt64 = 1_700_000_000
        let ctx = ValidationContext(now: now)
        m.expires = Expiration(relative: false, time: UInt32(now - ContentValidator.yearSeconds - 1))
        #expect(codes(m, ctx) == [.expiryTooFarInPast])
        m.expires = Expiration(relative: false, time: UInt32(now + ContentValidator.yearSeconds + 1))
        #expect(codes(m, ctx) == [.expiryTooFarInFuture])
        m.expires = Expiration(relative: true, time: UInt32(ContentValidator.yearSeconds + 1))
        #expect(codes(m) == [.expiryTooFarInFuture])
        m.expires = Expiration(relative: false, time: UInt32(now + 600))
        #expect(codes(m, ctx).isEmpty)
        // Without a clock, absolute expiry bounds are not checked.
        m.expires = Expiration(relative: false, time: 1)
        #expect(codes(m).isEmpty)
    }

    static func nest(depth: Int) -> NestedPart {
        let leaf = NestedPart(body: .single(SinglePart(contentType: "text/plain", content: [0x61])))
        var p = leaf
        for _ in 1..<depth { p = NestedPart(body: .multi(MultiPart(semantics: .processAll, parts: [p, leaf]))) }
        return p
    }

    @Test func nestedPartDepthAndCount() {
        var m = sampleMessage()
        m.nestedPart = Self.nest(depth: 4)
        #expect(codes(m).isEmpty)
        m.nestedPart = Self.nest(depth: 5)
        #expect(codes(m) == [.nestedPartDepth])
        let leaf = NestedPart(body: .single(SinglePart(contentType: "text/plain", content: [0x61])))
        m.nestedPart = NestedPart(body: .multi(MultiPart(semantics: .processAll, parts: Array(repeating: leaf, count: 1023))))
        #expect(codes(m).isEmpty)
        m.nestedPart = NestedPart(body: .multi(MultiPart(semantics: .processAll, parts: Array(repeating: leaf, count: 1024))))
        #expect(codes(m) == [.partCount])
    }

    @Test func unknownSemanticsAndUnknownDisposition() {
        var m = sampleMessage()
        let leaf = NestedPart(disposition: Disposition(rawValue: 200), body: .single(SinglePart(contentType: "x/y", content: [])))
        m.nestedPart = NestedPart(body: .multi(MultiPart(semantics: .unknown(3), parts: [leaf, leaf])))
        #expect(codes(m) == [.unknownPartSemantics])
        // §9.1: an unknown disposition is not an error and is treated as render.
        #expect(leaf.disposition.effective == .render && !leaf.disposition.isKnown)
    }

    @Test func extensionRules() {
        var m = sampleMessage()
        m.extensions[.unsigned(1 << 53)] = .null
        #expect(codes(m) == [.extensionKeyRange])
        m = sampleMessage()
        m.extensions[.unsigned(0)] = .null
        #expect(codes(m) == [.reservedExtensionKey])
        m = sampleMessage()
        m.extensions[.unsigned(300)] = .map([CBORMapEntry(key: .array([]), value: .null)])
        #expect(codes(m) == [.nestedMapKeyType])
        m = sampleMessage()
        // The draft's own depth example: map (1) → array (2) → array (3) → tag 32 (4) is allowed.
        m.extensions[.unsigned(256)] = .array([.array([.bytes([0x12, 0x34]), .tagged(32, .text("http://example.com"))])])
        #expect(codes(m).isEmpty)
        m.extensions[.unsigned(256)] = .array([.array([.array([.unsigned(1)])])])
        #expect(codes(m).isEmpty)
        m.extensions[.unsigned(256)] = .array([.array([.array([.tagged(1, .unsigned(1))])])])
        #expect(codes(m) == [.extensionDepth])
        m = sampleMessage()
        m.extensions[.text("x-float")] = .float(CBORFloat(1.5))
        #expect(codes(m) == [.floatUsed])
        #expect(ContentValidator.validate(m).allSatisfy { !$0.isError })
    }

    @Test func extensionValueSizeOnlyUnderDraft07() {
        var m = sampleMessage()
        m.extensions[.unsigned(300)] = .bytes([UInt8](repeating: 0, count: 4093))
        #expect(codes(m, ValidationContext(draft: .draft07)) == [.extensionValueSize])
        #expect(codes(m, ValidationContext(draft: .draft08)).isEmpty)
    }

    @Test func referencedHashAlgorithm() {
        var m = sampleMessage()
        m.inReplyTo = MessageID([0x02] + [UInt8](repeating: 0, count: 31))
        #expect(codes(m) == [.unknownHashAlgorithm])
    }

    @Test func contextChecks() {
        let m = sampleMessage()
        #expect(codes(m, ValidationContext(now: 1000, hubTimestampMillis: 2_000_000)) == [.timestampInFuture])
        #expect(codes(m, ValidationContext(now: 1000, hubTimestampMillis: 1_200_000)).isEmpty)
        #expect(codes(m, ValidationContext(hubTimestampMillis: 5, roomCreatedMillis: 10)) == [.timestampBeforeRoom])
        #expect(codes(m, ValidationContext(members: ["mimi://example.com/u/bob"])) == [.senderNotMember])
    }

    @Test func bodyRules() {
        var m = sampleMessage()
        m.nestedPart = NestedPart(body: .null)
        #expect(codes(m) == [.nullPartWithoutReplaces])
        m.replaces = id("01" + String(repeating: "ab", count: 31))
        #expect(codes(m).isEmpty)

        m = sampleMessage()
        m.nestedPart = NestedPart(disposition: .reaction, body: .single(SinglePart(contentType: "text/plain;charset=utf-8", content: Array("\u{2764}\u{1F973}".utf8))))
        #expect(codes(m) == [.concatenatedReactions])
        // One grapheme cluster of five scalars (health worker, medium skin tone) is one reaction (§5.3).
        m.nestedPart = NestedPart(disposition: .reaction, body: .single(SinglePart(contentType: "text/plain;charset=utf-8",
            content: hexBytes("f09f91a9f09f8fbde2808de29a95efb88f"))))
        #expect(codes(m).isEmpty)

        m = sampleMessage()
        m.nestedPart.language = "en US"
        #expect(codes(m) == [.languageTagSyntax])
        m.nestedPart.language = "en-US,fr"
        #expect(codes(m).isEmpty)

        m = sampleMessage()
        m.salt = [UInt8](repeating: 0, count: 16)
        #expect(codes(m) == [.weakSalt])

        m = sampleMessage()
        m.extensions = MimiExtensions(senderUri: nil, roomUri: "mimi://example.com/r/room")
        #expect(codes(m) == [.missingUri])
    }

    @Test func cidReferences() {
        var m = sampleMessage()
        let html = NestedPart(body: .single(SinglePart(contentType: "text/html", content: Array("<img src=\"cid:0@local.invalid\">".utf8))))
        let img = NestedPart(body: .single(SinglePart(contentType: "image/png", content: [1])))
        m.nestedPart = NestedPart(body: .multi(MultiPart(semantics: .processAll, parts: [html, img])))
        #expect(codes(m) == [.cidTarget])
        #expect(PartIndex.contentIDReferences(in: "a cid:12@local.invalid b cid:x@local.invalid cid:3@local.invalid") == [12, 3])
    }

    @Test func externalParts() {
        var m = sampleMessage()
        var e = ExternalPart(contentType: "", url: "https://example.com/join/1")
        m.nestedPart = NestedPart(disposition: .session, body: .external(e))
        #expect(codes(m).isEmpty)
        e.key = [1]
        m.nestedPart = NestedPart(body: .external(e))
        #expect(codes(m) == [.externalEncryptionFields])
        e = ExternalPart(contentType: "video/mp4", url: "https://e/x", encAlg: 1, key: [UInt8](repeating: 1, count: 16),
                         nonce: [UInt8](repeating: 2, count: 12), hashAlg: 1, contentHash: [1, 2])
        m.nestedPart = NestedPart(body: .external(e))
        #expect(codes(m) == [.externalHashLength])
    }

    @Test func findingsCiteTheirRequirement() {
        var m = sampleMessage()
        m.nestedPart = Self.nest(depth: 5)
        let f = ContentValidator.validate(m)
        #expect(f.first?.requirement.citation == "draft-ietf-mimi-content-08 §6.3 MUST NOT")
        #expect(f.first?.identifier == "validation.nestedPartDepth")
        #expect(f.first?.isError == true)
    }

    @Test func draft07ToleratesNonDeterministicEncodingWithAWarning() throws {
        // original-like message with a non-shortest integer (disposition 1 as 0x1801).
        let m = sampleMessage()
        var bytes = m.encoded
        let at = try #require(bytes.firstIndex(of: 0x85))
        bytes.replaceSubrange((at + 1)...(at + 1), with: [0x18, 0x01])
        #expect(throws: ContentError.self) { try ContentDecoder.decode(bytes, draft: .draft08) }
        let findings = try ContentValidator.validate(bytes, context: ValidationContext(draft: .draft07))
        #expect(findings.map(\.code) == [.nonDeterministicEncoding])
        #expect(findings.allSatisfy { !$0.isError })
    }
}
