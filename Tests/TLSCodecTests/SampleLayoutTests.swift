import Testing
import TLSCodec

@Suite("Sample structure: encoding and round trip (RFC 9420 §2.1)")
struct SampleLayoutTests {
    @Test("the sample encodes to the documented 31-byte layout")
    func layout() {
        let bytes = Sample.example.tlsEncoded
        #expect(bytes.hex == "01" + "01020304" + "03616263" + "08" + "0a0a" + "02dead" + "0007" + "00"
                + "01" + "ffff" + "0142" + "0102030405060708")
        #expect(bytes.count == 31)
    }

    @Test("decode(encode(x)) == x, and re-encoding is byte-identical")
    func roundTrip() throws {
        let bytes = Sample.example.tlsEncoded
        let decoded = try Sample(tlsDecoding: bytes)
        #expect(decoded == Sample.example)
        #expect(decoded.tlsEncoded == bytes)
        var absent = Sample.example
        absent.extra = nil
        absent.items = []
        #expect(try Sample(tlsDecoding: absent.tlsEncoded) == absent)
    }
}
