import MLSCrypto
import TLSCodec

/// The PSK secret of an epoch (RFC 9420 §8.4): each PSK is bound to its PreSharedKeyID and its position, and the
/// results are chained with Extract.
public enum PSKSecret {
    /// One pre-shared key in a Commit: the serialized PreSharedKeyID and the PSK value.
    public struct Input: Sendable, Hashable {
        /// The TLS encoding of the PreSharedKeyID (RFC 9420 §8.4).
        public let pskID: [UInt8]
        public let psk: [UInt8]
        public init(pskID: [UInt8], psk: [UInt8]) {
            self.pskID = pskID
            self.psk = psk
        }
    }

    /// psk_secret from the list of PSKs in order:
    /// psk_extracted_i = Extract(0^Nh, psk_i);
    /// psk_input_i = ExpandWithLabel(psk_extracted_i, "derived psk", PSKLabel{id, index i, count n}, Nh);
    /// psk_secret_i = Extract(psk_input_i, psk_secret_{i−1}), psk_secret_{−1} = 0^Nh. An empty list gives 0^Nh.
    public static func compute(cipherSuite suite: CipherSuite, psks: [Input]) throws -> [UInt8] {
        guard psks.count <= Int(UInt16.max) else {
            throw MLSError(.tooManyPSKs, "\(psks.count) PSKs do not fit PSKLabel.count (uint16)")
        }
        var secret = suite.zeroSecret
        for (index, entry) in psks.enumerated() {
            let extracted = suite.extract(salt: suite.zeroSecret, ikm: entry.psk)
            var label = TLSWriter()
            label.writeBytes(entry.pskID)
            label.writeUInt16(UInt16(index))
            label.writeUInt16(UInt16(psks.count))
            let input = try suite.expandWithLabel(secret: extracted, label: "derived psk", context: label.bytes,
                                                  length: suite.hashLength)
            secret = suite.extract(salt: input, ikm: secret)
        }
        return secret
    }
}
