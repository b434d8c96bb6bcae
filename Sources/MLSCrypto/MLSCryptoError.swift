/// An error from a cryptographic operation of an MLS cipher suite (RFC 9420 §5).
///
/// ``code`` is stable and is what tests match on; ``message`` says what was wrong for humans. Two errors are equal
/// when their codes are equal.
public struct MLSCryptoError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable identifiers of the failures.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// A cipher suite id this implementation does not provide (RFC 9420 §17.1).
        case unsupportedCipherSuite
        /// A key whose byte length does not fit the algorithm.
        case invalidKeyLength
        /// Key bytes the algorithm rejects (not on the curve, scalar out of range, ...).
        case invalidKey
        /// A signature that is not well formed (e.g. bad DER).
        case invalidSignatureEncoding
        /// A signature that does not verify (RFC 9420 §5.1.2).
        case signatureInvalid
        /// An AEAD open that failed authentication, or a bad nonce/key size.
        case aeadOpenFailed
        /// An HPKE open (RFC 9180 §5.2) that failed: bad encapsulated key or ciphertext.
        case hpkeOpenFailed
        /// RFC 9180 §7.1.3 DeriveKeyPair found no valid scalar in 256 candidates.
        case deriveKeyPairFailed
        /// A requested output length outside what the function allows (e.g. HKDF-Expand above 255·Nh).
        case invalidLength
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
