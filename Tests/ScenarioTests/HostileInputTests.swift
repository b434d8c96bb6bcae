import Testing
@testable import Scenario

/// Scenario files come from users and vendors: whatever the bytes, the loader returns a scenario or a positioned
/// error, and never traps.
@Suite struct HostileInputTests {
    @Test func deepNestingIsRefusedBeforeParsing() {
        for deep in [String(repeating: "[", count: 100_000), String(repeating: "{a: ", count: 50_000),
                     "steps:\n" + String(repeating: "- ", count: 50_000) + "x"] {
            let e = Fixtures.error(deep)
            #expect(e?.message.hasPrefix("expected nesting at most 128 deep") == true)
        }
    }

    @Test func mutatedScenariosNeverTrap() {
        var rng = SplitMix(seed: 9)
        let base = Array(Fixtures.basic.utf8)
        let alphabet = Array("{}[]:,-'\"#&*!|>%@`\n \t0aZ/".utf8)
        var errors = 0
        for _ in 0..<400 {
            var bytes = base
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let i = Int(rng.next() % UInt64(bytes.count))
                switch rng.next() % 3 {
                case 0: bytes[i] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: i)
                default: bytes = Array(bytes.prefix(i))
                }
                if bytes.isEmpty { bytes = [0x20] }
            }
            if Fixtures.error(String(decoding: bytes, as: UTF8.self)) != nil { errors += 1 }
        }
        #expect(errors > 100)
    }

    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }
}
