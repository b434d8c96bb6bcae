import Testing
import Foundation
import CBOR
import MIMIContent

/// Random valid messages round-trip byte-identically; random and mutated bytes never trap the content decoder.
struct PropertyTests {
    static func bytes(_ g: inout SplitMix64, _ max: Int) -> [UInt8] { (0..<Int(g.next() % UInt64(max + 1))).map { _ in UInt8(truncatingIfNeeded: g.next()) } }

    static func part(_ g: inout SplitMix64, depth: Int) -> NestedPart {
        let dispo = Disposition(rawValue: UInt8(truncatingIfNeeded: g.next() % 12))
        let lang = ["", "en", "fr", "en-US,fr"][Int(g.next() % 4)]
        switch g.next() % (depth >= 4 ? 3 : 4) {
        case 0: return NestedPart(disposition: dispo, language: lang, body: .null)
        case 1: return NestedPart(disposition: dispo, language: lang, body: .single(SinglePart(contentType: "text/plain", content: bytes(&g, 30))))
        case 2:
            return NestedPart(disposition: dispo, language: lang, body: .external(ExternalPart(
                contentType: "image/png", url: "https://example.com/\(g.next() % 1000)", expires: UInt32(truncatingIfNeeded: g.next()),
                size: g.next(), encAlg: UInt16(truncatingIfNeeded: g.next()), key: bytes(&g, 16), nonce: bytes(&g, 12), aad: bytes(&g, 3),
                hashAlg: UInt8(truncatingIfNeeded: g.next()), contentHash: bytes(&g, 32), description: "d\(g.next() % 9)", filename: "")))
        default:
            let n = 2 + Int(g.next() % 3)
            return NestedPart(disposition: dispo, language: lang, body: .multi(MultiPart(
                semantics: PartSemantics(rawValue: g.next() % 4), parts: (0..<n).map { _ in part(&g, depth: depth + 1) })))
        }
    }

    static func message(_ g: inout SplitMix64) -> MimiContent {
        var ext = MimiExtensions(senderUri: g.next() % 5 == 0 ? nil : "mimi://a.example/u/\(g.next() % 100)", roomUri: "mimi://a.example/r/x")
        if g.next() % 2 == 0 { ext[.negative(g.next() % 100)] = .array([.text("v"), .unsigned(g.next())]) }
        if g.next() % 2 == 0 { ext[.text("k\(g.next() % 10)")] = .map([CBORMapEntry(key: .bytes(bytes(&g, 4)), value: .bool(true))]) }
        func mid(_ g: inout SplitMix64) -> MessageID? { g.next() % 2 == 0 ? nil : MessageID([1] + (0..<31).map { _ in UInt8(truncatingIfNeeded: g.next()) }) }
        return MimiContent(salt: (0..<16).map { _ in UInt8(truncatingIfNeeded: g.next()) }, replaces: mid(&g), topicId: bytes(&g, 8),
                           expires: g.next() % 2 == 0 ? nil : Expiration(relative: g.next() % 2 == 0, time: UInt32(truncatingIfNeeded: g.next())),
                           inReplyTo: mid(&g), extensions: ext, nestedPart: part(&g, depth: 1))
    }

    @Test func randomMessagesRoundTrip() throws {
        var g = SplitMix64(seed: 0x6d696d69636f6e74)
        for _ in 0..<2000 {
            let m = Self.message(&g)
            let bytes = m.encoded
            let decoded = try ContentDecoder.decode(bytes)
            #expect(decoded == m)
            #expect(decoded.encoded == bytes)
        }
    }

    /// Mutated encodings of random valid messages: the decoder and validator return or throw, never trap.
    /// 20,000 inputs by default (about a second in a debug build); `MIMI_FUZZ_ITERATIONS=N` runs N (CI: 1,000,000).
    @Test func mutatedMessagesNeverTrap() {
        let iterations = ProcessInfo.processInfo.environment["MIMI_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 20_000
        var g = SplitMix64(seed: 0xbad)
        let seeds = (0..<32).map { _ in Self.message(&g).encoded }
        var accepted = 0
        var rejected = 0
        for _ in 0..<iterations {
            var input = seeds[Int(g.next() % UInt64(seeds.count))]
            for _ in 0...Int(g.next() % 3) {
                let i = Int(g.next() % UInt64(input.count))
                switch g.next() % 3 {
                case 0: input[i] = UInt8(truncatingIfNeeded: g.next())
                case 1: input[i] ^= UInt8(1 << (g.next() % 8))
                default: input = Array(input.prefix(i))
                }
                if input.isEmpty { break }
            }
            if (try? ContentValidator.validate(input)) != nil { accepted += 1 } else { rejected += 1 }
        }
        #expect(accepted + rejected == iterations)
        #expect(accepted > iterations / 1000 && rejected > iterations / 10, "mutations should exercise both outcomes: \(accepted) accepted, \(rejected) rejected")
    }
}
