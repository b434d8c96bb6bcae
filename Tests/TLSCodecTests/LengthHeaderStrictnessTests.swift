import Testing
import TLSCodec

/// RFC 9420 §2.1.2: 1-, 2- and 4-byte headers chosen by the top two bits, minimal encoding only, no 0b11 prefix.
@Suite("Variable-length headers are strict (RFC 9420 §2.1.2)")
struct LengthHeaderStrictnessTests {
    struct NonMinimal: Sendable, CustomTestStringConvertible {
        let hex: String
        let value: Int
        let minimal: Int
        var testDescription: String { "\(hex) = \(value)" }
    }

    static let nonMinimal: [NonMinimal] = [
        // 2-byte headers for values that fit in 1 byte.
        NonMinimal(hex: "4000", value: 0, minimal: 1),
        NonMinimal(hex: "4001", value: 1, minimal: 1),
        NonMinimal(hex: "403f", value: 63, minimal: 1),
        // 4-byte headers for values that fit in 1 byte.
        NonMinimal(hex: "80000000", value: 0, minimal: 1),
        NonMinimal(hex: "8000003f", value: 63, minimal: 1),
        // 4-byte headers for values that fit in 2 bytes.
        NonMinimal(hex: "80000040", value: 64, minimal: 2),
        NonMinimal(hex: "80003fff", value: 16383, minimal: 2),
    ]

    @Test("a non-minimal header is rejected at its offset", arguments: nonMinimal)
    func rejectsNonMinimal(_ c: NonMinimal) throws {
        var r = TLSReader(try [UInt8](hex: c.hex) + [UInt8](repeating: 0, count: c.value))
        let error = #expect(throws: TLSCodecError.self) { try r.readVarintLength("len") }
        #expect(error?.code == .nonMinimalLength)
        #expect(error?.field == "len")
        #expect(error?.offset == 0)
        #expect(error?.requirement == "RFC9420-2.1.2-varintMinimal")
    }

    @Test("every 2-byte header: accepted exactly when the value needs 2 bytes")
    func everyTwoByteHeader() {
        var wrong: [Int] = []
        for value in 0..<16384 {
            var r = TLSReader([UInt8(0x40 | (value >> 8)), UInt8(value & 0xff)])
            let decoded = try? r.readVarintLength("len")
            if (value >= 64) != (decoded == value) { wrong.append(value) }
        }
        #expect(wrong.isEmpty)
    }

    @Test("4-byte headers at the edges", arguments: [
        ("80004000", 16384 as Int?), ("bfffffff", (1 << 30) - 1), ("80003fff", nil), ("80000000", nil),
    ])
    func fourByteEdges(hex: String, expected: Int?) throws {
        var r = TLSReader(try [UInt8](hex: hex))
        #expect((try? r.readVarintLength("len")) == expected)
    }

    @Test("the 0b11 prefix is rejected whatever follows", arguments: ["c0", "c000000000000000", "ff", "c000000000000001"])
    func rejectsEightBytePrefix(hex: String) throws {
        var r = TLSReader(try [UInt8](hex: hex))
        let error = #expect(throws: TLSCodecError.self) { try r.readVarintLength("len") }
        #expect(error?.code == .invalidLengthPrefix)
        #expect(error?.offset == 0)
        #expect(error?.field == "len")
    }

    @Test("a header cut short is truncated at the header's first byte", arguments: ["40", "80", "8000", "800000"])
    func truncatedHeader(hex: String) throws {
        var r = TLSReader(try [UInt8](hex: hex))
        let error = #expect(throws: TLSCodecError.self) { try r.readVarintLength("len") }
        #expect(error?.code == .truncated)
        #expect(error?.offset == 0)
    }

    @Test("inside a structure, a non-minimal or 0b11 header names the field and its offset")
    func insideStructure() {
        var bytes = Sample.example.tlsEncoded
        // name length 3 at offset 5, written as 0x4003 (2 bytes).
        bytes.replaceSubrange(5...5, with: [0x40, 0x03])
        let e1 = decodeError(Sample.self, bytes)
        #expect(e1?.code == .nonMinimalLength)
        #expect(e1?.field == "Sample.name")
        #expect(e1?.offset == 5)

        var bytes2 = Sample.example.tlsEncoded
        bytes2[12] = 0xc2  // items[0].data length header
        let e2 = decodeError(Sample.self, bytes2)
        #expect(e2?.code == .invalidLengthPrefix)
        #expect(e2?.field == "Sample.items.[0].data")
        #expect(e2?.offset == 12)
    }

    @Test("the writer always produces the minimal header", arguments: [0, 63, 64, 16383, 16384, (1 << 30) - 1])
    func writerIsMinimal(length: Int) {
        var w = TLSWriter()
        w.writeVarintLength(length)
        #expect(w.bytes.count == (length < 64 ? 1 : length < 16384 ? 2 : 4))
    }
}

/// A declared length is checked against the bytes that remain before anything is allocated.
@Suite("Declared lengths against the remaining input (RFC 9420 §2.1.2)")
struct OversizeLengthTests {
    @Test("name declares 50 bytes in a 31-byte input")
    func oversizeInStructure() {
        var bytes = Sample.example.tlsEncoded
        bytes[5] = 50
        let e = decodeError(Sample.self, bytes)
        #expect(e?.code == .lengthExceedsInput)
        #expect(e?.field == "Sample.name")
        #expect(e?.offset == 5)
        #expect(e?.requirement == "RFC9420-2.1-tlsEncoding")
    }

    @Test("the largest legal length (2^30 - 1) over a few bytes fails without allocating")
    func hugeDeclaredLength() {
        var r = TLSReader([0xbf, 0xff, 0xff, 0xff, 0x00, 0x01])
        let e = #expect(throws: TLSCodecError.self) { try r.readOpaque("blob") }
        #expect(e?.code == .lengthExceedsInput)
        #expect(e?.offset == 0)
        #expect(e?.field == "blob")
    }

    @Test("a vector longer than the configured size limit is refused before its bytes are read")
    func sizeLimit() {
        var bytes = Sample.example.tlsEncoded
        bytes[5] = 3
        let e = decodeError(Sample.self, bytes, limits: TLSLimits(maxDepth: 64, maxVectorLength: 2))
        #expect(e?.code == .sizeLimitExceeded)
        #expect(e?.field == "Sample.name")
        #expect(e?.offset == 5)
    }

    @Test("an items length past the end of the input names the list")
    func oversizeList() {
        var bytes = Sample.example.tlsEncoded
        bytes[9] = 0x3f
        let e = decodeError(Sample.self, bytes)
        #expect(e?.code == .lengthExceedsInput)
        #expect(e?.field == "Sample.items")
        #expect(e?.offset == 9)
    }
}
