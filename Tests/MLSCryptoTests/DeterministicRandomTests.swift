import MLSCrypto
import Testing

@Suite struct DeterministicRandomTests {
    @Test func sameSeedSameBytes() {
        var a = DeterministicRandom(seed: 42)
        var b = DeterministicRandom(seed: 42)
        #expect(a.bytes(100) == b.bytes(100))
        #expect(a.next() == b.next())
    }

    @Test func chunkingDoesNotChangeTheStream() {
        var a = DeterministicRandom(seed: [1, 2, 3])
        var b = DeterministicRandom(seed: [1, 2, 3])
        let whole = a.bytes(77)
        let parts = b.bytes(5) + b.bytes(0) + b.bytes(40) + b.bytes(32)
        #expect(whole == parts)
    }

    @Test func differentSeedsAndForksDiffer() {
        var a = DeterministicRandom(seed: 1)
        var b = DeterministicRandom(seed: 2)
        #expect(a.bytes(32) != b.bytes(32))
        var c = DeterministicRandom(seed: 1)
        var f1 = c.fork("alice")
        var d = DeterministicRandom(seed: 1)
        var f2 = d.fork("bob")
        #expect(f1.bytes(32) != f2.bytes(32))
    }

    @Test func keyGenerationIsReproducible() throws {
        for suite in CipherSuite.all {
            var r1 = DeterministicRandom(seed: 7)
            var r2 = DeterministicRandom(seed: 7)
            #expect(try suite.generateKEMKeyPair(using: &r1) == suite.generateKEMKeyPair(using: &r2))
            #expect(try suite.generateSignatureKeyPair(using: &r1) == suite.generateSignatureKeyPair(using: &r2))
        }
    }
}
