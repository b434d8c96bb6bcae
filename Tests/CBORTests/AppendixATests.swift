import Testing
@testable import CBOR

/// RFC 8949 Appendix A examples that are in deterministic form: decode, compare, re-encode byte for byte.
struct AppendixATests {
    static let cases: [(String, CBOR)] = [
        ("00", .unsigned(0)), ("01", .unsigned(1)), ("0a", .unsigned(10)), ("17", .unsigned(23)),
        ("1818", .unsigned(24)), ("1819", .unsigned(25)), ("1864", .unsigned(100)), ("1903e8", .unsigned(1000)),
        ("1a000f4240", .unsigned(1_000_000)), ("1b000000e8d4a51000", .unsigned(1_000_000_000_000)),
        ("1bffffffffffffffff", .unsigned(.max)), ("3bffffffffffffffff", .negative(.max)),
        ("20", .int(-1)), ("29", .int(-10)), ("3863", .int(-100)), ("3903e7", .int(-1000)),
        ("f90000", .float(CBORFloat(0.0))), ("f98000", .float(CBORFloat(-0.0))), ("f93c00", .float(CBORFloat(1.0))),
        ("fb3ff199999999999a", .float(CBORFloat(1.1))), ("f93e00", .float(CBORFloat(1.5))),
        ("f97bff", .float(CBORFloat(65504.0))), ("fa47c35000", .float(CBORFloat(100000.0))),
        ("fa7f7fffff", .float(CBORFloat(3.4028234663852886e+38))), ("fb7e37e43c8800759c", .float(CBORFloat(1.0e+300))),
        ("f90001", .float(CBORFloat(5.960464477539063e-8))), ("f90400", .float(CBORFloat(0.00006103515625))),
        ("f9c400", .float(CBORFloat(-4.0))), ("fbc010666666666666", .float(CBORFloat(-4.1))),
        ("f97c00", .float(CBORFloat(.infinity))), ("f97e00", .float(CBORFloat(.nan))), ("f9fc00", .float(CBORFloat(-.infinity))),
        ("f4", .bool(false)), ("f5", .bool(true)), ("f6", .null), ("f7", .undefined), ("f0", .simple(16)),
        ("f8ff", .simple(255)),
        ("c074323031332d30332d32315432303a30343a30305a", .tagged(0, .text("2013-03-21T20:04:00Z"))),
        ("c11a514b67b0", .tagged(1, .unsigned(1_363_896_240))),
        ("d74401020304", .tagged(23, .bytes([1, 2, 3, 4]))),
        ("d818456449455446", .tagged(24, .bytes([0x64, 0x49, 0x45, 0x54, 0x46]))),
        ("d82076687474703a2f2f7777772e6578616d706c652e636f6d", .tagged(32, .text("http://www.example.com"))),
        ("40", .bytes([])), ("4401020304", .bytes([1, 2, 3, 4])), ("60", .text("")), ("6161", .text("a")),
        ("6449455446", .text("IETF")), ("62225c", .text("\"\\")), ("62c3bc", .text("\u{fc}")), ("63e6b0b4", .text("\u{6c34}")),
        ("64f0908591", .text("\u{10151}")), ("80", .array([])),
        ("83010203", .array([.unsigned(1), .unsigned(2), .unsigned(3)])),
        ("8301820203820405", .array([.unsigned(1), .array([.unsigned(2), .unsigned(3)]), .array([.unsigned(4), .unsigned(5)])])),
        ("a0", .map([])),
        ("a201020304", .map([CBORMapEntry(key: .unsigned(1), value: .unsigned(2)), CBORMapEntry(key: .unsigned(3), value: .unsigned(4))])),
        ("a26161016162820203", .map([CBORMapEntry(key: .text("a"), value: .unsigned(1)),
                                     CBORMapEntry(key: .text("b"), value: .array([.unsigned(2), .unsigned(3)]))])),
        ("826161a161626163", .array([.text("a"), .map([CBORMapEntry(key: .text("b"), value: .text("c"))])])),
    ]

    @Test func decodesAndReencodesEveryExample() throws {
        for (hex, expected) in Self.cases {
            let bytes = try [UInt8](testHex: hex)
            let decoded = try CBORDecoder.decode(bytes)
            #expect(decoded == expected, "decode \(hex)")
            #expect(expected.encoded == bytes, "encode \(expected.diagnostic) → \(expected.encoded.testHex), want \(hex)")
        }
    }

    @Test func encoderSortsMapKeysBytewise() {
        // 10, 100, -1, "z", "aa", [100], [-1], false: the RFC 8949 §4.2.1 example order.
        let keys: [CBOR] = [.bool(false), .array([.int(-1)]), .array([.unsigned(100)]), .text("aa"), .text("z"),
                            .int(-1), .unsigned(100), .unsigned(10)]
        let map = CBOR.map(keys.map { CBORMapEntry(key: $0, value: .null) })
        let decoded = try? CBORDecoder.decode(map.encoded)
        let order = decoded?.mapValue?.map(\.key)
        #expect(order == [.unsigned(10), .unsigned(100), .int(-1), .text("z"), .text("aa"), .array([.unsigned(100)]),
                          .array([.int(-1)]), .bool(false)])
    }

    @Test func diagnosticNotation() throws {
        let v = try CBORDecoder.decode([UInt8](testHex: "8350000102030405060708090a0b0c0d0e0ff6a201616102c1f93e00"))
        #expect(v.diagnostic == "[h'000102030405060708090a0b0c0d0e0f', null, {1: \"a\", 2: 1(1.5)}]")
        let pretty = EDN.renderPretty(.array([.unsigned(1), .map([CBORMapEntry(key: .text("k\n"), value: .negative(.max))])]))
        #expect(pretty == "[\n  1,\n  {\n    \"k\\n\": -18446744073709551616\n  }\n]")
        #expect(CBOR.float(CBORFloat(-.infinity)).diagnostic == "-Infinity")
        #expect(CBOR.simple(16).diagnostic == "simple(16)")
    }
}
