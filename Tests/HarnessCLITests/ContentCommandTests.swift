import Testing
import Foundation
@testable import HarnessCLI

/// `mimi-harness content …`: input detection, encode from a description, id, decode and validate.
struct ContentCommandTests {
    static let originalSpec = """
    salt: 5eed9406c2545547ab6f09f20a18b003
    senderUri: mimi://example.com/u/alice-smith
    roomUri: mimi://example.com/r/engineering_team
    body:
      disposition: render
      contentType: text/markdown;variant=GFM-MIMI
      content: "Hi everyone, we just shipped release 2.0. __Good  work__!"
    """

    @Test func encodeRebuildsTheDraftsOriginalExample() throws {
        let bytes = try ContentOperations.encode(spec: Self.originalSpec)
        #expect(bytes.count == 193)
        #expect(try ContentOperations.messageID(bytes, draft: .draft08) == "017ce54837404c3696e0c747b985cb172716d0ed0a3d249ca63ace7d82a096f4")
        #expect(try ContentOperations.messageID(bytes, draft: .draft07) == "01b0084467273cc43d6f0ebeac13eb84229c4fffe8f6c3594c905f47779e5a79")
    }

    @Test func encodeAcceptsJSONAndEveryBodyKind() throws {
        let json = """
        {"senderUri": "mimi://a/u/x", "roomUri": "mimi://a/r/y", "topicId": {"hex": "0102"},
         "expires": {"relative": true, "time": 60}, "extensions": {"300": [1, "x", {"hex": "ff"}], "vendor": true},
         "body": {"semantics": "chooseOne", "parts": [
            {"contentType": "text/plain", "content": "a", "language": "en"},
            {"disposition": "attachment", "external": {"contentType": "image/png", "url": "https://e/x", "encAlg": 1,
              "key": "00112233445566778899aabbccddeeff", "nonce": "000102030405060708090a0b", "hashAlg": 1,
              "contentHash": "\(String(repeating: "ab", count: 32))", "size": 1000}}]}}
        """
        let bytes = try ContentOperations.encode(spec: json, seed: 42)
        let out = ContentOperations.validate(bytes, context: .init(now: 1_700_000_000))
        #expect(out.ok, "\(out.text)")
        #expect(out.text.contains("parts: 3"))
        // Same seed, same salt, same bytes.
        #expect(try ContentOperations.encode(spec: json, seed: 42) == bytes)
        #expect(try ContentOperations.encode(spec: json, seed: 43) != bytes)
        let decoded = ContentOperations.decode(bytes)
        #expect(decoded.text.contains("300: [1, \"x\", h'ff']"))
        #expect(decoded.text.contains("# partSemantics = chooseOne"))
        #expect(decoded.text.contains("encAlg = AES-128-GCM"))
    }

    @Test func encodeReportsMistakesWithTheirLine() {
        #expect(throws: ContentSpec.Failure.self) { try ContentOperations.encode(spec: "body:\n  disposition: sideways\n  contentType: a\n") }
        do {
            _ = try ContentOperations.encode(spec: "salt: 00\nbody: {null: true}\n")
        } catch {
            #expect("\(error)".contains("line 1") && "\(error)".contains("16 octets"))
        }
        #expect(throws: ContentSpec.Failure.self) { try ContentOperations.encode(spec: "bodee: {}\n") }
    }

    @Test func inputFormatsAreDetected() throws {
        let bytes = try ContentOperations.encode(spec: Self.originalSpec)
        let hex = Array(bytes.map { String(format: "%02x", $0) }.joined().utf8)
        #expect(try ContentInput.decode(hex + [0x0a]) == (bytes, .hex))
        #expect(try ContentInput.decode(Array(Data(bytes).base64EncodedString().utf8)).bytes == bytes)
        #expect(try ContentInput.decode(Array(Data(bytes).base64EncodedString().utf8)).format == .base64)
        #expect(try ContentInput.decode(bytes).format == .binary)
        #expect(throws: ContentInput.Failure.self) { try ContentInput.decode(Array("zz".utf8), format: .hex) }
    }

    @Test func validateFailsOnAnInvalidMessageWithItsFindings() throws {
        var bytes = try ContentOperations.encode(spec: Self.originalSpec)
        let invalidCBOR = ContentOperations.validate(bytes + [0], context: .init())
        #expect(!invalidCBOR.ok && invalidCBOR.text.contains("cbor.trailingBytes"))
        let tooDeep = """
        senderUri: s
        roomUri: r
        topicId: x
        body: {parts: [{parts: [{parts: [{parts: [{null: true}, {null: true}]}, {null: true}]}, {null: true}]}, {null: true}]}
        """
        bytes = try ContentOperations.encode(spec: tooDeep)
        let out = ContentOperations.validate(bytes, context: .init())
        #expect(!out.ok)
        #expect(out.text.contains("validation.nestedPartDepth") && out.text.contains("§6.3 MUST NOT"))
        let decoded = ContentOperations.decode(bytes + [0])
        #expect(!decoded.ok && decoded.text.contains("cbor.trailingBytes"))
    }

    @Test func commandLineParses() throws {
        let v = try ContentCommand.Validate.parse(["--now", "5", "--draft", "07", "--member", "a", "b", "--", "m.cbor"])
        #expect(v.now == 5 && v.input.draft == "07" && v.member == ["a", "b"] && v.input.file == "m.cbor")
        let id = try ContentCommand.ID.parse(["--draft", "07", "-"])
        #expect(id.input.file == "-")
        #expect(throws: (any Error).self) { try ContentCommand.ID.parse([]) }
        let e = try ContentCommand.Encode.parse(["spec.yaml", "--output", "m.cbor", "--seed", "9"])
        #expect(e.output == "m.cbor" && e.seed == 9)
        #expect(HarnessCommands.all.contains { $0 == ContentCommand.self })
    }
}
