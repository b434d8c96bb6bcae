import TLSCodec

/// EncryptWithLabel and DecryptWithLabel (RFC 9420 §5.1.3) and the suite's HPKE and key derivation.
extension CipherSuite {
    /// The suite's HPKE configuration (KEM, KDF = the suite's hash, AEAD).
    public var hpke: HPKEBase { HPKEBase(kem: kem, kdf: hash, aead: aead) }

    /// EncryptContext = { opaque label<V> = "MLS 1.0 " + Label; opaque context<V> } (RFC 9420 §5.1.3).
    public static func encryptContext(label: String, context: [UInt8]) -> [UInt8] {
        var w = TLSWriter()
        w.writeOpaque(labelPrefix + Array(label.utf8))
        w.writeOpaque(context)
        return w.bytes
    }

    /// EncryptWithLabel(PublicKey, Label, Context, Plaintext): HPKE base-mode SealBase with info = EncryptContext and
    /// empty aad; the ephemeral key comes from `rng`.
    public func encryptWithLabel(publicKey: [UInt8], label: String, context: [UInt8], plaintext: [UInt8],
                                 using rng: inout DeterministicRandom) throws -> (kemOutput: [UInt8], ciphertext: [UInt8]) {
        try labeledEncryptor(label: label, context: context).encrypt(publicKey: publicKey, plaintext: plaintext, using: &rng)
    }

    /// EncryptWithLabel to many recipients under one Label and Context, in order, drawing each ephemeral key from
    /// `rng` as that many single calls would: the same outputs, with the HPKE info hashed once
    /// (see ``LabeledEncryptor``).
    public func encryptWithLabel(recipients: [(publicKey: [UInt8], plaintext: [UInt8])], label: String, context: [UInt8],
                                 using rng: inout DeterministicRandom) throws -> [(kemOutput: [UInt8], ciphertext: [UInt8])] {
        let encryptor = labeledEncryptor(label: label, context: context)
        return try recipients.map { try encryptor.encrypt(publicKey: $0.publicKey, plaintext: $0.plaintext, using: &rng) }
    }

    /// An EncryptWithLabel for one Label and Context that can seal to any number of recipients
    /// (RFC 9420 §5.1.3, RFC 9180 §5.1).
    public func labeledEncryptor(label: String, context: [UInt8]) -> LabeledEncryptor {
        LabeledEncryptor(hpke: hpke, context: hpke.keyScheduleContext(info: Self.encryptContext(label: label, context: context)))
    }

    /// DecryptWithLabel(PrivateKey, Label, Context, KEMOutput, Ciphertext) (RFC 9420 §5.1.3).
    public func decryptWithLabel(privateKey: [UInt8], label: String, context: [UInt8], kemOutput: [UInt8],
                                 ciphertext: [UInt8]) throws -> [UInt8] {
        try hpke.open(enc: kemOutput, privateKey: privateKey, info: Self.encryptContext(label: label, context: context),
                      aad: [], ciphertext: ciphertext)
    }

    /// DeriveKeyPair of the suite's KEM (RFC 9180 §7.1.3), as used for external_pub and TreeKEM node keys.
    public func deriveKeyPair(ikm: [UInt8]) throws -> (privateKey: [UInt8], publicKey: [UInt8]) {
        try kem.deriveKeyPair(ikm: ikm)
    }

    /// A fresh HPKE key pair from `rng`.
    public func generateKEMKeyPair(using rng: inout DeterministicRandom) throws -> (privateKey: [UInt8], publicKey: [UInt8]) {
        try kem.generateKeyPair(using: &rng)
    }

    /// A fresh signature key pair from `rng` (see ``SignatureScheme`` on ECDSA's randomized signatures).
    public func generateSignatureKeyPair(using rng: inout DeterministicRandom) throws -> (privateKey: [UInt8], publicKey: [UInt8]) {
        try signature.generateKeyPair(using: &rng)
    }
}

/// EncryptWithLabel (RFC 9420 §5.1.3) with its Label and Context fixed: the HPKE info (EncryptContext) is hashed into
/// the key schedule context once (RFC 9180 §5.1: info_hash depends only on the info and the suite), and each
/// ``encrypt(publicKey:plaintext:using:)`` does only the per-recipient work (Encap, secret, key, nonce, AEAD).
/// Outputs are byte-identical to ``CipherSuite/encryptWithLabel(publicKey:label:context:plaintext:using:)``.
public struct LabeledEncryptor: Sendable {
    let hpke: HPKEBase
    let context: HPKEKeyScheduleContext

    /// SealBase(PublicKey, EncryptContext, "", Plaintext) with the ephemeral key drawn from `rng`.
    public func encrypt(publicKey: [UInt8], plaintext: [UInt8],
                        using rng: inout DeterministicRandom) throws -> (kemOutput: [UInt8], ciphertext: [UInt8]) {
        let r = try hpke.seal(publicKey: publicKey, context: context, aad: [], plaintext: plaintext, using: &rng)
        return (r.enc, r.ciphertext)
    }
}
