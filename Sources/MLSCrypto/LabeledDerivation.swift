import TLSCodec

/// The labeled key derivation functions of RFC 9420 §5.2, §8 and §9, and the exporter of §8.5.
extension CipherSuite {
    /// The prefix every MLS label carries (RFC 9420 §5.1.2, §8).
    public static let labelPrefix: [UInt8] = Array("MLS 1.0 ".utf8)

    /// Hash(data) with the suite's hash.
    public func hash(_ data: [UInt8]) -> [UInt8] { hash.hash(data) }

    /// MAC(key, data) = HMAC with the suite's hash (RFC 9420 §5.1).
    public func mac(key: [UInt8], data: [UInt8]) -> [UInt8] { hash.hmac(key: key, data: data) }

    /// Constant-time check of a MAC.
    public func verifyMAC(key: [UInt8], data: [UInt8], mac: [UInt8]) -> Bool { hash.verifyHMAC(key: key, data: data, mac: mac) }

    /// KDF.Extract(salt, ikm) (RFC 9420 §8).
    public func extract(salt: [UInt8], ikm: [UInt8]) -> [UInt8] { hash.extract(salt: salt, ikm: ikm) }

    /// KDF.Expand(secret, info, length) (RFC 9420 §8).
    public func expand(secret: [UInt8], info: [UInt8], length: Int) throws -> [UInt8] {
        try hash.expand(prk: secret, info: info, length: length)
    }

    /// Nh zero bytes, the default for absent secrets in the key schedule (RFC 9420 §8).
    public var zeroSecret: [UInt8] { [UInt8](repeating: 0, count: hashLength) }

    /// ExpandWithLabel(Secret, Label, Context, Length) = KDF.Expand(Secret, KDFLabel, Length), where
    /// KDFLabel = { uint16 length; opaque label<V> = "MLS 1.0 " + Label; opaque context<V> } (RFC 9420 §8).
    public func expandWithLabel(secret: [UInt8], label: String, context: [UInt8], length: Int) throws -> [UInt8] {
        try expandWithLabel(secret: secret, label: Array(label.utf8), context: context, length: length)
    }

    /// ExpandWithLabel with the label given as bytes.
    public func expandWithLabel(secret: [UInt8], label: [UInt8], context: [UInt8], length: Int) throws -> [UInt8] {
        guard length >= 0, length <= Int(UInt16.max) else {
            throw MLSCryptoError(.invalidLength, "ExpandWithLabel length \(length) does not fit uint16 (RFC 9420 §8)")
        }
        var w = TLSWriter()
        w.writeUInt16(UInt16(length))
        w.writeOpaque(Self.labelPrefix + label)
        w.writeOpaque(context)
        return try expand(secret: secret, info: w.bytes, length: length)
    }

    /// DeriveSecret(Secret, Label) = ExpandWithLabel(Secret, Label, "", Nh) (RFC 9420 §8).
    public func deriveSecret(_ secret: [UInt8], label: String) throws -> [UInt8] {
        try expandWithLabel(secret: secret, label: label, context: [], length: hashLength)
    }

    /// DeriveTreeSecret(Secret, Label, Generation, Length) = ExpandWithLabel(Secret, Label, uint32(Generation), Length)
    /// (RFC 9420 §9).
    public func deriveTreeSecret(_ secret: [UInt8], label: String, generation: UInt32, length: Int) throws -> [UInt8] {
        var w = TLSWriter()
        w.writeUInt32(generation)
        return try expandWithLabel(secret: secret, label: label, context: w.bytes, length: length)
    }

    /// RefHash(label, value) = Hash(RefHashInput{ opaque label<V>; opaque value<V> }) (RFC 9420 §5.2). `label` is used
    /// as given (callers pass the full "MLS 1.0 ..." label).
    public func refHash(label: String, value: [UInt8]) -> [UInt8] {
        var w = TLSWriter()
        w.writeOpaque(Array(label.utf8))
        w.writeOpaque(value)
        return hash(w.bytes)
    }

    /// MakeKeyPackageRef(value) = RefHash("MLS 1.0 KeyPackage Reference", value), value the serialized KeyPackage
    /// (RFC 9420 §5.2).
    public func makeKeyPackageRef(_ keyPackage: [UInt8]) -> [UInt8] {
        refHash(label: "MLS 1.0 KeyPackage Reference", value: keyPackage)
    }

    /// MakeProposalRef(value) = RefHash("MLS 1.0 Proposal Reference", value), value the serialized
    /// AuthenticatedContent carrying the proposal (RFC 9420 §5.2).
    public func makeProposalRef(_ authenticatedContent: [UInt8]) -> [UInt8] {
        refHash(label: "MLS 1.0 Proposal Reference", value: authenticatedContent)
    }

    /// MLS-Exporter(Label, Context, Length) = ExpandWithLabel(DeriveSecret(exporter_secret, Label), "exported",
    /// Hash(Context), Length) (RFC 9420 §8.5). `label` is the exporter label as bytes (the key-schedule vectors
    /// use the ASCII bytes of the label string).
    public func mlsExporter(exporterSecret: [UInt8], label: [UInt8], context: [UInt8], length: Int) throws -> [UInt8] {
        let derived = try expandWithLabel(secret: exporterSecret, label: label, context: [], length: hashLength)
        return try expandWithLabel(secret: derived, label: "exported", context: hash(context), length: length)
    }
}
