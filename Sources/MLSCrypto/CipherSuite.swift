/// An MLS cipher suite (RFC 9420 §5.1, IANA table §17.1): the KEM, AEAD, hash/KDF and signature scheme it combines.
///
/// Suites 1, 2, 3, 5 and 7 are provided. Suites 4 and 6 need X448/Ed448, which swift-crypto does not have; their
/// cases are reported as unsupported with ``unsupportedReason(_:)``.
public struct CipherSuite: Sendable, Hashable, CustomStringConvertible {
    /// The 16-bit registry value.
    public let id: UInt16
    public let kem: KEM
    public let aead: AEADAlgorithm
    public let hash: HashAlgorithm
    public let signature: SignatureScheme

    /// The suites this implementation provides, in registry order.
    public static let supportedIDs: [UInt16] = [1, 2, 3, 5, 7]

    /// Every provided suite.
    public static var all: [CipherSuite] { supportedIDs.compactMap { try? CipherSuite($0) } }

    /// The suite with registry value `id`; throws ``MLSCryptoError/Code/unsupportedCipherSuite`` for any other value.
    public init(_ id: UInt16) throws {
        switch id {
        case 1: (kem, aead, hash, signature) = (.x25519, .aes128GCM, .sha256, .ed25519)
        case 2: (kem, aead, hash, signature) = (.p256, .aes128GCM, .sha256, .ecdsaP256SHA256)
        case 3: (kem, aead, hash, signature) = (.x25519, .chaCha20Poly1305, .sha256, .ed25519)
        case 5: (kem, aead, hash, signature) = (.p521, .aes256GCM, .sha512, .ecdsaP521SHA512)
        case 7: (kem, aead, hash, signature) = (.p384, .aes256GCM, .sha384, .ecdsaP384SHA384)
        default:
            throw MLSCryptoError(.unsupportedCipherSuite, Self.unsupportedReason(id) ?? "cipher suite \(id) is not supported")
        }
        self.id = id
    }

    /// Why suite `id` cannot be used here, or nil when it is supported.
    public static func unsupportedReason(_ id: UInt16) -> String? {
        switch id {
        case 1, 2, 3, 5, 7:
            return nil
        case 4:
            return "cipher suite 4 (MLS_256_DHKEMX448_AES256GCM_SHA512_Ed448) needs X448 and Ed448, which swift-crypto does not provide"
        case 6:
            return "cipher suite 6 (MLS_256_DHKEMX448_CHACHA20POLY1305_SHA512_Ed448) needs X448 and Ed448, which swift-crypto does not provide"
        case 0:
            return "cipher suite 0 is reserved (RFC 9420 §17.1)"
        case 0x0A0A, 0x1A1A, 0x2A2A, 0x3A3A, 0x4A4A, 0x5A5A, 0x6A6A, 0x7A7A,
             0x8A8A, 0x9A9A, 0xAAAA, 0xBABA, 0xCACA, 0xDADA, 0xEAEA:
            return "cipher suite 0x\(String(id, radix: 16)) is a GREASE value (RFC 9420 §13.5), never a real suite"
        default:
            return "cipher suite 0x\(String(id, radix: 16)) is not one of the suites this harness implements (1, 2, 3, 5, 7)"
        }
    }

    /// The IANA name (RFC 9420 §17.1).
    public var name: String {
        switch id {
        case 1: return "MLS_128_DHKEMX25519_AES128GCM_SHA256_Ed25519"
        case 2: return "MLS_128_DHKEMP256_AES128GCM_SHA256_P256"
        case 3: return "MLS_128_DHKEMX25519_CHACHA20POLY1305_SHA256_Ed25519"
        case 5: return "MLS_256_DHKEMP521_AES256GCM_SHA512_P521"
        case 7: return "MLS_256_DHKEMP384_AES256GCM_SHA384_P384"
        default: return "suite \(id)"
        }
    }

    public var description: String { "\(id) (\(name))" }

    /// Nh: output size of the suite's hash and KDF.
    public var hashLength: Int { hash.outputLength }
    /// Nk: AEAD key size.
    public var aeadKeyLength: Int { aead.keyLength }
    /// Nn: AEAD nonce size.
    public var aeadNonceLength: Int { aead.nonceLength }
}
