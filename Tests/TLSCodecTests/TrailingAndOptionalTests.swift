import Testing
import TLSCodec

@Suite("Trailing bytes (RFC 9420 §2.1)")
struct TrailingBytesTests {
    @Test("bytes after the top-level structure are rejected at their offset", arguments: [1, 2, 100])
    func topLevel(extra: Int) {
        let bytes = Sample.example.tlsEncoded + [UInt8](repeating: 0, count: extra)
        let e = decodeError(Sample.self, bytes)
        #expect(e?.code == .trailingBytes)
        #expect(e?.field == "")
        #expect(e?.offset == 31)
        #expect(e?.requirement == "RFC9420-2.1-tlsEncoding")
    }

    @Test("bytes inside a vector after its one structure are rejected")
    func insideVector() {
        // wrapped<V> = 5 bytes: Inner{tag 0x0001, data<1> = 0x99} is 4 bytes, then one stray byte.
        let e = decodeError(Wrapper.self, [0x05, 0x00, 0x01, 0x01, 0x99, 0xee])
        #expect(e?.code == .trailingBytes)
        #expect(e?.field == "Wrapper.wrapped")
        #expect(e?.offset == 5)
    }

    @Test("a list whose last element is cut short is an error in that element, not silently dropped")
    func insideList() {
        var bytes = Sample.example.tlsEncoded
        // items length 9 swallows the extra presence octet as the start of a third element.
        bytes[9] = 9
        let e = decodeError(Sample.self, bytes)
        #expect(e?.code == .truncated)
        #expect(e?.field == "Sample.items.[2].tag")
        #expect(e?.offset == 18)
    }

    @Test("an element that consumes no bytes is refused (no endless loop)")
    func emptyElement() {
        var r = TLSReader([0x02, 0x00, 0x00])
        let e = #expect(throws: TLSCodecError.self) { try r.readList("xs") { _ in 0 } }
        #expect(e?.code == .invalidValue)
        #expect(e?.field == "xs.[0]")
    }
}

@Suite("optional<T> presence octet (RFC 9420 §2.1.1)")
struct OptionalPresenceTests {
    @Test("a presence octet other than 0 or 1 is rejected", arguments: [2, 0x80, 0xff] as [UInt8])
    func invalidPresence(octet: UInt8) {
        var bytes = Sample.example.tlsEncoded
        bytes[18] = octet
        let e = decodeError(Sample.self, bytes)
        #expect(e?.code == .invalidOptionalPresence)
        #expect(e?.field == "Sample.extra")
        #expect(e?.offset == 18)
        #expect(e?.requirement == "RFC9420-2.1-tlsEncoding")
    }

    @Test("presence 0 means absent and nothing else is read")
    func absent() throws {
        var r = TLSReader([0x00, 0x07])
        #expect(try r.readOptional("o") { try $0.readUInt8("v") } == nil)
        #expect(r.offset == 1)
    }
}

@Suite("Depth limit")
struct DepthLimitTests {
    @Test("optionals nested up to the limit decode; one more is refused at its offset", arguments: [1, 4, 16])
    func optionals(limit: Int) throws {
        let limits = TLSLimits(maxDepth: limit, maxVectorLength: 1 << 20)
        let atLimit = [UInt8](repeating: 1, count: limit) + [0]
        #expect(try Nested(tlsDecoding: atLimit, limits: limits).depth == limit)
        let over = [UInt8](repeating: 1, count: limit + 1) + [0]
        let e = decodeError(Nested.self, over, limits: limits)
        #expect(e?.code == .depthLimitExceeded)
        #expect(e?.offset == limit)
        #expect(e?.field == "Nested" + String(repeating: ".child", count: limit + 1))
    }

    @Test("deeply nested vectors stop at the default limit instead of exhausting the stack")
    func vectors() {
        // Tree{children<V>} nested 10,000 deep: each level is a 1-byte header whose length covers the rest.
        var bytes: [UInt8] = [0x00]
        for _ in 0..<10_000 {
            var w = TLSWriter()
            w.writeOpaque(bytes)
            bytes = w.bytes
        }
        let e = decodeError(Tree.self, bytes)
        #expect(e?.code == .depthLimitExceeded)
    }
}
