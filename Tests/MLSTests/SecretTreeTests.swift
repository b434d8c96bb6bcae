import MLS
import MLSCrypto
import Results
import Testing
import Vectors

/// The secret tree and hash ratchets (RFC 9420 §9, §9.1, §9.2) and sender-data keys (§6.3.2).
@Suite struct SecretTreeTests {
    @Test func everyLeafAndGenerationOfEverySupportedSuite() throws {
        var checked = 0
        for c in try CryptoVectorFile("mls/secret-tree.json").cases {
            guard let suite = try? CipherSuite(UInt16(c.intField("cipher_suite"))) else { continue }
            let sd = try c.object("sender_data")
            let keys = try SenderDataKeys.derive(cipherSuite: suite, senderDataSecret: sd.hexField("sender_data_secret"),
                                                 ciphertext: sd.hexField("ciphertext"))
            #expect(try keys.key == sd.hexField("key") && keys.nonce == sd.hexField("nonce"))
            let leaves = try #require(c["leaves"] as? [[[String: Any]]])
            var tree = try SecretTree(cipherSuite: suite, encryptionSecret: c.hexField("encryption_secret"),
                                      leafCount: UInt32(leaves.count))
            // Visit leaves from the right, so the lazy derivation starts from different ancestors.
            for (leaf, gens) in leaves.enumerated().reversed() {
                for g in gens {
                    let gen = UInt32(try g.intField("generation"))
                    let hs = try tree.keyNonce(leaf: UInt32(leaf), type: .handshake, generation: gen)
                    #expect(try hs.key == g.hexField("handshake_key") && hs.nonce == g.hexField("handshake_nonce"))
                    let app = try tree.keyNonce(leaf: UInt32(leaf), type: .application, generation: gen)
                    #expect(try app.key == g.hexField("application_key") && app.nonce == g.hexField("application_nonce"))
                    checked += 1
                }
            }
        }
        #expect(checked == 2 * (1 + 8 + 32) * 5)
    }

    @Test func outOfOrderKeysAreKeptOnceAndConsumedKeysDeleted() throws {
        let suite = try CipherSuite(1)
        var tree = try SecretTree(cipherSuite: suite, encryptionSecret: suite.zeroSecret, leafCount: 4,
                                  configuration: SecretTreeConfiguration(maxForwardDistance: 10, outOfOrderTolerance: 3))
        var reference = try SecretTree(cipherSuite: suite, encryptionSecret: suite.zeroSecret, leafCount: 4)
        var expected: [KeyNonce] = []
        for _ in 0..<12 { expected.append(try reference.nextKeyNonce(leaf: 2, type: .application)) }

        #expect(try tree.keyNonce(leaf: 2, type: .application, generation: 5) == expected[5])
        #expect(try tree.keyNonce(leaf: 2, type: .application, generation: 3) == expected[3])
        #expect(throws: MLSError.code(.generationConsumed)) { try tree.keyNonce(leaf: 2, type: .application, generation: 3) }
        #expect(throws: MLSError.code(.generationConsumed)) { try tree.keyNonce(leaf: 2, type: .application, generation: 5) }
        // Generation 1 fell outside the tolerance of 3 (next is 6, window keeps 3...5).
        #expect(throws: MLSError.code(.generationConsumed)) { try tree.keyNonce(leaf: 2, type: .application, generation: 1) }
        #expect(try tree.keyNonce(leaf: 2, type: .application, generation: 4) == expected[4])
        #expect(throws: MLSError.code(.generationTooFarAhead)) { try tree.keyNonce(leaf: 2, type: .application, generation: 17) }
        #expect(try tree.keyNonce(leaf: 2, type: .application, generation: 11) == expected[11])
        // The handshake ratchet of the same leaf is independent.
        #expect(try tree.nextGeneration(leaf: 2, type: .handshake) == 0)
        #expect(try tree.nextKeyNonce(leaf: 2, type: .handshake).generation == 0)
    }

    @Test func sendingAndReceivingAgree() throws {
        let suite = try CipherSuite(3)
        var sender = try SecretTree(cipherSuite: suite, encryptionSecret: suite.zeroSecret, leafCount: 2)
        var receiver = try SecretTree(cipherSuite: suite, encryptionSecret: suite.zeroSecret, leafCount: 2)
        for _ in 0..<3 {
            let k = try sender.nextKeyNonce(leaf: 1, type: .handshake)
            #expect(try receiver.keyNonce(leaf: 1, type: .handshake, generation: k.generation) == k)
        }
    }

    @Test func badLeavesAndSizesAreTypedErrors() throws {
        let suite = try CipherSuite(1)
        #expect(throws: MLSError.code(.indexOutOfRange)) { try SecretTree(cipherSuite: suite, encryptionSecret: [], leafCount: 3) }
        #expect(throws: MLSError.code(.indexOutOfRange)) { try SecretTree(cipherSuite: suite, encryptionSecret: [], leafCount: 0) }
        var tree = try SecretTree(cipherSuite: suite, encryptionSecret: suite.zeroSecret, leafCount: 2)
        #expect(throws: MLSError.code(.senderNotMember)) { try tree.keyNonce(leaf: 2, type: .handshake, generation: 0) }
        #expect(throws: MLSError.code(.senderNotMember)) { try tree.nextKeyNonce(leaf: UInt32.max, type: .application) }
    }

    @Test func shortCiphertextUsesTheWholeSample() throws {
        let suite = try CipherSuite(1)
        let a = try SenderDataKeys.derive(cipherSuite: suite, senderDataSecret: suite.zeroSecret, ciphertext: [1, 2, 3])
        let b = try SenderDataKeys.derive(cipherSuite: suite, senderDataSecret: suite.zeroSecret, ciphertext: [1, 2, 3, 4])
        #expect(a.key != b.key)
        let long1 = try SenderDataKeys.derive(cipherSuite: suite, senderDataSecret: suite.zeroSecret, ciphertext: [UInt8](repeating: 1, count: 40))
        let long2 = try SenderDataKeys.derive(cipherSuite: suite, senderDataSecret: suite.zeroSecret,
                                              ciphertext: [UInt8](repeating: 1, count: 32) + [UInt8](repeating: 2, count: 8))
        #expect(long1 == long2)
    }

    @Test func runnerPassesSupportedAndReportsUnsupported() throws {
        let results = SecretTreeRunner().run(try CryptoVectorFile.source("mls/secret-tree.json"))
        #expect(results.count == 21)
        #expect(results.filter { $0.status == .passed }.count == 15, "\(results.filter { $0.status == .failed || $0.status == .error }.map { "\($0.id) \($0.message ?? "")" })")
        #expect(results.filter { $0.status == .unsupported }.count == 6)
    }
}
