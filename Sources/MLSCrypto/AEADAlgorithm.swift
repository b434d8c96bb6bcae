import Crypto
import Foundation

/// The AEAD of a cipher suite (RFC 9420 §5.1; RFC 9180 §7.3 identifiers): AES-128-GCM, AES-256-GCM or
/// ChaCha20-Poly1305, always used with an explicit nonce and a 16-byte tag appended to the ciphertext.
public enum AEADAlgorithm: Sendable, Hashable {
    case aes128GCM, aes256GCM, chaCha20Poly1305

    /// Nk.
    public var keyLength: Int {
        switch self {
        case .aes128GCM: return 16
        case .aes256GCM, .chaCha20Poly1305: return 32
        }
    }

    /// Nn.
    public var nonceLength: Int { 12 }

    /// Nt, the tag size.
    public var tagLength: Int { 16 }

    /// RFC 9180 AEAD identifier.
    public var hpkeAEADID: UInt16 {
        switch self {
        case .aes128GCM: return 0x0001
        case .aes256GCM: return 0x0002
        case .chaCha20Poly1305: return 0x0003
        }
    }

    /// Seal(key, nonce, aad, plaintext) → ciphertext ‖ tag.
    public func seal(key: [UInt8], nonce: [UInt8], aad: [UInt8], plaintext: [UInt8]) throws -> [UInt8] {
        try checkSizes(key: key, nonce: nonce)
        do {
            let k = SymmetricKey(data: key)
            switch self {
            case .aes128GCM, .aes256GCM:
                let box = try AES.GCM.seal(plaintext, using: k, nonce: AES.GCM.Nonce(data: nonce), authenticating: aad)
                return Array(box.ciphertext) + Array(box.tag)
            case .chaCha20Poly1305:
                let box = try ChaChaPoly.seal(plaintext, using: k, nonce: ChaChaPoly.Nonce(data: nonce), authenticating: aad)
                return Array(box.ciphertext) + Array(box.tag)
            }
        } catch {
            throw MLSCryptoError(.invalidKey, "AEAD seal failed: \(error)")
        }
    }

    /// Open(key, nonce, aad, ciphertext ‖ tag) → plaintext; authentication failure throws
    /// ``MLSCryptoError/Code/aeadOpenFailed``.
    public func open(key: [UInt8], nonce: [UInt8], aad: [UInt8], ciphertext: [UInt8]) throws -> [UInt8] {
        try checkSizes(key: key, nonce: nonce)
        guard ciphertext.count >= tagLength else {
            throw MLSCryptoError(.aeadOpenFailed, "ciphertext of \(ciphertext.count) bytes is shorter than the \(tagLength)-byte tag")
        }
        let body = ciphertext.prefix(ciphertext.count - tagLength)
        let tag = ciphertext.suffix(tagLength)
        do {
            let k = SymmetricKey(data: key)
            switch self {
            case .aes128GCM, .aes256GCM:
                let box = try AES.GCM.SealedBox(nonce: AES.GCM.Nonce(data: nonce), ciphertext: body, tag: tag)
                return Array(try AES.GCM.open(box, using: k, authenticating: aad))
            case .chaCha20Poly1305:
                let box = try ChaChaPoly.SealedBox(nonce: ChaChaPoly.Nonce(data: nonce), ciphertext: body, tag: tag)
                return Array(try ChaChaPoly.open(box, using: k, authenticating: aad))
            }
        } catch {
            throw MLSCryptoError(.aeadOpenFailed, "AEAD open failed: the ciphertext, key, nonce or additional data do not authenticate")
        }
    }

    private func checkSizes(key: [UInt8], nonce: [UInt8]) throws {
        guard key.count == keyLength else {
            throw MLSCryptoError(.invalidKeyLength, "AEAD key is \(key.count) bytes; \(self) needs \(keyLength)")
        }
        guard nonce.count == nonceLength else {
            throw MLSCryptoError(.invalidKeyLength, "AEAD nonce is \(nonce.count) bytes; \(self) needs \(nonceLength)")
        }
    }
}
