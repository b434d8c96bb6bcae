import MLSCrypto
import TLSCodec

/// A KeyPackage with the private keys its owner keeps (RFC 9420 §10): the init key (to open a Welcome), the leaf's
/// encryption key and the signature key.
public struct KeyPackageBundle: Sendable, Hashable {
    public var keyPackage: KeyPackage
    public var initPrivateKey: [UInt8]
    public var encryptionPrivateKey: [UInt8]
    public var identity: SigningIdentity

    public init(keyPackage: KeyPackage, initPrivateKey: [UInt8], encryptionPrivateKey: [UInt8], identity: SigningIdentity) {
        self.keyPackage = keyPackage
        self.initPrivateKey = initPrivateKey
        self.encryptionPrivateKey = encryptionPrivateKey
        self.identity = identity
    }

    /// The capabilities this implementation advertises (§7.2): version mls10, every provided suite, basic and x509
    /// credentials; the default extension and proposal types are implied.
    public static func defaultCapabilities(suite: CipherSuite) -> Capabilities {
        var suites = CipherSuite.supportedIDs
        if !suites.contains(suite.id) { suites.append(suite.id) }
        return Capabilities(versions: [.mls10], cipherSuites: suites, extensions: [], proposals: [],
                            credentials: [.basic, .x509])
    }

    /// Makes and signs a KeyPackage (§10): fresh init and encryption keys from `rng`, a `key_package` LeafNode
    /// signed over LeafNodeTBS, and the KeyPackageTBS signature.
    public static func make(suite: CipherSuite, identity: SigningIdentity, capabilities: Capabilities? = nil,
                            lifetime: Lifetime = .eternal, leafExtensions: [Extension] = [],
                            extensions: [Extension] = [], using rng: inout DeterministicRandom) throws -> KeyPackageBundle {
        let initPair = try suite.generateKEMKeyPair(using: &rng)
        let encPair = try suite.generateKEMKeyPair(using: &rng)
        var leaf = LeafNode(encryptionKey: encPair.publicKey, signatureKey: identity.signaturePublicKey,
                            credential: identity.credential,
                            capabilities: capabilities ?? defaultCapabilities(suite: suite),
                            source: .keyPackage(lifetime), extensions: leafExtensions, signature: [])
        leaf = try LeafNodeSigner.sign(leaf, suite: suite, groupID: [], leafIndex: 0,
                                       signaturePrivateKey: identity.signaturePrivateKey)
        var kp = KeyPackage(cipherSuite: suite.id, initKey: initPair.publicKey, leafNode: leaf, extensions: extensions,
                            signature: [])
        kp.signature = try suite.signWithLabel(privateKey: identity.signaturePrivateKey, label: "KeyPackageTBS",
                                               content: kp.tbs.tlsEncoded)
        return KeyPackageBundle(keyPackage: kp, initPrivateKey: initPair.privateKey,
                                encryptionPrivateKey: encPair.privateKey, identity: identity)
    }

    /// KeyPackageRef = RefHash("MLS 1.0 KeyPackage Reference", KeyPackage) (§5.2).
    public var reference: [UInt8] {
        get throws { try CipherSuite(keyPackage.cipherSuite).makeKeyPackageRef(keyPackage.tlsEncoded) }
    }
}

/// KeyPackage validation (RFC 9420 §10.1), the checks that need no group state.
public enum KeyPackageValidation {
    /// Checks version, cipher suite, the KeyPackageTBS signature, that init_key differs from the leaf's
    /// encryption_key, and the leaf's own §7.3 checks with source `key_package` (its lifetime as `lifetime` says: a
    /// KeyPackage the client adds is one it sends, MUST; one in a received Add, RECOMMENDED). MUST rules throw an
    /// ``MLSError``; the findings are returned.
    @discardableResult
    public static func validate(_ kp: KeyPackage, suite: CipherSuite, lifetime: LifetimeCheck) throws -> [MLSFinding] {
        try validateOwnFields(kp, suite: suite)
        var findings: [MLSFinding] = []
        try RatchetTree.validateLeafOnItsOwn(kp.leafNode, at: nil, context: LeafNodeValidationContext(
            suite: suite, groupID: [], origin: .keyPackage, lifetime: lifetime), findings: &findings)
        return findings
    }

    /// The §10.1 checks of the KeyPackage's own fields, without its leaf's §7.3 checks (a Commit checks the leaves of
    /// its Adds against the members, ``MemberIndex``).
    static func validateOwnFields(_ kp: KeyPackage, suite: CipherSuite) throws {
        guard kp.version == .mls10 else { throw MLSError(.keyPackageVersion, "the KeyPackage's version is \(kp.version), not mls10") }
        guard kp.cipherSuite == suite.id else {
            throw MLSError(.keyPackageCipherSuite, "the KeyPackage's cipher suite \(kp.cipherSuite) differs from the group's \(suite.id)")
        }
        let valid = (try? suite.verifyWithLabel(publicKey: kp.leafNode.signatureKey, label: "KeyPackageTBS",
                                                content: kp.tbs.tlsEncoded, signature: kp.signature)) ?? false
        guard valid else { throw MLSError(.keyPackageSignature, "the KeyPackageTBS signature does not verify") }
        guard kp.initKey != kp.leafNode.encryptionKey else {
            throw MLSError(.initKeyEqualsEncryptionKey, "init_key equals the leaf's encryption_key")
        }
    }
}
