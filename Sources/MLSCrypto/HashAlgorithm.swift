import Crypto

/// The hash and KDF of a cipher suite (RFC 9420 §5.1): SHA-256, SHA-384 or SHA-512, used for Hash, HMAC and HKDF.
public enum HashAlgorithm: Sendable, Hashable {
    case sha256, sha384, sha512

    /// Nh, the output size in bytes.
    public var outputLength: Int {
        switch self {
        case .sha256: return 32
        case .sha384: return 48
        case .sha512: return 64
        }
    }

    /// RFC 9180 KDF identifier of HKDF with this hash.
    public var hpkeKDFID: UInt16 {
        switch self {
        case .sha256: return 0x0001
        case .sha384: return 0x0002
        case .sha512: return 0x0003
        }
    }

    /// Hash(data).
    public func hash(_ data: [UInt8]) -> [UInt8] {
        switch self {
        case .sha256: return Array(SHA256.hash(data: data))
        case .sha384: return Array(SHA384.hash(data: data))
        case .sha512: return Array(SHA512.hash(data: data))
        }
    }

    /// HMAC(key, data) (RFC 2104).
    public func hmac(key: [UInt8], data: [UInt8]) -> [UInt8] {
        let k = SymmetricKey(data: key)
        switch self {
        case .sha256: return Array(HMAC<SHA256>.authenticationCode(for: data, using: k))
        case .sha384: return Array(HMAC<SHA384>.authenticationCode(for: data, using: k))
        case .sha512: return Array(HMAC<SHA512>.authenticationCode(for: data, using: k))
        }
    }

    /// HMAC(key, parts[0] || parts[1] || ...), without concatenating the parts (a labeled input's prefix and a large
    /// info are fed to the MAC one after the other).
    public func hmac(key: [UInt8], parts: [[UInt8]]) -> [UInt8] {
        let k = SymmetricKey(data: key)
        switch self {
        case .sha256: return Self.mac(SHA256.self, key: k, parts: parts)
        case .sha384: return Self.mac(SHA384.self, key: k, parts: parts)
        case .sha512: return Self.mac(SHA512.self, key: k, parts: parts)
        }
    }

    private static func mac<H: HashFunction>(_: H.Type, key: SymmetricKey, parts: [[UInt8]]) -> [UInt8] {
        var h = HMAC<H>(key: key)
        for part in parts { h.update(data: part) }
        return Array(h.finalize())
    }

    /// Constant-time comparison of an HMAC against an expected value.
    public func verifyHMAC(key: [UInt8], data: [UInt8], mac: [UInt8]) -> Bool {
        let k = SymmetricKey(data: key)
        switch self {
        case .sha256: return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: data, using: k)
        case .sha384: return HMAC<SHA384>.isValidAuthenticationCode(mac, authenticating: data, using: k)
        case .sha512: return HMAC<SHA512>.isValidAuthenticationCode(mac, authenticating: data, using: k)
        }
    }

    /// HKDF-Extract(salt, ikm) (RFC 5869 §2.2) = HMAC(salt, ikm); an empty salt acts as Nh zero bytes.
    public func extract(salt: [UInt8], ikm: [UInt8]) -> [UInt8] {
        hmac(key: salt, data: ikm)
    }

    /// HKDF-Expand(prk, info, length) (RFC 5869 §2.3). Lengths above 255·Nh throw ``MLSCryptoError/Code/invalidLength``.
    public func expand(prk: [UInt8], info: [UInt8], length: Int) throws -> [UInt8] {
        guard length >= 0, length <= 255 * outputLength else {
            throw MLSCryptoError(.invalidLength, "HKDF-Expand length \(length) is outside 0...\(255 * outputLength) (RFC 5869 §2.3)")
        }
        let key = SymmetricKey(data: prk)
        switch self {
        case .sha256: return Self.expand(SHA256.self, key: key, info: info, length: length)
        case .sha384: return Self.expand(SHA384.self, key: key, info: info, length: length)
        case .sha512: return Self.expand(SHA512.self, key: key, info: info, length: length)
        }
    }

    /// T(i) = HMAC(PRK, T(i-1) || info || i), concatenated and cut to `length` (RFC 5869 §2.3).
    private static func expand<H: HashFunction>(_: H.Type, key: SymmetricKey, info: [UInt8], length: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(length)
        var block: [UInt8] = []
        var counter: UInt8 = 1
        while out.count < length {
            var h = HMAC<H>(key: key)
            h.update(data: block)
            h.update(data: info)
            h.update(data: [counter])
            block = Array(h.finalize())
            out.append(contentsOf: block.prefix(length - out.count))
            counter &+= 1
        }
        return out
    }
}
