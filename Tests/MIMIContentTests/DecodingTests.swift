import Testing
import CBOR
import MIMIContent

/// Schema errors name the field, the offset and the rule.
struct DecodingTests {
    func error(_ v: CBOR) -> ContentError? {
        do {
            _ = try ContentDecoder.decode(v.encoded)
            return nil
        } catch {
            return error
        }
    }

    func fields(_ m: MimiContent) -> [CBOR] { ContentEncoder.cbor(m).arrayValue ?? [] }

    @Test func schemaViolations() {
        var f = fields(sampleMessage())
        #expect(error(.array(Array(f.prefix(6))))?.identifier == "content.messageShape")
        f[0] = .bytes([1, 2, 3])
        let e = error(.array(f))
        #expect(e?.identifier == "content.saltSize" && e?.field == "salt" && e?.offset == 1)
        f = fields(sampleMessage()); f[1] = .bytes([1])
        #expect(error(.array(f))?.identifier == "content.messageIdSize")
        f = fields(sampleMessage()); f[2] = .text("topic")
        #expect(error(.array(f))?.identifier == "content.typeMismatch")
        f = fields(sampleMessage()); f[3] = .array([.bool(true)])
        #expect(error(.array(f))?.identifier == "content.expirationShape")
        f = fields(sampleMessage()); f[3] = .array([.bool(true), .unsigned(1 << 32)])
        #expect(error(.array(f))?.identifier == "content.integerRange")
        f = fields(sampleMessage()); f[5] = .map([CBORMapEntry(key: .bytes([1]), value: .null)])
        #expect(error(.array(f))?.identifier == "content.extensionKeyType")
        f = fields(sampleMessage()); f[5] = .map([CBORMapEntry(key: .text(""), value: .null)])
        #expect(error(.array(f))?.identifier == "content.extensionKeyLength")
        f = fields(sampleMessage()); f[5] = .map([CBORMapEntry(key: .text(String(repeating: "k", count: 256)), value: .null)])
        #expect(error(.array(f))?.identifier == "content.extensionKeyLength")
        f = fields(sampleMessage()); f[5] = .map([CBORMapEntry(key: .unsigned(1), value: .bytes([]))])
        #expect(error(.array(f))?.identifier == "content.extensionValueType")
        f = fields(sampleMessage()); f[6] = .array([.unsigned(1), .text(""), .unsigned(4)])
        #expect(error(.array(f))?.identifier == "content.unknownCardinality")
        f = fields(sampleMessage()); f[6] = .array([.unsigned(1), .text(""), .unsigned(1), .text("text/plain")])
        #expect(error(.array(f))?.identifier == "content.partShape")
        f = fields(sampleMessage()); f[6] = .array([.unsigned(256), .text(""), .unsigned(0)])
        #expect(error(.array(f))?.identifier == "content.integerRange")
        f = fields(sampleMessage())
        f[6] = .array([.unsigned(1), .text(""), .unsigned(3), .unsigned(0), .array([ContentEncoder.cbor(sampleMessage().nestedPart)])])
        let few = error(.array(f))
        #expect(few?.identifier == "content.tooFewParts" && few?.field == "nestedPart.parts")
    }

    @Test func cborErrorsPassThroughWithTheirCode() {
        var bytes = sampleMessage().encoded
        bytes.append(0)
        #expect(throws: ContentError.self) { try ContentDecoder.decode(bytes) }
        do {
            _ = try ContentDecoder.decode(bytes)
        } catch {
            #expect(error.identifier == "cbor.trailingBytes" && error.offset == bytes.count - 1)
            #expect(error.description.contains("RFC8949"))
        }
    }

    @Test func unknownExtensionsArePreservedAndReencodeIdentically() throws {
        var m = sampleMessage()
        m.extensions[.negative(4)] = .array([.text("x"), .map([CBORMapEntry(key: .bytes([1]), value: .tagged(32, .text("http://e")))])])
        m.extensions[.text("vendor")] = .bytes([9])
        let bytes = m.encoded
        let decoded = try ContentDecoder.decode(bytes)
        #expect(decoded.encoded == bytes)
        #expect(decoded.extensions[.negative(4)] == m.extensions[.negative(4)])
    }

    @Test func messageIDConstruction() throws {
        // -08 and -07 differ only by the two 16-bit length prefixes (§3.3).
        let m = sampleMessage()
        let a = try m.messageID(draft: .draft08)
        let b = try m.messageID(draft: .draft07)
        #expect(a != b && a.hashAlgorithm == 1 && b.bytes.count == 32)
        let missing = #expect(throws: ContentError.self) {
            try MimiContent(salt: m.salt, extensions: MimiExtensions(senderUri: "s", roomUri: nil), nestedPart: m.nestedPart).messageID()
        }
        #expect(missing?.code == .content(.missingUri) && missing?.field == "roomUri" && missing?.offset == nil)
        let tooLong = #expect(throws: ContentError.self) { try m.messageID(senderUri: String(repeating: "a", count: 70000)) }
        #expect(tooLong?.code == .content(.uriTooLong) && tooLong?.field == "senderUri")
        #expect(try m.messageID(draft: .draft07, senderUri: String(repeating: "a", count: 70000)).bytes.count == 32)
    }
}
