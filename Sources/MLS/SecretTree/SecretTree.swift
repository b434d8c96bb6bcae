import MLSCrypto

/// The secret tree of an epoch (RFC 9420 §9): the root holds encryption_secret; a parent's children hold
/// ExpandWithLabel(parent, "tree", "left"|"right", Nh); each leaf seeds a handshake and an application ratchet with
/// ExpandWithLabel(leaf, "handshake"|"application", "", Nh).
///
/// Node secrets are derived lazily and deleted once their children exist (§9.2); a leaf's secret is deleted once
/// its ratchets exist.
public struct SecretTree: Sendable {
    public let cipherSuite: CipherSuite
    public let leafCount: UInt32
    public let configuration: SecretTreeConfiguration
    private var nodeSecrets: [UInt32: [UInt8]]
    private var handshake: [UInt32: HashRatchet] = [:]
    private var application: [UInt32: HashRatchet] = [:]

    /// A tree of `leafCount` leaves (a power of two, RFC 9420 §7.7) rooted at `encryptionSecret`.
    public init(cipherSuite: CipherSuite, encryptionSecret: [UInt8], leafCount: UInt32,
                configuration: SecretTreeConfiguration = .default) throws {
        guard let root = TreeMath.root(leafCount: leafCount) else {
            throw MLSError(.indexOutOfRange, "leaf count \(leafCount) is not a power of two in 1...2^31")
        }
        self.cipherSuite = cipherSuite
        self.leafCount = leafCount
        self.configuration = configuration
        nodeSecrets = [root: encryptionSecret]
    }

    /// The key and nonce of `generation` in leaf `leaf`'s ratchet, for receiving (each is returned once).
    public mutating func keyNonce(leaf: UInt32, type: RatchetType, generation: UInt32) throws -> KeyNonce {
        try withRatchet(leaf: leaf, type: type) { try $0.keyNonce(for: generation) }
    }

    /// The next key and nonce of leaf `leaf`'s ratchet, for sending.
    public mutating func nextKeyNonce(leaf: UInt32, type: RatchetType) throws -> KeyNonce {
        try withRatchet(leaf: leaf, type: type) { try $0.next() }
    }

    /// The next generation leaf `leaf`'s ratchet would hand out.
    public mutating func nextGeneration(leaf: UInt32, type: RatchetType) throws -> UInt32 {
        try withRatchet(leaf: leaf, type: type) { $0.nextGeneration }
    }

    private mutating func withRatchet<T>(leaf: UInt32, type: RatchetType, _ body: (inout HashRatchet) throws -> T) throws -> T {
        guard leaf < leafCount else {
            throw MLSError(.senderNotMember, "leaf \(leaf) is outside a tree of \(leafCount) leaves")
        }
        if handshake[leaf] == nil { try makeRatchets(leaf: leaf) }
        switch type {
        case .handshake:
            guard var r = handshake[leaf] else { throw MLSError(.cryptoFailure, "no handshake ratchet for leaf \(leaf)") }
            defer { handshake[leaf] = r }
            return try body(&r)
        case .application:
            guard var r = application[leaf] else { throw MLSError(.cryptoFailure, "no application ratchet for leaf \(leaf)") }
            defer { application[leaf] = r }
            return try body(&r)
        }
    }

    private mutating func makeRatchets(leaf: UInt32) throws {
        guard let node = TreeMath.nodeIndex(leaf: leaf), let path = TreeMath.directPath(node, leafCount: leafCount) else {
            throw MLSError(.senderNotMember, "leaf \(leaf) is outside a tree of \(leafCount) leaves")
        }
        // Walk down from the lowest ancestor that still holds a secret.
        let ancestors = [node] + path
        guard let start = ancestors.firstIndex(where: { nodeSecrets[$0] != nil }) else {
            throw MLSError(.generationConsumed, "the secrets on leaf \(leaf)'s path were deleted")
        }
        do {
            var i = start
            while i > 0 {
                let parent = ancestors[i]
                guard let secret = nodeSecrets.removeValue(forKey: parent),
                      let left = TreeMath.left(parent), let right = TreeMath.right(parent) else {
                    throw MLSError(.cryptoFailure, "node \(parent) has no secret or children")
                }
                nodeSecrets[left] = try cipherSuite.expandWithLabel(secret: secret, label: "tree", context: Array("left".utf8),
                                                                    length: cipherSuite.hashLength)
                nodeSecrets[right] = try cipherSuite.expandWithLabel(secret: secret, label: "tree", context: Array("right".utf8),
                                                                     length: cipherSuite.hashLength)
                i -= 1
            }
            guard let leafSecret = nodeSecrets.removeValue(forKey: node) else {
                throw MLSError(.cryptoFailure, "leaf \(leaf) has no secret")
            }
            let hs = try cipherSuite.expandWithLabel(secret: leafSecret, label: "handshake", context: [], length: cipherSuite.hashLength)
            let app = try cipherSuite.expandWithLabel(secret: leafSecret, label: "application", context: [], length: cipherSuite.hashLength)
            handshake[leaf] = HashRatchet(cipherSuite: cipherSuite, secret: hs, configuration: configuration)
            application[leaf] = HashRatchet(cipherSuite: cipherSuite, secret: app, configuration: configuration)
        } catch let e as MLSError {
            throw e
        } catch {
            throw MLSError(.cryptoFailure, "deriving the ratchets of leaf \(leaf): \(error)")
        }
    }
}
