import MLS
import MLSCrypto
import Results
import TLSCodec

/// Runs `welcome.json` (RFC 9420 §12.4.3.1, §10.1): validates the KeyPackage (§10.1; its findings go on the case),
/// finds its EncryptedGroupSecrets by KeyPackageRef, opens
/// the GroupSecrets with the init key, opens the GroupInfo with the welcome key and nonce, verifies its signature
/// with the signer's key, runs the key schedule from the joiner secret and checks the confirmation tag.
public struct WelcomeRunner: VectorRunner {
    public let name = "welcome"
    public init() {}

    public func accepts(relativePath: String) -> Bool { MLSVectorCases.isFile(relativePath, named: "welcome.json") }

    struct Case: Decodable {
        let cipher_suite: UInt16
        let init_priv: HexBytes
        let signer_pub: HexBytes
        let key_package: HexBytes
        let welcome: HexBytes
    }

    public func run(_ source: VectorSource) -> [CaseResult] {
        MLSVectorCases.run(source, as: Case.self,
                           requirements: ["RFC9420 §12.4.3.1", "RFC9420 §12.4.3", "RFC9420 §8", "RFC9420 §5.2", "RFC9420 §10.1",
                                          "RFC9420-6-unsupportedVersion"],
                           cipherSuite: { $0.cipher_suite }) { c, _, findings in
            let suite = try MLSVectorCases.suite(c.cipher_suite)
            let (kp, welcome) = try MLSVectorCases.keyPackageAndWelcome(c.key_package.bytes, c.welcome.bytes)
            try VectorCase.expectEqual(try suite.kem.publicKey(privateKey: c.init_priv.bytes), kp.initKey, "init_priv", "RFC9420 §10")
            do {
                findings += try KeyPackageValidation.validate(kp, suite: suite, lifetime: .off)
            } catch let e as MLSError {
                throw VectorMismatch(field: "key_package", expected: "a valid KeyPackage", actual: "\(e)", requirement: e.requirement)
            }
            let opened = try WelcomeOpening(welcome: welcome, keyPackage: kp, initPrivateKey: c.init_priv.bytes, psks: PSKStore())
            try opened.verifyGroupInfoSignature(signerKey: c.signer_pub.bytes)
            _ = try opened.epochSecrets()
        }
    }
}
