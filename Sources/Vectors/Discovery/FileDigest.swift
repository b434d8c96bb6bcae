import Crypto

/// SHA-256 of a vector file (FIPS 180-4), lowercase hex, as recorded in `Vectors/manifest.json`.
public enum FileDigest {
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { b in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(b >> 4)], digits[Int(b & 0x0f)]])
        }.joined()
    }
}
