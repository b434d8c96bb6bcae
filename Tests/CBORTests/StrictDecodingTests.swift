import Testing
@testable import CBOR

/// One test per decoding rule: the exact error code and byte offset.
struct StrictDecodingTests {
    static let rejections: [(hex: String, code: CBORErrorCode, offset: Int)] = [
        ("", .truncated, 0),
        ("19 01", .truncated, 0),
        ("83 01 02", .lengthExceedsInput, 0),
        ("83 01 02 19", .truncated, 3),
        ("45 0102", .lengthExceedsInput, 0),
        ("9a ffffffff 00", .lengthExceedsInput, 0),
        ("00 00", .trailingBytes, 1),
        ("1c", .reservedAdditionalInfo, 0),
        ("3f", .reservedAdditionalInfo, 0),
        ("ff", .unexpectedBreak, 0),
        ("5f 41 00 ff", .indefiniteLength, 0),
        ("9f ff", .indefiniteLength, 0),
        ("bf ff", .indefiniteLength, 0),
        ("18 17", .nonShortestArgument, 0),
        ("19 00ff", .nonShortestArgument, 0),
        ("1a 0000ffff", .nonShortestArgument, 0),
        ("1b 00000000ffffffff", .nonShortestArgument, 0),
        ("38 00", .nonShortestArgument, 0),
        ("58 01 00", .nonShortestArgument, 0),
        ("82 00 98 00", .nonShortestArgument, 2),
        ("d8 01 00", .nonShortestArgument, 0),
        ("fa 3fc00000", .nonShortestFloat, 0),
        ("fb 3ff8000000000000", .nonShortestFloat, 0),
        ("fb 47efffffe0000000", .nonShortestFloat, 0),
        ("f9 7e01", .nonCanonicalNaN, 0),
        ("f9 fe00", .nonCanonicalNaN, 0),
        ("fa 7fc00000", .nonCanonicalNaN, 0),
        ("fb 7ff8000000000000", .nonCanonicalNaN, 0),
        ("f8 1f", .invalidSimpleValue, 0),
        ("62 c328", .invalidUTF8, 1),
        ("62 c0af", .invalidUTF8, 1),
        ("63 eda080", .invalidUTF8, 1),
        ("64 f4908080", .invalidUTF8, 1),
        ("63 61 e282", .invalidUTF8, 2),
        ("a2 02 00 01 00", .unsortedMapKeys, 3),
        ("a2 61 62 00 0a 00", .unsortedMapKeys, 4),
        ("a2 01 00 01 00", .duplicateMapKey, 3),
        ("c2 48 0102030405060708", .bignumNotReduced, 0),
        ("c2 49 000102030405060708", .bignumNotReduced, 0),
        ("c2 61 61", .invalidTagContent, 1),
        ("c0 00", .invalidTagContent, 1),
        ("c1 60", .invalidTagContent, 1),
    ]

    @Test func everyRuleIsRejectedWithItsCodeAndOffset() throws {
        for c in Self.rejections {
            let bytes = try [UInt8](testHex: c.hex.replacingSpaces())
            let e = #expect(throws: CBORError.self, "\(c.hex)") { try CBORDecoder.decode(bytes) }
            #expect(e?.code == c.code && e?.offset == c.offset, "\(c.hex): \(e.map(String.init(describing:)) ?? "accepted")")
        }
    }

    @Test func depthLimit() throws {
        let deep = [UInt8](repeating: 0x81, count: 40) + [0x00]
        let e = #expect(throws: CBORError.self) { try CBORDecoder.decode(deep) }
        #expect(e?.code == .depthExceeded && e?.offset == 32)
        let ok = [UInt8](repeating: 0x81, count: 31) + [0x00]
        #expect(throws: Never.self) { try CBORDecoder.decode(ok) }
    }

    @Test func inputSizeLimit() {
        let options = CBORDecodingOptions(maxInputSize: 4)
        let e = #expect(throws: CBORError.self) { try CBORDecoder.decode([0x45, 1, 2, 3, 4, 5], options: options) }
        #expect(e?.code == .inputTooLarge && e?.offset == 0)
    }

    @Test func lenientModeRecordsDeparturesInsteadOfFailing() throws {
        // Non-shortest argument, unsorted keys, indefinite array: all tolerated and recorded.
        let bytes = try [UInt8](testHex: "a2 18 02 9f 01 ff 01 00".replacingSpaces())
        let result = try CBORDecoder.decodeNode(bytes, options: .lenient)
        #expect(result.relaxations.map(\.code) == [.nonShortestArgument, .indefiniteLength, .unsortedMapKeys])
        #expect(result.value.encoded.testHex == "a20100028101".replacingSpaces())
        // Duplicates stay fatal even when lenient (RFC 8949 §5.6).
        let e = #expect(throws: CBORError.self) {
            try CBORDecoder.decode([UInt8](testHex: "a2 18 01 00 01 00".replacingSpaces()), options: .lenient)
        }
        #expect(e?.code == .duplicateMapKey && e?.offset == 4)
    }

    @Test func errorsNameTheirRule() {
        let e = CBORError(.unsortedMapKeys, at: 7, "x")
        #expect(e.identifier == "cbor.unsortedMapKeys")
        #expect(e.description.contains("RFC8949 §4.2.1"))
        #expect(e.description.contains("byte 7"))
        // Equality is on the code only (the error design of every module, CodedErrors).
        #expect(e == CBORError(.unsortedMapKeys, at: 1, "y"))
        #expect(e != CBORError(.duplicateMapKey, at: 7, "x"))
    }

    @Test func nodesCarryOffsets() throws {
        let result = try CBORDecoder.decodeNode([UInt8](testHex: "8301a1616100430a0b0c"))
        #expect(result.node.children.map(\.offset) == [1, 2, 6])
        #expect(result.node.children[1].children.map(\.offset) == [3, 5])
        #expect(result.node.end == 10)
    }
}

extension String {
    func replacingSpaces() -> String { String(filter { $0 != " " }) }
}
