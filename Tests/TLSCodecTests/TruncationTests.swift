import Testing
import TLSCodec

/// Every prefix of a valid encoding is an error, never a success and never a trap, and the error names the field
/// that was being read and the offset where it starts.
@Suite("Truncation at every position (RFC 9420 §2.1)")
struct TruncationTests {
    /// For a prefix of `length` bytes of ``Sample/example``: the rule, field and offset of the expected error.
    static func expected(length n: Int) -> (TLSCodecError.Code, String, Int) {
        switch n {
        case 0: return (.truncated, "Sample.version", 0)
        case 1...4: return (.truncated, "Sample.id", 1)
        case 5: return (.truncated, "Sample.name", 5)
        case 6...8: return (.lengthExceedsInput, "Sample.name", 5)
        case 9: return (.truncated, "Sample.items", 9)
        case 10...17: return (.lengthExceedsInput, "Sample.items", 9)
        case 18: return (.truncated, "Sample.extra", 18)
        case 19...20: return (.truncated, "Sample.extra.tag", 19)
        case 21: return (.truncated, "Sample.extra.data", 21)
        case 22: return (.lengthExceedsInput, "Sample.extra.data", 21)
        default: return (.truncated, "Sample.counter", 23)
        }
    }

    @Test("each prefix fails with the field and offset of the cut", arguments: 0..<31)
    func prefix(length: Int) {
        let bytes = Array(Sample.example.tlsEncoded.prefix(length))
        let e = decodeError(Sample.self, bytes)
        let (code, field, offset) = Self.expected(length: length)
        #expect(e?.code == code)
        #expect(e?.field == field)
        #expect(e?.offset == offset)
    }

    @Test("an element cut inside its list names the element")
    func elementCut() {
        // Shrink items to 7 bytes: items[1].tag is followed by nothing, so its data header is missing.
        var bytes = Sample.example.tlsEncoded
        bytes[9] = 7
        bytes.remove(at: 17)
        let e = decodeError(Sample.self, bytes)
        #expect(e?.code == .truncated)
        #expect(e?.field == "Sample.items.[1].data")
        #expect(e?.offset == 17)
    }

    @Test("a fixed-width integer past the end is truncated at its own offset")
    func fixedWidth() {
        var r = TLSReader([0x01, 0x02, 0x03])
        let e = #expect(throws: TLSCodecError.self) { try r.readUInt32("n") }
        #expect(e?.code == .truncated)
        #expect(e?.field == "n")
        #expect(e?.offset == 0)
        #expect(r.offset == 0)
    }
}
