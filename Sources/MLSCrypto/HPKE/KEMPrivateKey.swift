import Crypto

/// A DHKEM private key imported once (RFC 9180 §4.1, §7.1): importing computes its public key (one scalar
/// multiplication), so DH and SerializePublicKey both use the one import instead of importing the scalar again.
struct KEMPrivateKey {
    private enum Key {
        case x25519(Curve25519.KeyAgreement.PrivateKey)
        case p256(P256.KeyAgreement.PrivateKey)
        case p384(P384.KeyAgreement.PrivateKey)
        case p521(P521.KeyAgreement.PrivateKey)
    }

    private let key: Key
    let kem: KEM

    /// Imports SerializePrivateKey bytes (one byte short is left-padded for the NIST curves).
    init(_ kem: KEM, privateKey: [UInt8]) throws {
        let sk = try kem.normalizedPrivateKey(privateKey)
        self.kem = kem
        do {
            switch kem {
            case .x25519: key = .x25519(try Curve25519.KeyAgreement.PrivateKey(rawRepresentation: sk))
            case .p256: key = .p256(try P256.KeyAgreement.PrivateKey(rawRepresentation: sk))
            case .p384: key = .p384(try P384.KeyAgreement.PrivateKey(rawRepresentation: sk))
            case .p521: key = .p521(try P521.KeyAgreement.PrivateKey(rawRepresentation: sk))
            }
        } catch {
            throw MLSCryptoError(.invalidKey, "\(kem) KEM private key rejected: \(error)")
        }
    }

    /// SerializePublicKey(pk(sk)): 32 bytes for X25519, the uncompressed SEC1 point for the NIST curves.
    var publicKey: [UInt8] {
        switch key {
        case .x25519(let k): return Array(k.publicKey.rawRepresentation)
        case .p256(let k): return Array(k.publicKey.x963Representation)
        case .p384(let k): return Array(k.publicKey.x963Representation)
        case .p521(let k): return Array(k.publicKey.x963Representation)
        }
    }

    /// DH(sk, pk): the X25519 output or the x-coordinate of the NIST-curve point; an all-zero X25519 output is
    /// rejected (RFC 9180 §7.1.4).
    func dh(publicKey: [UInt8]) throws -> [UInt8] {
        guard publicKey.count == kem.publicKeyLength else {
            throw MLSCryptoError(.invalidKeyLength, "\(kem) KEM public key is \(publicKey.count) bytes; expected \(kem.publicKeyLength)")
        }
        do {
            let shared: SharedSecret
            switch key {
            case .x25519(let k):
                shared = try k.sharedSecretFromKeyAgreement(with: Curve25519.KeyAgreement.PublicKey(rawRepresentation: publicKey))
            case .p256(let k):
                shared = try k.sharedSecretFromKeyAgreement(with: P256.KeyAgreement.PublicKey(x963Representation: publicKey))
            case .p384(let k):
                shared = try k.sharedSecretFromKeyAgreement(with: P384.KeyAgreement.PublicKey(x963Representation: publicKey))
            case .p521(let k):
                shared = try k.sharedSecretFromKeyAgreement(with: P521.KeyAgreement.PublicKey(x963Representation: publicKey))
            }
            let out = shared.withUnsafeBytes { Array($0) }
            if kem == .x25519, out.allSatisfy({ $0 == 0 }) {
                throw MLSCryptoError(.invalidKey, "X25519 produced the all-zero shared secret (RFC 9180 §7.1.4)")
            }
            return out
        } catch let e as MLSCryptoError {
            throw e
        } catch {
            throw MLSCryptoError(.invalidKey, "\(kem) key agreement failed: \(error)")
        }
    }
}
