import MLSCrypto
import Results
import Testing
import Vectors

/// Each crypto function against crypto-basics.json, per supported suite (RFC 9420 §5.1.2, §5.1.3, §5.2, §8, §9).
@Suite struct CryptoBasicsTests {
    static func vectorCase(_ suiteID: UInt16) throws -> (CipherSuite, JSONCase) {
        let file = try VectorFile("mls/crypto-basics.json")
        let c = try #require(file.cases.first { ($0["cipher_suite"] as? Int) == Int(suiteID) })
        return (try CipherSuite(suiteID), JSONCase(c))
    }

    @Test(arguments: CipherSuite.supportedIDs)
    func derivations(suiteID: UInt16) throws {
        let (suite, c) = try Self.vectorCase(suiteID)
        let r = try c.sub("ref_hash")
        #expect(suite.refHash(label: try r.string("label"), value: try r.hex("value")) == (try r.hex("out")))
        let e = try c.sub("expand_with_label")
        #expect(try suite.expandWithLabel(secret: e.hex("secret"), label: e.string("label"), context: e.hex("context"),
                                          length: e.int("length")) == e.hex("out"))
        let d = try c.sub("derive_secret")
        #expect(try suite.deriveSecret(d.hex("secret"), label: d.string("label")) == d.hex("out"))
        let t = try c.sub("derive_tree_secret")
        #expect(try suite.deriveTreeSecret(t.hex("secret"), label: t.string("label"), generation: UInt32(t.int("generation")),
                                           length: t.int("length")) == t.hex("out"))
    }

    @Test(arguments: CipherSuite.supportedIDs)
    func signWithLabel(suiteID: UInt16) throws {
        let (suite, c) = try Self.vectorCase(suiteID)
        let s = try c.sub("sign_with_label")
        let (priv, pub, content, label, sig) = (try s.hex("priv"), try s.hex("pub"), try s.hex("content"), try s.string("label"),
                                                try s.hex("signature"))
        #expect(try suite.signature.publicKey(privateKey: priv) == pub)
        #expect(try suite.verifyWithLabel(publicKey: pub, label: label, content: content, signature: sig))
        let own = try suite.signWithLabel(privateKey: priv, label: label, content: content)
        #expect(try suite.verifyWithLabel(publicKey: pub, label: label, content: content, signature: own))
        #expect(try !suite.verifyWithLabel(publicKey: pub, label: label, content: content + [0], signature: own))
        #expect(throws: MLSCryptoError(.signatureInvalid, "")) {
            try suite.requireValidSignature(publicKey: pub, label: "other", content: content, signature: sig)
        }
    }

    @Test(arguments: CipherSuite.supportedIDs)
    func encryptWithLabel(suiteID: UInt16) throws {
        let (suite, c) = try Self.vectorCase(suiteID)
        let x = try c.sub("encrypt_with_label")
        let (priv, pub, label, context, pt) = (try x.hex("priv"), try x.hex("pub"), try x.string("label"), try x.hex("context"),
                                               try x.hex("plaintext"))
        #expect(try suite.kem.publicKey(privateKey: priv) == pub)
        #expect(try suite.decryptWithLabel(privateKey: priv, label: label, context: context, kemOutput: x.hex("kem_output"),
                                           ciphertext: x.hex("ciphertext")) == pt)
        var rng = DeterministicRandom(seed: UInt64(suiteID))
        let sealed = try suite.encryptWithLabel(publicKey: pub, label: label, context: context, plaintext: pt, using: &rng)
        #expect(try suite.decryptWithLabel(privateKey: priv, label: label, context: context, kemOutput: sealed.kemOutput,
                                           ciphertext: sealed.ciphertext) == pt)
        #expect(throws: MLSCryptoError(.hpkeOpenFailed, "")) {
            try suite.decryptWithLabel(privateKey: priv, label: label, context: context + [1], kemOutput: sealed.kemOutput,
                                       ciphertext: sealed.ciphertext)
        }
        // Same seed, same ciphertext: HPKE encryption is reproducible.
        var rng2 = DeterministicRandom(seed: UInt64(suiteID))
        let again = try suite.encryptWithLabel(publicKey: pub, label: label, context: context, plaintext: pt, using: &rng2)
        #expect(again.kemOutput == sealed.kemOutput && again.ciphertext == sealed.ciphertext)
    }

    @Test func runnerPassesSupportedSuitesAndReportsX448Unsupported() throws {
        let results = CryptoBasicsRunner().run(try VectorFile.source("mls/crypto-basics.json"))
        #expect(results.count == 7)
        #expect(results.filter { $0.status == .passed }.count == 5, "\(results.map { "\($0.id) \($0.status) \($0.message ?? "")" })")
        let unsupported = results.filter { $0.status == .unsupported }
        #expect(unsupported.map(\.cipherSuite) == [4, 6])
        #expect(unsupported.allSatisfy { $0.message?.contains("X448") == true })
        #expect(results.map(\.id) == (0..<7).map { "mls/crypto-basics/\($0)" })
    }
}
