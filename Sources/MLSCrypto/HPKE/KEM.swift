import Crypto

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
        let dkpPRK = HPKELabels.labeledExtract(kdf, suiteID: suiteID, salt: [], label: "dkp_prk", ikm: ikm)
        let sk: [UInt8]
        switch self {
        case .x25519:
            sk = try HPKELabels.labeledExpand(kdf, suiteID: suiteID, prk: dkpPRK, label: "sk", info: [], length: 32)
        case .p256, .p384, .p521:
            let order: CurveOrder = self == .p256 ? .p256 : (self == .p384 ? .p384 : .p521)
            var found: [UInt8]?
            for counter in 0...255 {
                let bytes = try HPKELabels.labeledExpand(kdf, suiteID: suiteID, prk: dkpPRK, label: "candidate",
                                                         info: [UInt8(counter)], length: privateKeyLength)
                if let c = order.candidate(bytes) {
                    found = c
                    break
                }
            }
            guard let found else {
                throw MLSCryptoError(.deriveKeyPairFailed, "DeriveKeyPair found no valid scalar in 256 candidates (RFC 9180 §7.1.3)")
            }
            sk = found
        }
        return (sk, try publicKey(privateKey: sk))
    }

    /// A fresh key pair: DeriveKeyPair over Nsk bytes drawn from `rng` (RFC 9180 §4: GenerateKeyPair).
    public func generateKeyPair(using rng: inout DeterministicRandom) throws -> (privateKey: [UInt8], publicKey: [UInt8]) {
        try deriveKeyPair(ikm: rng.bytes(privateKeyLength))
    }

    /// The public key of a private key.
    public func publicKey(privateKey: [UInt8]) throws -> [UInt8] {
        let sk = try normalizedPrivateKey(privateKey)
        do {
            switch self {
            case .x25519: return Array(try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: sk).publicKey.rawRepresentation)
            case .p256: return Array(try P256.KeyAgreement.PrivateKey(rawRepresentation: sk).publicKey.x963Representation)
            case .p384: return Array(try P384.KeyAgreement.PrivateKey(rawRepresentation: sk).publicKey.x963Representation)
            case .p521: return Array(try P521.KeyAgreement.PrivateKey(rawRepresentation: sk).publicKey.x963Representation)
            }
        } catch {
            throw MLSCryptoError(.invalidKey, "\(self) KEM private key rejected: \(error)")
        }
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
        let sk = try normalizedPrivateKey(privateKey)
        guard publicKey.count == publicKeyLength else {
            throw MLSCryptoError(.invalidKeyLength, "\(self) KEM public key is \(publicKey.count) bytes; expected \(publicKeyLength)")
        }
        do {
            let shared: SharedSecret
            switch self {
            case .x25519:
                shared = try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: sk)
                    .sharedSecretFromKeyAgreement(with: Curve25519.KeyAgreement.PublicKey(rawRepresentation: publicKey))
            case .p256:
                shared = try P256.KeyAgreement.PrivateKey(rawRepresentation: sk)
                    .sharedSecretFromKeyAgreement(with: P256.KeyAgreement.PublicKey(x963Representation: publicKey))
            case .p384:
                shared = try P384.KeyAgreement.PrivateKey(rawRepresentation: sk)
                    .sharedSecretFromKeyAgreement(with: P384.KeyAgreement.PublicKey(x963Representation: publicKey))
            case .p521:
                shared = try P521.KeyAgreement.PrivateKey(rawRepresentation: sk)
                    .sharedSecretFromKeyAgreement(with: P521.KeyAgreement.PublicKey(x963Representation: publicKey))
            }
            let out = shared.withUnsafeBytes { Array($0) }
            if self == .x25519, out.allSatisfy({ $0 == 0 }) {
                throw MLSCryptoError(.invalidKey, "X25519 produced the all-zero shared secret (RFC 9180 §7.1.4)")
            }
            return out
        } catch let e as MLSCryptoError {
            throw e
        } catch {
            throw MLSCryptoError(.invalidKey, "\(self) key agreement failed: \(error)")
        }
    }

    private func extractAndExpand(dh: [UInt8], kemContext: [UInt8]) throws -> [UInt8] {
        let prk = HPKELabels.labeledExtract(kdf, suiteID: suiteID, salt: [], label: "eae_prk", ikm: dh)
        return try HPKELabels.labeledExpand(kdf, suiteID: suiteID, prk: prk, label: "shared_secret", info: kemContext,
                                            length: sharedSecretLength)
    }

    /// Encap(pkR) with the ephemeral key derived from `ephemeralIKM` (DeriveKeyPair), so that encapsulation is
    /// reproducible: returns (shared_secret, enc).
    public func encap(publicKey pkR: [UInt8], ephemeralIKM: [UInt8]) throws -> (sharedSecret: [UInt8], enc: [UInt8]) {
        let (skE, pkE) = try deriveKeyPair(ikm: ephemeralIKM)
        let dh = try self.dh(privateKey: skE, publicKey: pkR)
        return (try extractAndExpand(dh: dh, kemContext: pkE + pkR), pkE)
    }

    /// Decap(enc, skR) → shared_secret.
    public func decap(enc: [UInt8], privateKey skR: [UInt8]) throws -> [UInt8] {
        let dh = try self.dh(privateKey: skR, publicKey: enc)
        let pkR = try publicKey(privateKey: skR)
        return try extractAndExpand(dh: dh, kemContext: enc + pkR)
    }
}
