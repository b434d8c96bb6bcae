import MLSCrypto
import Testing

/// Private-key import quirks seen in published vectors (mls-vectors.md pitfalls 2 and 4) and bad key sizes.
@Suite struct KeyFormatTests {
    @Test func p521ScalarOneByteShortIsLeftPadded() throws {
        let suite = try CipherSuite(5)
        var rng = DeterministicRandom(seed: 521)
        // Find a key whose scalar starts with a zero byte (P-521 scalars often do: the top byte is 0 or 1).
        var pair = try suite.generateSignatureKeyPair(using: &rng)
        while pair.privateKey[0] != 0 { pair = try suite.generateSignatureKeyPair(using: &rng) }
        let short = Array(pair.privateKey.dropFirst())
        #expect(short.count == 65)
        #expect(try suite.signature.publicKey(privateKey: short) == pair.publicKey)
        let sig = try suite.signWithLabel(privateKey: short, label: "L", content: [1, 2])
        #expect(try suite.verifyWithLabel(publicKey: pair.publicKey, label: "L", content: [1, 2], signature: sig))
        var krng = DeterministicRandom(seed: 5210)
        var kem = try suite.generateKEMKeyPair(using: &krng)
        while kem.privateKey[0] != 0 { kem = try suite.generateKEMKeyPair(using: &krng) }
        #expect(try suite.kem.publicKey(privateKey: Array(kem.privateKey.dropFirst())) == kem.publicKey)
    }

    @Test func ed25519SeedAndPublicFormIsAccepted() throws {
        let suite = try CipherSuite(1)
        var rng = DeterministicRandom(seed: 25519)
        let pair = try suite.generateSignatureKeyPair(using: &rng)
        let long = pair.privateKey + pair.publicKey
        #expect(try suite.signature.publicKey(privateKey: long) == pair.publicKey)
        // Ed25519 is deterministic: the same key signs the same content identically.
        #expect(try suite.signWithLabel(privateKey: long, label: "L", content: [9])
                == suite.signWithLabel(privateKey: pair.privateKey, label: "L", content: [9]))
    }

    @Test func badSizesAndEncodingsThrowTypedErrors() throws {
        let suite = try CipherSuite(2)
        #expect(throws: MLSCryptoError(.invalidKeyLength, "")) { try suite.signature.publicKey(privateKey: [1, 2, 3]) }
        #expect(throws: MLSCryptoError(.invalidKeyLength, "")) { try suite.kem.publicKey(privateKey: []) }
        var rng = DeterministicRandom(seed: 3)
        let pair = try suite.generateSignatureKeyPair(using: &rng)
        #expect(throws: MLSCryptoError(.invalidSignatureEncoding, "")) {
            try suite.verifyWithLabel(publicKey: pair.publicKey, label: "L", content: [], signature: [0x30, 0x01])
        }
        #expect(throws: MLSCryptoError(.invalidKey, "")) {
            try suite.verifyWithLabel(publicKey: [0x04] + [UInt8](repeating: 7, count: 64), label: "L", content: [], signature: [])
        }
        // An all-zero scalar is not a valid P-256 key.
        #expect(throws: MLSCryptoError.self) { try suite.kem.publicKey(privateKey: [UInt8](repeating: 0, count: 32)) }
    }

    @Test(arguments: CipherSuite.supportedIDs)
    func aeadRoundTripAndTamper(suiteID: UInt16) throws {
        let aead = try CipherSuite(suiteID).aead
        var rng = DeterministicRandom(seed: 99)
        let key = rng.bytes(aead.keyLength), nonce = rng.bytes(aead.nonceLength)
        let ct = try aead.seal(key: key, nonce: nonce, aad: [1], plaintext: [5, 6, 7])
        #expect(ct.count == 3 + aead.tagLength)
        #expect(try aead.open(key: key, nonce: nonce, aad: [1], ciphertext: ct) == [5, 6, 7])
        #expect(throws: MLSCryptoError(.aeadOpenFailed, "")) { try aead.open(key: key, nonce: nonce, aad: [2], ciphertext: ct) }
        var bad = ct
        bad[0] ^= 1
        #expect(throws: MLSCryptoError(.aeadOpenFailed, "")) { try aead.open(key: key, nonce: nonce, aad: [1], ciphertext: bad) }
        #expect(throws: MLSCryptoError(.aeadOpenFailed, "")) { try aead.open(key: key, nonce: nonce, aad: [1], ciphertext: [1, 2]) }
        #expect(throws: MLSCryptoError(.invalidKeyLength, "")) { try aead.seal(key: [1], nonce: nonce, aad: [], plaintext: []) }
    }

    @Test func aes128GCMKnownAnswer() throws {
        // NIST GCM test case 2 (Gladman/McGrew-Viega): zero key, zero IV, one zero block.
        let ct = try AEADAlgorithm.aes128GCM.seal(key: [UInt8](repeating: 0, count: 16), nonce: [UInt8](repeating: 0, count: 12),
                                                  aad: [], plaintext: [UInt8](repeating: 0, count: 16))
        #expect(ct.hex == "0388dace60b6a392f328c2b971b2fe78ab6e47d42cec13bdf53a67b21257bddf")
    }
}
