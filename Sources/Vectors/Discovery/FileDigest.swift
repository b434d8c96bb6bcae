import MLSCrypto
import TLSCodec

/// SHA-256 of a vector file (FIPS 180-4), lowercase hex, as recorded in `Vectors/manifest.json`. Computed through
/// `MLSCrypto`, the one MLS target that imports swift-crypto (ARCHITECTURE.md).
public enum FileDigest {
    public static func sha256(_ bytes: [UInt8]) -> String {
        HashAlgorithm.sha256.hash(bytes).hex
    }
}
