import MLSCrypto

/// The MLS key schedule (RFC 9420 §8): from the previous epoch's init_secret, the commit_secret, the psk_secret
/// and the serialized GroupContext of the new epoch to the secrets of the new epoch.
///
/// All inputs are bytes: the GroupContext is given serialized (its type lives with the other RFC 9420 structures).
public enum KeySchedule {
    /// joiner_secret = ExpandWithLabel(Extract(init_secret, commit_secret), "joiner", GroupContext, Nh) (RFC 9420 §8).
    /// A nil commit_secret stands for 0^Nh (a Commit without a path).
    public static func joinerSecret(cipherSuite suite: CipherSuite, initSecret: [UInt8], commitSecret: [UInt8]?,
                                    groupContext: [UInt8]) throws -> [UInt8] {
        let prk = suite.extract(salt: initSecret, ikm: commitSecret ?? suite.zeroSecret)
        return try suite.expandWithLabel(secret: prk, label: "joiner", context: groupContext, length: suite.hashLength)
    }

    /// One step of the key schedule: the new epoch's secrets from the previous init_secret.
    public static func nextEpoch(cipherSuite suite: CipherSuite, initSecret: [UInt8], commitSecret: [UInt8]?,
                                 pskSecret: [UInt8]?, groupContext: [UInt8]) throws -> EpochSecrets {
        let joiner = try joinerSecret(cipherSuite: suite, initSecret: initSecret, commitSecret: commitSecret,
                                      groupContext: groupContext)
        return try EpochSecrets(cipherSuite: suite, joinerSecret: joiner, pskSecret: pskSecret, groupContext: groupContext)
    }

    /// The secrets of a joiner who received joiner_secret in a Welcome (RFC 9420 §12.4.3.1).
    public static func fromJoinerSecret(cipherSuite suite: CipherSuite, joinerSecret: [UInt8], pskSecret: [UInt8]?,
                                        groupContext: [UInt8]) throws -> EpochSecrets {
        try EpochSecrets(cipherSuite: suite, joinerSecret: joinerSecret, pskSecret: pskSecret, groupContext: groupContext)
    }

    /// welcome_secret = DeriveSecret(Extract(joiner_secret, psk_secret), "welcome") (RFC 9420 §8); nil psk = 0^Nh.
    /// Needed before the GroupContext is known, to open the GroupInfo of a Welcome.
    public static func welcomeSecret(cipherSuite suite: CipherSuite, joinerSecret: [UInt8], pskSecret: [UInt8]?) throws -> [UInt8] {
        let member = suite.extract(salt: joinerSecret, ikm: pskSecret ?? suite.zeroSecret)
        return try suite.deriveSecret(member, label: "welcome")
    }

    /// welcome_nonce = ExpandWithLabel(welcome_secret, "nonce", "", Nn); welcome_key = ExpandWithLabel(welcome_secret,
    /// "key", "", Nk) (RFC 9420 §12.4.3.1).
    public static func welcomeKeyAndNonce(cipherSuite suite: CipherSuite, welcomeSecret: [UInt8]) throws -> (key: [UInt8], nonce: [UInt8]) {
        let key = try suite.expandWithLabel(secret: welcomeSecret, label: "key", context: [], length: suite.aeadKeyLength)
        let nonce = try suite.expandWithLabel(secret: welcomeSecret, label: "nonce", context: [], length: suite.aeadNonceLength)
        return (key, nonce)
    }
}
