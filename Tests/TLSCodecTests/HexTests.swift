import Testing
import TLSCodec

@Suite("Hex decoding of vector fields")
struct HexTests {
    @Test("round trip, either case")
    func roundTrip() throws {
        #expect(try [UInt8](hex: "00ff10Ab").hex == "00ff10ab")
        #expect(try [UInt8](hex: "") == [])
    }

    @Test("bad input names the offending character", arguments: [("abc", 3), ("zz", 0), ("0g", 1), ("00 1", 2)])
    func errors(input: String, offset: Int) {
        let e = #expect(throws: TLSCodecError.self) { try [UInt8](hex: input) }
        #expect(e?.code == .invalidHex)
        #expect(e?.offset == offset)
    }
}
