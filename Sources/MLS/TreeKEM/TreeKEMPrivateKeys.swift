import MLSCrypto

/// An HPKE key pair of a tree node (RFC 9420 §7.4): private key in SerializePrivateKey form, public key in
/// SerializePublicKey form.
public struct NodeKeyPair: Hashable, Sendable {
    public var privateKey: [UInt8]
    public var publicKey: [UInt8]

    public init(privateKey: [UInt8], publicKey: [UInt8]) {
        self.privateKey = privateKey
        self.publicKey = publicKey
    }
}

/// The private part of a member's view of the ratchet tree (RFC 9420 §7.4, §4.1): the HPKE private keys it holds,
/// by node index (its own leaf and the parent nodes on its direct path whose path secrets it learnt).
public struct TreeKEMPrivateKeys: Hashable, Sendable {
    public private(set) var keys: [UInt32: NodeKeyPair] = [:]

    public init() {}

    /// Holds `pair` for node `node`.
    public mutating func set(_ node: UInt32, _ pair: NodeKeyPair) { keys[node] = pair }

    /// The key pair for node `node`, if held.
    public func pair(for node: UInt32) -> NodeKeyPair? { keys[node] }

    /// Drops every key whose node is blank, outside the tree, or now carries another public key (after a Commit
    /// replaced or blanked it): a member deletes keys it no longer needs (RFC 9420 §7.4, forward secrecy).
    public mutating func prune(against tree: RatchetTree) {
        keys = keys.filter { node, pair in tree.node(node)?.encryptionKey == pair.publicKey }
    }

    /// Drops every key.
    public mutating func removeAll() { keys = [:] }
}

/// The derivations of RFC 9420 §7.4 from a path secret.
public enum PathSecrets {
    /// node_secret = DeriveSecret(path_secret, "node"); node_priv, node_pub = DeriveKeyPair(node_secret).
    public static func nodeKeyPair(_ suite: CipherSuite, pathSecret: [UInt8]) throws -> NodeKeyPair {
        let nodeSecret = try suite.deriveSecret(pathSecret, label: "node")
        let pair = try suite.deriveKeyPair(ikm: nodeSecret)
        return NodeKeyPair(privateKey: pair.privateKey, publicKey: pair.publicKey)
    }

    /// path_secret[n+1] = DeriveSecret(path_secret[n], "path"); applied to the root's path secret it gives the
    /// commit_secret.
    public static func next(_ suite: CipherSuite, pathSecret: [UInt8]) throws -> [UInt8] {
        try suite.deriveSecret(pathSecret, label: "path")
    }
}
