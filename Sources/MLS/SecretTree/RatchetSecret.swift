import MLSCrypto

/// An AEAD key and nonce for one generation of a ratchet (RFC 9420 §9.1).
public struct KeyNonce: Sendable, Hashable {
    public let generation: UInt32
    public let key: [UInt8]
    public let nonce: [UInt8]
}

/// The two ratchets of a leaf (RFC 9420 §9.1).
public enum RatchetType: String, Sendable, Hashable, CaseIterable {
    case handshake, application
}

/// Limits on out-of-order key retrieval (RFC 9420 §9.2 leaves them to the application).
public struct SecretTreeConfiguration: Sendable, Hashable {
    /// How far beyond the next unused generation a receiver will ratchet forward.
    public var maxForwardDistance: UInt32
    /// How many past generations' keys a ratchet keeps for out-of-order messages.
    public var outOfOrderTolerance: UInt32

    public init(maxForwardDistance: UInt32 = 1000, outOfOrderTolerance: UInt32 = 128) {
        self.maxForwardDistance = maxForwardDistance
        self.outOfOrderTolerance = outOfOrderTolerance
    }

    public static let `default` = SecretTreeConfiguration()
}

/// One hash ratchet (RFC 9420 §9.1): secret_0 is the ratchet root; for each generation j,
/// key_j = DeriveTreeSecret(secret_j, "key", j, Nk), nonce_j = DeriveTreeSecret(secret_j, "nonce", j, Nn),
/// secret_{j+1} = DeriveTreeSecret(secret_j, "secret", j, Nh).
///
/// Keys handed out are deleted (§9.2). Keys of skipped generations are kept, up to the out-of-order tolerance, so
/// that late messages can still be opened once.
public struct HashRatchet: Sendable {
    public let cipherSuite: CipherSuite
    /// The generation of `secret`: the next one not yet derived.
    public private(set) var nextGeneration: UInt32
    private var secret: [UInt8]?
    /// Keys of generations below `nextGeneration` that were derived but not yet used.
    private var skipped: [UInt32: KeyNonce] = [:]
    private let configuration: SecretTreeConfiguration

    public init(cipherSuite: CipherSuite, secret: [UInt8], configuration: SecretTreeConfiguration = .default) {
        self.cipherSuite = cipherSuite
        self.secret = secret
        self.nextGeneration = 0
        self.configuration = configuration
    }

    /// The key and nonce of the next generation, for sending; the ratchet moves past it.
    public mutating func next() throws -> KeyNonce {
        try advance()
    }

    /// The key and nonce of `generation`, for receiving. Each generation's key is returned at most once.
    public mutating func keyNonce(for generation: UInt32) throws -> KeyNonce {
        if generation < nextGeneration {
            guard let k = skipped.removeValue(forKey: generation) else {
                throw MLSError(.generationConsumed,
                               "generation \(generation) was already used or is too old (next is \(nextGeneration))")
            }
            return k
        }
        guard generation - nextGeneration <= configuration.maxForwardDistance else {
            throw MLSError(.generationTooFarAhead,
                           "generation \(generation) is more than \(configuration.maxForwardDistance) ahead of \(nextGeneration)")
        }
        while nextGeneration < generation {
            let k = try advance()
            skipped[k.generation] = k
        }
        let k = try advance()
        pruneSkipped()
        return k
    }

    private mutating func advance() throws -> KeyNonce {
        guard let s = secret else {
            throw MLSError(.generationExhausted, "the ratchet has reached generation 2^32−1")
        }
        let g = nextGeneration
        let k: KeyNonce
        do {
            k = KeyNonce(generation: g,
                         key: try cipherSuite.deriveTreeSecret(s, label: "key", generation: g, length: cipherSuite.aeadKeyLength),
                         nonce: try cipherSuite.deriveTreeSecret(s, label: "nonce", generation: g, length: cipherSuite.aeadNonceLength))
            if g == UInt32.max {
                secret = nil
            } else {
                secret = try cipherSuite.deriveTreeSecret(s, label: "secret", generation: g, length: cipherSuite.hashLength)
                nextGeneration = g + 1
            }
        } catch {
            throw MLSError(.cryptoFailure, "deriving generation \(g): \(error)")
        }
        return k
    }

    private mutating func pruneSkipped() {
        let tolerance = configuration.outOfOrderTolerance
        guard nextGeneration > tolerance else { return }
        let floor = nextGeneration - tolerance
        skipped = skipped.filter { $0.key >= floor }
    }
}
