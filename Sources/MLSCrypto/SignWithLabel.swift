import TLSCodec

/// SignWithLabel and VerifyWithLabel (RFC 9420 §5.1.2).
extension CipherSuite {
    /// SignContent = { opaque label<V> = "MLS 1.0 " + Label; opaque content<V> } (RFC 9420 §5.1.2).
    public static func signContent(label: String, content: [UInt8]) -> [UInt8] {
        var w = TLSWriter()
        w.writeOpaque(labelPrefix + Array(label.utf8))
        w.writeOpaque(content)
        return w.bytes
    }

    /// SignWithLabel(SignatureKey, Label, Content) (RFC 9420 §5.1.2).
    public func signWithLabel(privateKey: [UInt8], label: String, content: [UInt8]) throws -> [UInt8] {
        try signature.sign(privateKey: privateKey, message: Self.signContent(label: label, content: content))
    }

    /// VerifyWithLabel(VerificationKey, Label, Content, SignatureValue) (RFC 9420 §5.1.2): returns whether the
    /// signature is valid; malformed keys or signatures throw.
    public func verifyWithLabel(publicKey: [UInt8], label: String, content: [UInt8], signature sig: [UInt8]) throws -> Bool {
        try signature.isValid(signature: sig, message: Self.signContent(label: label, content: content), publicKey: publicKey)
    }

    /// VerifyWithLabel that throws ``MLSCryptoError/Code/signatureInvalid`` when the signature does not verify.
    public func requireValidSignature(publicKey: [UInt8], label: String, content: [UInt8], signature sig: [UInt8]) throws {
        guard try verifyWithLabel(publicKey: publicKey, label: label, content: content, signature: sig) else {
            throw MLSCryptoError(.signatureInvalid, "signature with label \"\(label)\" does not verify (RFC 9420 §5.1.2)")
        }
    }
}
