import MLSCrypto
import Testing

@Suite struct CipherSuiteTests {
    @Test(arguments: [UInt16(1), 2, 3, 5, 7])
    func supportedSuitesConstruct(id: UInt16) throws {
        let suite = try CipherSuite(id)
        #expect(suite.id == id)
        #expect(CipherSuite.unsupportedReason(id) == nil)
        #expect(suite.hashLength == suite.hash.hash([]).count)
    }

    @Test(arguments: [UInt16(4), 6])
    func x448SuitesAreUnsupportedWithReason(id: UInt16) throws {
        let reason = try #require(CipherSuite.unsupportedReason(id))
        #expect(reason.contains("X448"))
        #expect(throws: MLSCryptoError(.unsupportedCipherSuite, "")) { try CipherSuite(id) }
    }

    @Test(arguments: [UInt16(0), 8, 0x0A0A, 0xFFFF])
    func unknownSuitesAreUnsupported(id: UInt16) {
        #expect(CipherSuite.unsupportedReason(id) != nil)
        #expect(throws: MLSCryptoError.self) { try CipherSuite(id) }
    }

    @Test func parameterSizes() throws {
        let s1 = try CipherSuite(1), s5 = try CipherSuite(5), s7 = try CipherSuite(7)
        #expect((s1.hashLength, s1.aeadKeyLength, s1.aeadNonceLength) == (32, 16, 12))
        #expect((s5.hashLength, s5.aeadKeyLength, s5.aeadNonceLength) == (64, 32, 12))
        #expect((s7.hashLength, s7.aeadKeyLength) == (48, 32))
        #expect(CipherSuite.all.map(\.id) == [1, 2, 3, 5, 7])
    }

    @Test func hkdfExpandMatchesRFC5869Case1() throws {
        // RFC 5869 Appendix A.1.
        let ikm = [UInt8](repeating: 0x0b, count: 22)
        let salt = try [UInt8](hex: "000102030405060708090a0b0c")
        let info = try [UInt8](hex: "f0f1f2f3f4f5f6f7f8f9")
        let prk = HashAlgorithm.sha256.extract(salt: salt, ikm: ikm)
        #expect(prk.hex == "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5")
        let okm = try HashAlgorithm.sha256.expand(prk: prk, info: info, length: 42)
        #expect(okm.hex == "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865")
        #expect(throws: MLSCryptoError(.invalidLength, "")) { try HashAlgorithm.sha256.expand(prk: prk, info: [], length: 255 * 32 + 1) }
    }
}
