import Testing
import Foundation
@testable import CBOR

/// Random values round-trip byte-identically; random and mutated inputs never trap the decoder.
struct PropertyTests {
    static func randomValue(_ g: inout SplitMix64, depth: Int = 0) -> CBOR {
        let pick = Int(g.next() % (depth > 3 ? 9 : 12))
        switch pick {
        case 0: return .unsigned(randomArgument(&g))
        case 1: return .negative(randomArgument(&g))
        case 2: return .bytes((0..<Int(g.next() % 40)).map { _ in UInt8(truncatingIfNeeded: g.next()) })
        case 3:
            let scalars = (0..<Int(g.next() % 12)).compactMap { _ -> Character? in
                let choices: [UInt32] = [0x41, 0xe9, 0x6c34, 0x1f600, 0x0a, 0x22]
                return Unicode.Scalar(choices[Int(g.next() % UInt64(choices.count))]).map(Character.init)
            }
            return .text(String(scalars))
        case 4: return [.bool(true), .bool(false), .null, .undefined][Int(g.next() % 4)]
        case 5: return .simple([0, 19, 32, 255][Int(g.next() % 4)])
        case 6:
            let floats: [Double] = [0, -0.0, 1.5, 65504, 100000, 1.1, .infinity, -.infinity, .nan, 5.960464477539063e-8, 3.4028234663852886e38]
            return .float(CBORFloat(floats[Int(g.next() % UInt64(floats.count))]))
        case 7: return .tagged(g.next() % 2 == 0 ? 4 : g.next() % 100_000 + 33, .unsigned(g.next() % 1000))
        case 8: return .int(Int64(truncatingIfNeeded: g.next()) >> 20)
        case 9, 10: return .array((0..<Int(g.next() % 5)).map { _ in randomValue(&g, depth: depth + 1) })
        default:
            var entries: [CBORMapEntry] = []
            var seen = Set<[UInt8]>()
            for _ in 0..<Int(g.next() % 5) {
                let key = randomValue(&g, depth: depth + 2)
                if seen.insert(key.encoded).inserted { entries.append(CBORMapEntry(key: key, value: randomValue(&g, depth: depth + 1))) }
            }
            return .map(entries)
        }
    }

    static func randomArgument(_ g: inout SplitMix64) -> UInt64 {
        let bits = [5, 8, 16, 32, 64][Int(g.next() % 5)]
        return bits == 64 ? g.next() : g.next() % (UInt64(1) << UInt64(bits))
    }

    @Test func randomValuesRoundTripByteIdentically() throws {
        var g = SplitMix64(seed: 0x6d696d69)
        for _ in 0..<3000 {
            let v = Self.randomValue(&g)
            let bytes = v.encoded
            let decoded = try CBORDecoder.decode(bytes)
            #expect(decoded.encoded == bytes, "\(v.diagnostic)")
        }
    }

    /// 100,000 inputs by default (half random byte strings of 0-24 bytes, half mutations of valid encodings; about
    /// 0.3 s in a debug build); `MIMI_FUZZ_ITERATIONS=N` runs N.
    @Test func randomAndMutatedInputsNeverTrap() {
        let iterations = max(ProcessInfo.processInfo.environment["MIMI_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 100_000, 100_000)
        var g = SplitMix64(seed: 0xf022)
        var seeds: [[UInt8]] = []
        for _ in 0..<64 { seeds.append(Self.randomValue(&g).encoded) }
        var accepted = 0
        var rejected = 0
        for i in 0..<iterations {
            var input: [UInt8]
            if i % 2 == 0 {
                input = (0..<Int(g.next() % 25)).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            } else {
                input = seeds[Int(g.next() % UInt64(seeds.count))]
                for _ in 0...Int(g.next() % 3) {
                    switch g.next() % 4 {
                    case 0 where !input.isEmpty: input[Int(g.next() % UInt64(input.count))] = UInt8(truncatingIfNeeded: g.next())
                    case 1 where !input.isEmpty: input.remove(at: Int(g.next() % UInt64(input.count)))
                    case 2: input.insert(UInt8(truncatingIfNeeded: g.next()), at: Int(g.next() % UInt64(input.count + 1)))
                    default: input = Array(input.prefix(Int(g.next() % UInt64(input.count + 1))))
                    }
                }
            }
            do {
                let v = try CBORDecoder.decode(input)
                accepted += 1
                // Whatever the strict decoder accepts is already deterministic.
                if v.encoded != input { rejected = -1_000_000 }
            } catch {
                rejected += 1
            }
            if i % 7 == 0 { _ = try? CBORDecoder.decode(input, options: .lenient) }
        }
        #expect(accepted + rejected == iterations, "an accepted input did not re-encode identically")
        #expect(accepted > 1000 && rejected > 1000)
    }
}
