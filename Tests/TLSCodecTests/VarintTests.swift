import Testing
@testable import TLSCodec

@Suite("Variable-length vector headers (RFC 9420 §2.1.2)")
struct VarintTests {
    @Test("minimal headers round-trip", arguments: [0, 1, 63, 64, 16383, 16384, (1 << 30) - 1])
    func roundTrip(length: Int) throws {
        var w = TLSWriter()
        w.writeVarintLength(length)
        var r = TLSReader(w.bytes)
        #expect(try r.readVarintLength("len") == length)
        #expect(r.isAtEnd)
    }
}
