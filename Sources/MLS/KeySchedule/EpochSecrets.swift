import MLSCrypto

/// The secrets of one epoch, as derived by the key schedule (RFC 9420 §8, figure "The MLS Key Schedule", and the
/// table of §8 "Epoch-derived secrets").
public struct EpochSecrets: Sendable, Hashable {
    public let cipherSuite: CipherSuite
    /// joiner_secret = ExpandWithLabel(Extract(init_secret[n−1], commit_secret), "joiner", GroupContext[n], Nh).
    public let joinerSecret: [UInt8]
    /// welcome_secret = DeriveSecret(Extract(joiner_secret, psk_secret), "welcome").
    public let welcomeSecret: [UInt8]
    /// epoch_secret = ExpandWithLabel(Extract(joiner_secret, psk_secret), "epoch", GroupContext[n], Nh).
    public let epochSecret: [UInt8]
    /// DeriveSecret(epoch_secret, "sender data").
    public let senderDataSecret: [UInt8]
    /// DeriveSecret(epoch_secret, "encryption").
    public let encryptionSecret: [UInt8]
    /// DeriveSecret(epoch_secret, "exporter").
    public let exporterSecret: [UInt8]
    /// DeriveSecret(epoch_secret, "external").
    public let externalSecret: [UInt8]
    /// DeriveSecret(epoch_secret, "confirm").
    public let confirmationKey: [UInt8]
    /// DeriveSecret(epoch_secret, "membership").
    public let membershipKey: [UInt8]
    /// DeriveSecret(epoch_secret, "resumption").
    public let resumptionPSK: [UInt8]
    /// DeriveSecret(epoch_secret, "authentication") (§8.7).
    public let epochAuthenticator: [UInt8]
    /// DeriveSecret(epoch_secret, "init"): the init_secret of the next epoch.
    public let initSecret: [UInt8]

    /// Derives every epoch secret from the joiner secret, the PSK secret (nil = 0^Nh) and the serialized
    /// GroupContext of the new epoch.
    public init(cipherSuite suite: CipherSuite, joinerSecret: [UInt8], pskSecret: [UInt8]?, groupContext: [UInt8]) throws {
        cipherSuite = suite
        self.joinerSecret = joinerSecret
        let member = suite.extract(salt: joinerSecret, ikm: pskSecret ?? suite.zeroSecret)
        welcomeSecret = try suite.deriveSecret(member, label: "welcome")
        let epoch = try suite.expandWithLabel(secret: member, label: "epoch", context: groupContext, length: suite.hashLength)
        epochSecret = epoch
        senderDataSecret = try suite.deriveSecret(epoch, label: "sender data")
        encryptionSecret = try suite.deriveSecret(epoch, label: "encryption")
        exporterSecret = try suite.deriveSecret(epoch, label: "exporter")
        externalSecret = try suite.deriveSecret(epoch, label: "external")
        confirmationKey = try suite.deriveSecret(epoch, label: "confirm")
        membershipKey = try suite.deriveSecret(epoch, label: "membership")
        resumptionPSK = try suite.deriveSecret(epoch, label: "resumption")
        epochAuthenticator = try suite.deriveSecret(epoch, label: "authentication")
        initSecret = try suite.deriveSecret(epoch, label: "init")
    }

    /// The external key pair: DeriveKeyPair(external_secret) (RFC 9420 §8.3); `publicKey` is external_pub.
    public func externalKeyPair() throws -> (privateKey: [UInt8], publicKey: [UInt8]) {
        try cipherSuite.deriveKeyPair(ikm: externalSecret)
    }

    /// MLS-Exporter(label, context, length) (RFC 9420 §8.5).
    public func export(label: [UInt8], context: [UInt8], length: Int) throws -> [UInt8] {
        try cipherSuite.mlsExporter(exporterSecret: exporterSecret, label: label, context: context, length: length)
    }

    /// MLS-Exporter with a string label.
    public func export(label: String, context: [UInt8], length: Int) throws -> [UInt8] {
        try export(label: Array(label.utf8), context: context, length: length)
    }

    /// The welcome key and nonce (RFC 9420 §12.4.3.1).
    public func welcomeKeyAndNonce() throws -> (key: [UInt8], nonce: [UInt8]) {
        try KeySchedule.welcomeKeyAndNonce(cipherSuite: cipherSuite, welcomeSecret: welcomeSecret)
    }
}
