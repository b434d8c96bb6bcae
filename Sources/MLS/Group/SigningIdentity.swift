import MLSCrypto

/// A member's credential and signature key pair (RFC 9420 §5.3): what it signs LeafNodes, KeyPackages, messages and
/// GroupInfos with.
public struct SigningIdentity: Sendable, Hashable {
    public var credential: Credential
    public var signaturePublicKey: [UInt8]
    public var signaturePrivateKey: [UInt8]

    public init(credential: Credential, signaturePublicKey: [UInt8], signaturePrivateKey: [UInt8]) {
        self.credential = credential
        self.signaturePublicKey = signaturePublicKey
        self.signaturePrivateKey = signaturePrivateKey
    }

    /// A basic credential for `identity` with a fresh signature key pair from `rng`.
    public static func basic(_ identity: [UInt8], suite: CipherSuite, using rng: inout DeterministicRandom) throws -> SigningIdentity {
        let pair = try suite.generateSignatureKeyPair(using: &rng)
        return SigningIdentity(credential: .basic(identity: identity), signaturePublicKey: pair.publicKey,
                               signaturePrivateKey: pair.privateKey)
    }
}
