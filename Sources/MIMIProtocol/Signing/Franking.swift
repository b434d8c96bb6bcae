import MLSCrypto
import TLSCodec

/// The franking computations of draft-ietf-mimi-protocol-06 §"Franking" (all HMACs are HMAC-SHA256 whatever the
/// group's suite; the signature uses the group's suite).
public enum Franking {
    /// Client side: `franking_tag = HMAC-SHA256(key = content salt (16 bytes), msg = application_data)`.
    public static func frankingTag(salt: [UInt8], applicationData: [UInt8]) -> [UInt8] {
        HashAlgorithm.sha256.hmac(key: salt, data: applicationData)
    }

    /// Hub side: `server_frank = HMAC-SHA256(hub_key, franking_tag || ServerFrankingContext)`.
    public static func serverFrank(hubKey: [UInt8], frankingTag: [UInt8], context: ServerFrankingContext) -> [UInt8] {
        HashAlgorithm.sha256.hmac(key: hubKey, data: frankingTag + context.tlsEncoded)
    }

    /// Hub side: the frank for an accepted message, signed with the franking key (label "FrankingIntegrityTBS").
    public static func frank(hubKey: [UInt8], frankingTag: [UInt8], context: ServerFrankingContext, suite: CipherSuite,
                             frankingPrivateKey: [UInt8]) throws -> Frank {
        let server = serverFrank(hubKey: hubKey, frankingTag: frankingTag, context: context)
        let tbs = FrankingIntegrityTBS(serverFrank: server, frankingSignatureCiphersuite: suite.id, context: context)
        let signature = try suite.signWithLabel(privateKey: frankingPrivateKey, label: FrankingIntegrityTBS.signatureLabel,
                                                content: tbs.tlsEncoded)
        return Frank(serverFrank: server, frankingSignatureCiphersuite: suite.id, frankingIntegritySignature: signature)
    }

    /// Receiver side: whether `frank`'s integrity signature verifies under the hub's franking key for `context`.
    /// The caller also checks that the suite is the group's and recomputes the franking tag from the content.
    public static func verify(_ frank: Frank, context: ServerFrankingContext, frankingPublicKey: [UInt8]) throws -> Bool {
        let suite = try CipherSuite(frank.frankingSignatureCiphersuite)
        let tbs = FrankingIntegrityTBS(serverFrank: frank.serverFrank, frankingSignatureCiphersuite: frank.frankingSignatureCiphersuite,
                                       context: context)
        return try suite.verifyWithLabel(publicKey: frankingPublicKey, label: FrankingIntegrityTBS.signatureLabel,
                                         content: tbs.tlsEncoded, signature: frank.frankingIntegritySignature)
    }

    /// Hub side, for abuse reports: whether `frank.serverFrank` is what this hub computes for `frankingTag` and
    /// `context` (constant-time comparison).
    public static func hubRecognizes(_ frank: Frank, hubKey: [UInt8], frankingTag: [UInt8], context: ServerFrankingContext) -> Bool {
        HashAlgorithm.sha256.verifyHMAC(key: hubKey, data: frankingTag + context.tlsEncoded, mac: frank.serverFrank)
    }
}
