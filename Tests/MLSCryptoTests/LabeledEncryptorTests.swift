import MLSCrypto
import Testing

/// EncryptWithLabel with the HPKE info hashed once per Label and Context (RFC 9420 §5.1.3, RFC 9180 §5.1) gives the
/// same bytes as one EncryptWithLabel per recipient, and each recipient opens its own ciphertext.
@Suite struct LabeledEncryptorTests {
    @Test(arguments: CipherSuite.supportedIDs)
    func manyRecipientsMatchSingleCalls(suiteID: UInt16) throws {
        let suite = try CipherSuite(suiteID)
        var keys = DeterministicRandom(seed: 21)
        let recipients = try (0..<3).map { _ in try suite.generateKEMKeyPair(using: &keys) }
        let context = (0..<3000).map { UInt8($0 & 0xff) }
        let plaintexts = (0..<3).map { i in Array("secret \(i)".utf8) }

        var single = DeterministicRandom(seed: 22)
        let one = try zip(recipients, plaintexts).map { r, pt in
            try suite.encryptWithLabel(publicKey: r.publicKey, label: "Welcome", context: context, plaintext: pt, using: &single)
        }
        var batch = DeterministicRandom(seed: 22)
        let many = try suite.encryptWithLabel(recipients: zip(recipients, plaintexts).map { ($0.publicKey, $1) },
                                              label: "Welcome", context: context, using: &batch)
        var prepared = DeterministicRandom(seed: 22)
        let encryptor = suite.labeledEncryptor(label: "Welcome", context: context)
        let each = try zip(recipients, plaintexts).map { r, pt in
            try encryptor.encrypt(publicKey: r.publicKey, plaintext: pt, using: &prepared)
        }

        #expect(many.count == 3)
        for i in 0..<3 {
            #expect(one[i].kemOutput == many[i].kemOutput && one[i].ciphertext == many[i].ciphertext)
            #expect(one[i].kemOutput == each[i].kemOutput && one[i].ciphertext == each[i].ciphertext)
            let opened = try suite.decryptWithLabel(privateKey: recipients[i].privateKey, label: "Welcome", context: context,
                                                    kemOutput: many[i].kemOutput, ciphertext: many[i].ciphertext)
            #expect(opened == plaintexts[i])
        }
        #expect(single.bytes(8) == batch.bytes(8))  // the same number of draws
    }

    @Test func aContextIsBoundToItsSuite() throws {
        let a = try CipherSuite(1).hpke, b = try CipherSuite(3).hpke
        var rng = DeterministicRandom(seed: 23)
        let (_, pub) = try a.kem.generateKeyPair(using: &rng)
        let context = b.keyScheduleContext(info: [1, 2, 3])
        #expect(throws: MLSCryptoError(.invalidKey, "")) {
            try a.seal(publicKey: pub, context: context, aad: [], plaintext: [0], using: &rng)
        }
        let own = a.keyScheduleContext(info: [1, 2, 3])
        var r1 = DeterministicRandom(seed: 24), r2 = DeterministicRandom(seed: 24)
        let viaContext = try a.seal(publicKey: pub, context: own, aad: [7], plaintext: [0], using: &r1)
        let viaInfo = try a.seal(publicKey: pub, info: [1, 2, 3], aad: [7], plaintext: [0], using: &r2)
        #expect(viaContext.enc == viaInfo.enc && viaContext.ciphertext == viaInfo.ciphertext)
    }
}
