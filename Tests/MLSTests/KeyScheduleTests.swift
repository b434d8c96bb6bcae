import MLS
import MLSCrypto
import Results
import TLSCodec
import Testing
import Vectors

/// The key schedule, PSK secret and transcript hashes against the published vectors (RFC 9420 §8, §8.2, §8.4).
@Suite struct KeyScheduleTests {
    @Test func everyEpochOfEverySupportedSuite() throws {
        var epochsChecked = 0
        for c in try CryptoVectorFile("mls/key-schedule.json").cases {
            guard let suite = try? CipherSuite(UInt16(c.intField("cipher_suite"))) else { continue }
            var initSecret = try c.hexField("initial_init_secret")
            for e in try #require(c["epochs"] as? [[String: Any]]) {
                let s = try KeySchedule.nextEpoch(cipherSuite: suite, initSecret: initSecret, commitSecret: e.hexField("commit_secret"),
                                                  pskSecret: e.hexField("psk_secret"), groupContext: e.hexField("group_context"))
                #expect(s.joinerSecret == (try e.hexField("joiner_secret")))
                #expect(s.welcomeSecret == (try e.hexField("welcome_secret")))
                #expect(s.initSecret == (try e.hexField("init_secret")))
                #expect(s.senderDataSecret == (try e.hexField("sender_data_secret")))
                #expect(s.encryptionSecret == (try e.hexField("encryption_secret")))
                #expect(s.exporterSecret == (try e.hexField("exporter_secret")))
                #expect(s.epochAuthenticator == (try e.hexField("epoch_authenticator")))
                #expect(s.externalSecret == (try e.hexField("external_secret")))
                #expect(s.confirmationKey == (try e.hexField("confirmation_key")))
                #expect(s.membershipKey == (try e.hexField("membership_key")))
                #expect(s.resumptionPSK == (try e.hexField("resumption_psk")))
                #expect(try s.externalKeyPair().publicKey == e.hexField("external_pub"))
                let x = try e.object("exporter")
                let label = try #require(x["label"] as? String)
                #expect(try s.export(label: label, context: x.hexField("context"), length: x.intField("length")) == x.hexField("secret"))
                // The welcome secret is also reachable from the joiner secret alone (a joiner's view).
                #expect(try KeySchedule.welcomeSecret(cipherSuite: suite, joinerSecret: s.joinerSecret, pskSecret: e.hexField("psk_secret"))
                        == s.welcomeSecret)
                initSecret = s.initSecret
                epochsChecked += 1
            }
        }
        #expect(epochsChecked == 25)
    }

    @Test func exporterLabelIsTheLiteralString() throws {
        // mls-vectors.md pitfall 1: hex-decoding the label gives a different (wrong) exporter output.
        let c = try #require(try CryptoVectorFile("mls/key-schedule.json").cases.first)
        let suite = try CipherSuite(UInt16(c.intField("cipher_suite")))
        let e = try #require((c["epochs"] as? [[String: Any]])?.first)
        let x = try e.object("exporter")
        let label = try #require(x["label"] as? String)
        let hexDecoded = try suite.mlsExporter(exporterSecret: e.hexField("exporter_secret"), label: [UInt8](hex: label),
                                               context: x.hexField("context"), length: x.intField("length"))
        #expect(hexDecoded != (try x.hexField("secret")))
    }

    @Test func welcomeKeyAndNonceSizes() throws {
        for suite in CipherSuite.all {
            let (key, nonce) = try KeySchedule.welcomeKeyAndNonce(cipherSuite: suite, welcomeSecret: suite.zeroSecret)
            #expect(key.count == suite.aeadKeyLength && nonce.count == suite.aeadNonceLength)
        }
    }

    @Test func pskSecretForEveryCase() throws {
        var checked = 0
        for c in try CryptoVectorFile("mls/psk_secret.json").cases {
            guard let suite = try? CipherSuite(UInt16(c.intField("cipher_suite"))) else { continue }
            let psks = try #require(c["psks"] as? [[String: Any]]).map { p in
                var w = TLSWriter()
                w.writeUInt8(1)
                w.writeOpaque(try p.hexField("psk_id"))
                w.writeOpaque(try p.hexField("psk_nonce"))
                return PSKSecret.Input(pskID: w.bytes, psk: try p.hexField("psk"))
            }
            #expect(try PSKSecret.compute(cipherSuite: suite, psks: psks) == c.hexField("psk_secret"))
            checked += 1
        }
        #expect(checked == 55)
    }

    @Test func transcriptHashesAndConfirmationTag() throws {
        var checked = 0
        for c in try CryptoVectorFile("mls/transcript-hashes.json").cases {
            guard let suite = try? CipherSuite(UInt16(c.intField("cipher_suite"))) else { continue }
            let content = try c.hexField("authenticated_content")
            // The AuthenticatedContent ends with confirmation_tag<V> = varint(Nh) ‖ tag; Nh = 64 needs a two-byte header.
            var header = TLSWriter()
            header.writeVarintLength(suite.hashLength)
            let tagStart = content.count - suite.hashLength
            let headerStart = tagStart - header.bytes.count
            #expect(Array(content[headerStart..<tagStart]) == header.bytes)
            let tag = Array(content[tagStart...])
            let input = Array(content[..<headerStart])
            let confirmed = TranscriptHash.confirmed(cipherSuite: suite, interimBefore: try c.hexField("interim_transcript_hash_before"),
                                                     confirmedInput: input)
            #expect(confirmed == (try c.hexField("confirmed_transcript_hash_after")))
            #expect(TranscriptHash.confirmationTag(cipherSuite: suite, confirmationKey: try c.hexField("confirmation_key"),
                                                   confirmed: confirmed) == tag)
            #expect(TranscriptHash.verifyConfirmationTag(cipherSuite: suite, confirmationKey: try c.hexField("confirmation_key"),
                                                         confirmed: confirmed, tag: tag))
            #expect(TranscriptHash.interim(cipherSuite: suite, confirmed: confirmed, confirmationTag: tag)
                    == (try c.hexField("interim_transcript_hash_after")))
            checked += 1
        }
        #expect(checked == 5)
    }

    @Test func runnersPassSupportedAndReportUnsupported() throws {
        let ks = KeyScheduleRunner().run(try CryptoVectorFile.source("mls/key-schedule.json"))
        #expect(ks.filter { $0.status == .passed }.count == 5, "\(ks.map { "\($0.id) \($0.status) \($0.message ?? "")" })")
        #expect(ks.filter { $0.status == .unsupported }.map(\.cipherSuite) == [4, 6])
        let psk = PSKSecretRunner().run(try CryptoVectorFile.source("mls/psk_secret.json"))
        #expect(psk.count == 77)
        #expect(psk.filter { $0.status == .passed }.count == 55, "\(psk.filter { $0.status != .passed && $0.status != .unsupported }.map { "\($0.id) \($0.message ?? "")" })")
        #expect(psk.filter { $0.status == .unsupported }.count == 22)
    }

    @Test func runnerReportsAChangedValueAsAFailureWithExpectedAndActual() throws {
        let source = try CryptoVectorFile.source("mls/key-schedule.json")
        let original = try #require(String(bytes: source.bytes, encoding: .utf8))
        let c = try #require(try CryptoVectorFile("mls/key-schedule.json").cases.first)
        let e = try #require((c["epochs"] as? [[String: Any]])?[2])
        let good = try #require(e["membership_key"] as? String)
        let bad = String(good.dropLast()) + (good.hasSuffix("0") ? "1" : "0")
        let tampered = VectorSource(url: source.url, relativePath: source.relativePath,
                                    bytes: Array(original.replacingOccurrences(of: good, with: bad).utf8))
        let results = KeyScheduleRunner().run(tampered)
        let first = try #require(results.first)
        #expect(first.status == .failed)
        #expect(first.message?.contains("epochs[2].membership_key") == true)
        #expect(first.expected == bad && first.actual == good)
        #expect(results.dropFirst().filter { $0.status == .passed }.count == 4)
    }
}
