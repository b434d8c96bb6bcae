import MLSCrypto
import Results

/// Runs `crypto-basics.json`: RefHash, ExpandWithLabel, DeriveSecret, DeriveTreeSecret (exact outputs), and
/// Sign/VerifyWithLabel and Encrypt/DecryptWithLabel (verify or decrypt the given values, then round-trip our own).
public struct CryptoBasicsRunner: VectorRunner {
    public let name = "crypto-basics"
    public init() {}

    public func accepts(relativePath: String) -> Bool { MLSVectorCases.isFile(relativePath, named: "crypto-basics.json") }

    struct Case: Decodable {
        struct RefHash: Decodable { let label: String; let value: HexBytes; let out: HexBytes }
        struct ExpandWithLabel: Decodable {
            let secret: HexBytes; let label: String; let context: HexBytes; let length: Int; let out: HexBytes
        }
        struct DeriveSecret: Decodable { let secret: HexBytes; let label: String; let out: HexBytes }
        struct DeriveTreeSecret: Decodable {
            let secret: HexBytes; let label: String; let generation: UInt32; let length: Int; let out: HexBytes
        }
        struct SignWithLabel: Decodable {
            let priv: HexBytes; let pub: HexBytes; let content: HexBytes; let label: String; let signature: HexBytes
        }
        struct EncryptWithLabel: Decodable {
            let priv: HexBytes; let pub: HexBytes; let label: String; let context: HexBytes; let plaintext: HexBytes
            let kem_output: HexBytes; let ciphertext: HexBytes
        }
        let cipher_suite: UInt16
        let ref_hash: RefHash
        let expand_with_label: ExpandWithLabel
        let derive_secret: DeriveSecret
        let derive_tree_secret: DeriveTreeSecret
        let sign_with_label: SignWithLabel
        let encrypt_with_label: EncryptWithLabel
    }

    public func run(_ source: VectorSource) -> [CaseResult] {
        MLSVectorCases.run(source, as: Case.self,
                           requirements: ["RFC9420 §5.1", "RFC9420 §5.1.2", "RFC9420 §5.1.3", "RFC9420 §5.2", "RFC9420 §8", "RFC9420 §9"],
                           cipherSuite: { $0.cipher_suite }) { c, id in
            let suite = try MLSVectorCases.suite(c.cipher_suite)
            try Self.check(c, suite: suite, id: id)
        }
    }

    static func check(_ c: Case, suite: CipherSuite, id: String) throws {
        let r = c.ref_hash
        try VectorCase.expectEqual(suite.refHash(label: r.label, value: r.value.bytes), r.out.bytes, "ref_hash.out", "RFC9420 §5.2")

        let e = c.expand_with_label
        try VectorCase.field("expand_with_label") {
            try VectorCase.expectEqual(try suite.expandWithLabel(secret: e.secret.bytes, label: e.label, context: e.context.bytes,
                                                                 length: e.length),
                                       e.out.bytes, "expand_with_label.out", "RFC9420 §8")
        }

        let d = c.derive_secret
        try VectorCase.field("derive_secret") {
            try VectorCase.expectEqual(try suite.deriveSecret(d.secret.bytes, label: d.label), d.out.bytes, "derive_secret.out", "RFC9420 §8")
        }

        let t = c.derive_tree_secret
        try VectorCase.field("derive_tree_secret") {
            try VectorCase.expectEqual(try suite.deriveTreeSecret(t.secret.bytes, label: t.label, generation: t.generation, length: t.length),
                                       t.out.bytes, "derive_tree_secret.out", "RFC9420 §9")
        }

        try VectorCase.field("sign_with_label") { try signWithLabel(c.sign_with_label, suite: suite) }
        try VectorCase.field("encrypt_with_label") { try encryptWithLabel(c.encrypt_with_label, suite: suite, id: id) }
    }

    static func signWithLabel(_ s: Case.SignWithLabel, suite: CipherSuite) throws {
        try VectorCase.expectEqual(try VectorCase.field("sign_with_label.priv") { try suite.signature.publicKey(privateKey: s.priv.bytes) },
                                   s.pub.bytes,
                                   "sign_with_label.pub (public key of priv)", "RFC9420 §5.1.2")
        let verified = try VectorCase.field("sign_with_label.signature") {
            try suite.verifyWithLabel(publicKey: s.pub.bytes, label: s.label, content: s.content.bytes, signature: s.signature.bytes)
        }
        try VectorCase.expectEqual(verified, true, "sign_with_label.signature verifies", "RFC9420 §5.1.2")
        let own = try suite.signWithLabel(privateKey: s.priv.bytes, label: s.label, content: s.content.bytes)
        try VectorCase.expectEqual(try suite.verifyWithLabel(publicKey: s.pub.bytes, label: s.label, content: s.content.bytes,
                                                             signature: own),
                                   true, "sign_with_label: own signature verifies", "RFC9420 §5.1.2")
        try VectorCase.expectEqual(try suite.verifyWithLabel(publicKey: s.pub.bytes, label: s.label + "x", content: s.content.bytes,
                                                             signature: s.signature.bytes),
                                   false, "sign_with_label: signature must not verify under another label", "RFC9420 §5.1.2")
    }

    static func encryptWithLabel(_ x: Case.EncryptWithLabel, suite: CipherSuite, id: String) throws {
        try VectorCase.expectEqual(try VectorCase.field("encrypt_with_label.priv") { try suite.kem.publicKey(privateKey: x.priv.bytes) },
                                   x.pub.bytes,
                                   "encrypt_with_label.pub (public key of priv)", "RFC9180 §7.1")
        let opened = try VectorCase.field("encrypt_with_label.kem_output, ciphertext") {
            try suite.decryptWithLabel(privateKey: x.priv.bytes, label: x.label, context: x.context.bytes,
                                       kemOutput: x.kem_output.bytes, ciphertext: x.ciphertext.bytes)
        }
        try VectorCase.expectEqual(opened, x.plaintext.bytes, "encrypt_with_label.plaintext (decrypted)", "RFC9420 §5.1.3")
        var rng = DeterministicRandom(seed: Array(id.utf8))
        let sealed = try suite.encryptWithLabel(publicKey: x.pub.bytes, label: x.label, context: x.context.bytes,
                                                plaintext: x.plaintext.bytes, using: &rng)
        let reopened = try suite.decryptWithLabel(privateKey: x.priv.bytes, label: x.label, context: x.context.bytes,
                                                  kemOutput: sealed.kemOutput, ciphertext: sealed.ciphertext)
        try VectorCase.expectEqual(reopened, x.plaintext.bytes, "encrypt_with_label: own encryption round trip", "RFC9420 §5.1.3")
    }
}
