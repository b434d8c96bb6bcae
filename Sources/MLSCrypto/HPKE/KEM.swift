/// The DHKEM of a cipher suite (RFC 9180 §4.1, §7.1): X25519, P-256, P-384 or P-521 with HKDF.
///
/// Keys are raw bytes: public keys in SerializePublicKey form (32-byte X25519 keys, uncompressed SEC1 points for
/// the NIST curves), private keys in SerializePrivateKey form (32 bytes, or the big-endian scalar; one byte short
/// is accepted and left-padded).
public enum KEM: Sendable, Hashable {
    case x25519, p256, p384, p521

    /// RFC 9180 KEM identifier.
    public var id: UInt16 {
        switch self {
        case .p256: return 0x0010
        case .p384: return 0x0011
        case .p521: return 0x0012
        case .x25519: return 0x0020
        }
    }

    /// The KDF the KEM uses internally (RFC 9180 §7.1).
    public var kdf: HashAlgorithm {
        switch self {
        case .x25519, .p256: return .sha256
        case .p384: return .sha384
        case .p521: return .sha512
        }
    }

    /// Nsecret.
    public var sharedSecretLength: Int { kdf.outputLength }
    /// Nsk.
    public var privateKeyLength: Int {
        switch self {
        case .x25519, .p256: return 32
        case .p384: return 48
        case .p521: return 66
        }
    }
    /// Npk = Nenc.
    public var publicKeyLength: Int {
        switch self {
        case .x25519: return 32
        case .p256: return 65
        case .p384: return 97
        case .p521: return 133
        }
    }

    private var suiteID: [UInt8] { Array("KEM".utf8) + [UInt8(id >> 8), UInt8(id & 0xff)] }

    // MARK: Key pairs

    /// DeriveKeyPair(ikm) (RFC 9180 §7.1.3): X25519 expands "sk"; the NIST curves try "candidate" scalars in order.
    public func deriveKeyPair(ikm: [UInt8]) throws -> (privateKey: [UInt8], publicKey: [UInt8]) {
        let sk = try derivePrivateKey(ikm: ikm)
        return (sk, try KEMPrivateKey(self, privateKey: sk).publicKey)
    }

    /// The private half of DeriveKeyPair(ikm) (RFC 9180 §7.1.3), without computing the public key.
    func derivePrivateKey(ikm: [UInt8]) throws -> [UInt8] {
        let dkpPRK = HPKELabels.labeledExtract(kdf, suiteID: suiteID, salt: [], label: "dkp_prk", ikm: ikm)
        switch self {
        case .x25519:
            return try HPKELabels.labeledExpand(kdf, suiteID: suiteID, prk: dkpPRK, label: "sk", info: [], length: 32)
        case .p256, .p384, .p521:
            let order: CurveOrder = self == .p256 ? .p256 : (self == .p384 ? .p384 : .p521)
            for counter in 0...255 {
                let bytes = try HPKELabels.labeledExpand(kdf, suiteID: suiteID, prk: dkpPRK, label: "candidate",
                                                         info: [UInt8(counter)], length: privateKeyLength)
                if let c = order.candidate(bytes) { return c }
            }
            throw MLSCryptoError(.deriveKeyPairFailed, "DeriveKeyPair found no valid scalar in 256 candidates (RFC 9180 §7.1.3)")
        }
    }

    /// A fresh key pair: DeriveKeyPair over Nsk bytes drawn from `rng` (RFC 9180 §4: GenerateKeyPair).
    public func generateKeyPair(using rng: inout DeterministicRandom) throws -> (privateKey: [UInt8], publicKey: [UInt8]) {
        try deriveKeyPair(ikm: rng.bytes(privateKeyLength))
    }

    /// The public key of a private key.
    public func publicKey(privateKey: [UInt8]) throws -> [UInt8] {
        try KEMPrivateKey(self, privateKey: privateKey).publicKey
    }

    /// The private key at exactly Nsk bytes.
    public func normalizedPrivateKey(_ key: [UInt8]) throws -> [UInt8] {
        if key.count == privateKeyLength { return key }
        if self != .x25519, key.count == privateKeyLength - 1 { return [0] + key }
        throw MLSCryptoError(.invalidKeyLength, "\(self) KEM private key is \(key.count) bytes; expected \(privateKeyLength)")
    }

    // MARK: Encap / Decap (RFC 9180 §4.1)

    /// DH(sk, pk): the X25519 output or the x-coordinate of the NIST-curve point.
    func dh(privateKey: [UInt8], publicKey: [UInt8]) throws -> [UInt8] {
        try KEMPrivateKey(self, privateKey: privateKey).dh(publicKey: publicKey)
    }

    private func extractAndExpand(dh: [UInt8], kemContext: [UInt8]) throws -> [UInt8] {
        let prk = HPKELabels.labeledExtract(kdf, suiteID: suiteID, salt: [], label: "eae_prk", ikm: dh)
        return try HPKELabels.labeledExpand(kdf, suiteID: suiteID, prk: prk, label: "shared_secret", info: kemContext,
                                            length: sharedSecretLength)
    }

    /// Encap(pkR) with the ephemeral key derived from `ephemeralIKM` (DeriveKeyPair), so that encapsulation is
    /// reproducible: returns (shared_secret, enc). The ephemeral scalar is imported once for pkE and the DH.
    public func encap(publicKey pkR: [UInt8], ephemeralIKM: [UInt8]) throws -> (sharedSecret: [UInt8], enc: [UInt8]) {
        let skE = try KEMPrivateKey(self, privateKey: try derivePrivateKey(ikm: ephemeralIKM))
        let pkE = skE.publicKey
        let dh = try skE.dh(publicKey: pkR)
        return (try extractAndExpand(dh: dh, kemContext: pkE + pkR), pkE)
    }

    /// Decap(enc, skR) → shared_secret. The private key is imported once for the DH and pkR.
    public func decap(enc: [UInt8], privateKey skR: [UInt8]) throws -> [UInt8] {
        let key = try KEMPrivateKey(self, privateKey: skR)
        let dh = try key.dh(publicKey: enc)
        return try extractAndExpand(dh: dh, kemContext: enc + key.publicKey)
    }
}
