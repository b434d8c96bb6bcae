import MLSCrypto

/// The sender-data key and nonce of a PrivateMessage (RFC 9420 §6.3.2):
/// ciphertext_sample = ciphertext[0..Nh) (the whole ciphertext when shorter);
/// sender_data_key = ExpandWithLabel(sender_data_secret, "key", ciphertext_sample, Nk);
/// sender_data_nonce = ExpandWithLabel(sender_data_secret, "nonce", ciphertext_sample, Nn).
public enum SenderDataKeys {
    public static func derive(cipherSuite suite: CipherSuite, senderDataSecret: [UInt8],
                              ciphertext: [UInt8]) throws -> (key: [UInt8], nonce: [UInt8]) {
        let sample = Array(ciphertext.prefix(suite.hashLength))
        let key = try suite.expandWithLabel(secret: senderDataSecret, label: "key", context: sample, length: suite.aeadKeyLength)
        let nonce = try suite.expandWithLabel(secret: senderDataSecret, label: "nonce", context: sample, length: suite.aeadNonceLength)
        return (key, nonce)
    }
}
