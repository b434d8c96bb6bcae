import Crypto
import Foundation
import MLSCrypto
import Testing

/// The hand-written HPKE base mode against swift-crypto's HPKE (both directions), and DeriveKeyPair
/// (RFC 9180 §5, §7.1.3).
@Suite struct HPKETests {
    static func ciphersuite(_ suite: CipherSuite) -> HPKE.Ciphersuite {
        let kem: HPKE.KEM
        switch suite.kem {
        case .x25519: kem = .Curve25519_HKDF_SHA256
        case .p256: kem = .P256_HKDF_SHA256
        case .p384: kem = .P384_HKDF_SHA384
        case .p521: kem = .P521_HKDF_SHA512
        }
        let kdf: HPKE.KDF = suite.hash == .sha256 ? .HKDF_SHA256 : (suite.hash == .sha384 ? .HKDF_SHA384 : .HKDF_SHA512)
        let aead: HPKE.AEAD = suite.aead == .aes128GCM ? .AES_GCM_128 : (suite.aead == .aes256GCM ? .AES_GCM_256 : .chaChaPoly)
        return HPKE.Ciphersuite(kem: kem, kdf: kdf, aead: aead)
    }

    static func open(_ suite: CipherSuite, priv: [UInt8], enc: [UInt8], info: [UInt8], aad: [UInt8], ct: [UInt8]) throws -> [UInt8] {
        let cs = ciphersuite(suite)
        switch suite.kem {
        case .x25519:
            var r = try HPKE.Recipient(privateKey: Curve25519.KeyAgreement.PrivateKey(rawRepresentation: priv), ciphersuite: cs,
                                       info: Data(info), encapsulatedKey: Data(enc))
            return Array(try r.open(ct, authenticating: aad))
        case .p256:
            var r = try HPKE.Recipient(privateKey: P256.KeyAgreement.PrivateKey(rawRepresentation: priv), ciphersuite: cs,
                                       info: Data(info), encapsulatedKey: Data(enc))
            return Array(try r.open(ct, authenticating: aad))
        case .p384:
            var r = try HPKE.Recipient(privateKey: P384.KeyAgreement.PrivateKey(rawRepresentation: priv), ciphersuite: cs,
                                       info: Data(info), encapsulatedKey: Data(enc))
            return Array(try r.open(ct, authenticating: aad))
        case .p521:
            var r = try HPKE.Recipient(privateKey: P521.KeyAgreement.PrivateKey(rawRepresentation: priv), ciphersuite: cs,
                                       info: Data(info), encapsulatedKey: Data(enc))
            return Array(try r.open(ct, authenticating: aad))
        }
    }

    static func seal(_ suite: CipherSuite, pub: [UInt8], info: [UInt8], aad: [UInt8], pt: [UInt8]) throws -> (enc: [UInt8], ct: [UInt8]) {
        let cs = ciphersuite(suite)
        switch suite.kem {
        case .x25519:
            var s = try HPKE.Sender(recipientKey: Curve25519.KeyAgreement.PublicKey(rawRepresentation: pub), ciphersuite: cs, info: Data(info))
            return (Array(s.encapsulatedKey), Array(try s.seal(pt, authenticating: aad)))
        case .p256:
            var s = try HPKE.Sender(recipientKey: P256.KeyAgreement.PublicKey(x963Representation: pub), ciphersuite: cs, info: Data(info))
            return (Array(s.encapsulatedKey), Array(try s.seal(pt, authenticating: aad)))
        case .p384:
            var s = try HPKE.Sender(recipientKey: P384.KeyAgreement.PublicKey(x963Representation: pub), ciphersuite: cs, info: Data(info))
            return (Array(s.encapsulatedKey), Array(try s.seal(pt, authenticating: aad)))
        case .p521:
            var s = try HPKE.Sender(recipientKey: P521.KeyAgreement.PublicKey(x963Representation: pub), ciphersuite: cs, info: Data(info))
            return (Array(s.encapsulatedKey), Array(try s.seal(pt, authenticating: aad)))
        }
    }

    @Test(arguments: CipherSuite.supportedIDs)
    func ourSealOpensInSwiftCrypto(suiteID: UInt16) throws {
        let suite = try CipherSuite(suiteID)
        var rng = DeterministicRandom(seed: 11)
        let (priv, pub) = try suite.generateKEMKeyPair(using: &rng)
        let info: [UInt8] = [1, 2, 3], aad: [UInt8] = [9], pt = Array("hello hpke".utf8)
        let sealed = try suite.hpke.seal(publicKey: pub, info: info, aad: aad, plaintext: pt, using: &rng)
        #expect(sealed.enc.count == suite.kem.publicKeyLength)
        #expect(try Self.open(suite, priv: priv, enc: sealed.enc, info: info, aad: aad, ct: sealed.ciphertext) == pt)
    }

    @Test(arguments: CipherSuite.supportedIDs)
    func swiftCryptoSealOpensInOurs(suiteID: UInt16) throws {
        let suite = try CipherSuite(suiteID)
        var rng = DeterministicRandom(seed: 12)
        let (priv, pub) = try suite.generateKEMKeyPair(using: &rng)
        let info: [UInt8] = [4, 5], aad: [UInt8] = [], pt = Array("from swift-crypto".utf8)
        let (enc, ct) = try Self.seal(suite, pub: pub, info: info, aad: aad, pt: pt)
        #expect(try suite.hpke.open(enc: enc, privateKey: priv, info: info, aad: aad, ciphertext: ct) == pt)
        #expect(throws: MLSCryptoError(.hpkeOpenFailed, "")) {
            try suite.hpke.open(enc: enc, privateKey: priv, info: info + [0], aad: aad, ciphertext: ct)
        }
        #expect(throws: MLSCryptoError(.hpkeOpenFailed, "")) {
            try suite.hpke.open(enc: Array(enc.dropLast()), privateKey: priv, info: info, aad: aad, ciphertext: ct)
        }
    }

    /// RFC 9180 Appendix A.1.1 (DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-128-GCM), base mode: DeriveKeyPair of
    /// ikmE/ikmR and the first encryption, which our Encap reproduces byte for byte from ikmE.
    @Test func rfc9180X25519BaseVector() throws {
        let hpke = HPKEBase(kem: .x25519, kdf: .sha256, aead: .aes128GCM)
        let ikmE = try [UInt8](hex: "7268600d403fce431561aef583ee1613527cff655c1343f29812e66706df3234")
        let ikmR = try [UInt8](hex: "6db9df30aa07dd42ee5e8181afdb977e538f5e1fec8a06223f33f7013e525037")
        let (skE, pkE) = try hpke.kem.deriveKeyPair(ikm: ikmE)
        #expect(skE.hex == "52c4a758a802cd8b936eceea314432798d5baf2d7e9235dc084ab1b9cfa2f736")
        #expect(pkE.hex == "37fda3567bdbd628e88668c3c8d7e97d1d1253b6d4ea6d44c150f741f1bf4431")
        let (skR, pkR) = try hpke.kem.deriveKeyPair(ikm: ikmR)
        #expect(skR.hex == "4612c550263fc8ad58375df3f557aac531d26850903e55a9f23f21d8534e8ac8")
        #expect(pkR.hex == "3948cfe0ad1ddb695d780e59077195da6c56506b027329794ab02bca80815c4d")
        let info = try [UInt8](hex: "4f6465206f6e2061204772656369616e2055726e")
        let pt = try [UInt8](hex: "4265617574792069732074727574682c20747275746820626561757479")
        let aad = try [UInt8](hex: "436f756e742d30")
        let sealed = try hpke.seal(publicKey: pkR, info: info, aad: aad, plaintext: pt, ephemeralIKM: ikmE)
        #expect(sealed.enc == pkE)
        #expect(sealed.ciphertext.hex
                == "f938558b5d72f1a23810b4be2ab4f84331acc02fc97babc53a52ae8218a355a96d8770ac83d07bea87e13c512a")
        #expect(try hpke.open(enc: sealed.enc, privateKey: skR, info: info, aad: aad, ciphertext: sealed.ciphertext) == pt)
    }

    /// external_pub = DeriveKeyPair(external_secret).public in key-schedule.json, every epoch of every supported suite.
    @Test func deriveKeyPairMatchesKeyScheduleExternalPub() throws {
        let file = try VectorFile("mls/key-schedule.json")
        var checked = 0
        for raw in file.cases {
            let c = JSONCase(raw)
            let id = UInt16(try c.int("cipher_suite"))
            guard let suite = try? CipherSuite(id) else { continue }
            for epoch in try #require(raw["epochs"] as? [[String: Any]]) {
                let e = JSONCase(epoch)
                let (priv, pub) = try suite.deriveKeyPair(ikm: e.hex("external_secret"))
                #expect(pub == (try e.hex("external_pub")), "suite \(id)")
                #expect(try suite.kem.publicKey(privateKey: priv) == pub)
                checked += 1
            }
        }
        #expect(checked == 25)
    }
}
