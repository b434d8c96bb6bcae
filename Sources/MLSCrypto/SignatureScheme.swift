import Crypto
import Foundation

/// The signature scheme of a cipher suite (RFC 9420 §5.1; TLS SignatureScheme values).
///
/// Keys are raw bytes: Ed25519 public keys are 32 bytes and private keys the 32-byte RFC 8032 seed (a 64-byte
/// seed ‖ public form is accepted and its first 32 bytes used); ECDSA public keys are uncompressed SEC1 points
/// (0x04 ‖ X ‖ Y) and private keys big-endian scalars (one byte short is accepted and left-padded, as some
/// published P-521 vectors carry 65-byte scalars). Ed25519 signatures are the raw 64 bytes and deterministic;
/// ECDSA signatures are DER-encoded and **randomized** by swift-crypto (BoringSSL draws the nonce), so ECDSA
/// signatures are not byte-reproducible from a run seed; they are checked by verification only.
public enum SignatureScheme: Sendable, Hashable {
    case ed25519, ecdsaP256SHA256, ecdsaP384SHA384, ecdsaP521SHA512

    /// The TLS SignatureScheme code point.
    public var tlsCode: UInt16 {
        switch self {
        case .ed25519: return 0x0807
        case .ecdsaP256SHA256: return 0x0403
        case .ecdsaP384SHA384: return 0x0503
        case .ecdsaP521SHA512: return 0x0603
        }
    }

    /// Size of a private key (seed or scalar) in bytes.
    public var privateKeyLength: Int {
        switch self {
        case .ed25519: return 32
        case .ecdsaP256SHA256: return 32
        case .ecdsaP384SHA384: return 48
        case .ecdsaP521SHA512: return 66
        }
    }

    /// Signs `message` (the scheme hashes it as the scheme requires).
    public func sign(privateKey: [UInt8], message: [UInt8]) throws -> [UInt8] {
        let sk = try normalizedPrivateKey(privateKey)
        do {
            switch self {
            case .ed25519:
                return Array(try Curve25519.Signing.PrivateKey(rawRepresentation: sk).signature(for: message))
            case .ecdsaP256SHA256:
                return Array(try P256.Signing.PrivateKey(rawRepresentation: sk).signature(for: message).derRepresentation)
            case .ecdsaP384SHA384:
                return Array(try P384.Signing.PrivateKey(rawRepresentation: sk).signature(for: message).derRepresentation)
            case .ecdsaP521SHA512:
                return Array(try P521.Signing.PrivateKey(rawRepresentation: sk).signature(for: message).derRepresentation)
            }
        } catch {
            throw MLSCryptoError(.invalidKey, "\(self) private key rejected: \(error)")
        }
    }

    /// Whether `signature` is valid for `message` under `publicKey`. A malformed key or signature throws; a well
    /// formed signature that does not verify returns false.
    public func isValid(signature: [UInt8], message: [UInt8], publicKey: [UInt8]) throws -> Bool {
        switch self {
        case .ed25519:
            let pk = try key { try Curve25519.Signing.PublicKey(rawRepresentation: publicKey) }
            guard signature.count == 64 else {
                throw MLSCryptoError(.invalidSignatureEncoding, "Ed25519 signature is \(signature.count) bytes; it must be 64")
            }
            return pk.isValidSignature(signature, for: message)
        case .ecdsaP256SHA256:
            let pk = try key { try P256.Signing.PublicKey(x963Representation: publicKey) }
            return pk.isValidSignature(try der { try P256.Signing.ECDSASignature(derRepresentation: signature) }, for: message)
        case .ecdsaP384SHA384:
            let pk = try key { try P384.Signing.PublicKey(x963Representation: publicKey) }
            return pk.isValidSignature(try der { try P384.Signing.ECDSASignature(derRepresentation: signature) }, for: message)
        case .ecdsaP521SHA512:
            let pk = try key { try P521.Signing.PublicKey(x963Representation: publicKey) }
            return pk.isValidSignature(try der { try P521.Signing.ECDSASignature(derRepresentation: signature) }, for: message)
        }
    }

    /// The public key of a private key, in the raw form above.
    public func publicKey(privateKey: [UInt8]) throws -> [UInt8] {
        let sk = try normalizedPrivateKey(privateKey)
        do {
            switch self {
            case .ed25519: return Array(try Curve25519.Signing.PrivateKey(rawRepresentation: sk).publicKey.rawRepresentation)
            case .ecdsaP256SHA256: return Array(try P256.Signing.PrivateKey(rawRepresentation: sk).publicKey.x963Representation)
            case .ecdsaP384SHA384: return Array(try P384.Signing.PrivateKey(rawRepresentation: sk).publicKey.x963Representation)
            case .ecdsaP521SHA512: return Array(try P521.Signing.PrivateKey(rawRepresentation: sk).publicKey.x963Representation)
            }
        } catch {
            throw MLSCryptoError(.invalidKey, "\(self) private key rejected: \(error)")
        }
    }

    /// A fresh key pair drawn from `rng`: an Ed25519 seed, or an ECDSA scalar by rejection sampling in [1, n).
    public func generateKeyPair(using rng: inout DeterministicRandom) throws -> (privateKey: [UInt8], publicKey: [UInt8]) {
        let sk: [UInt8]
        switch self {
        case .ed25519:
            sk = rng.bytes(32)
        case .ecdsaP256SHA256:
            sk = try CurveOrder.p256.sampleScalar { rng.bytes($0) }
        case .ecdsaP384SHA384:
            sk = try CurveOrder.p384.sampleScalar { rng.bytes($0) }
        case .ecdsaP521SHA512:
            sk = try CurveOrder.p521.sampleScalar { rng.bytes($0) }
        }
        return (sk, try publicKey(privateKey: sk))
    }

    /// The private key in the exact size the scheme needs (see the type's documentation for what is accepted).
    public func normalizedPrivateKey(_ key: [UInt8]) throws -> [UInt8] {
        let n = privateKeyLength
        switch self {
        case .ed25519:
            if key.count == 32 { return key }
            if key.count == 64 { return Array(key.prefix(32)) }
        case .ecdsaP256SHA256, .ecdsaP384SHA384, .ecdsaP521SHA512:
            if key.count == n { return key }
            if key.count == n - 1 { return [0] + key }
        }
        throw MLSCryptoError(.invalidKeyLength, "\(self) private key is \(key.count) bytes; expected \(n)")
    }

    private func key<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            throw MLSCryptoError(.invalidKey, "\(self) public key rejected: \(error)")
        }
    }

    private func der<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch {
            throw MLSCryptoError(.invalidSignatureEncoding, "\(self) signature is not valid DER: \(error)")
        }
    }
}
