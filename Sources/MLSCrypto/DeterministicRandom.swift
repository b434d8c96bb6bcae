import Crypto

/// The harness's only source of randomness: a seeded deterministic random bit generator, so that a run with the same
/// seed produces the same bytes (DEVELOPERS.md, Determinism).
///
/// Construction: K = SHA-256("mimi-harness DRBG v1" ‖ seed); block i = HMAC-SHA256(K, uint64(i)) for i = 0, 1, ...;
/// output is the concatenation of blocks. ``fork(_:)`` derives an independent stream for a named purpose, so adding
/// draws in one component does not shift the bytes another component sees.
/// It is not meant to protect real secrets: it exists to make test runs reproducible.
public struct DeterministicRandom: RandomNumberGenerator, Sendable {
    private let key: SymmetricKey
    private var counter: UInt64 = 0
    private var buffer: [UInt8] = []

    /// A generator seeded from bytes.
    public init(seed: [UInt8]) {
        let label = Array("mimi-harness DRBG v1".utf8)
        key = SymmetricKey(data: Array(SHA256.hash(data: label + seed)))
    }

    /// A generator seeded from a 64-bit run seed (big-endian bytes).
    public init(seed: UInt64) {
        self.init(seed: (0..<8).map { UInt8(truncatingIfNeeded: seed >> (56 - 8 * UInt64($0))) })
    }

    /// The next `n` bytes of the stream.
    public mutating func bytes(_ n: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(max(n, 0))
        while out.count < n {
            if buffer.isEmpty { refill() }
            let take = min(n - out.count, buffer.count)
            out.append(contentsOf: buffer.prefix(take))
            buffer.removeFirst(take)
        }
        return out
    }

    /// RandomNumberGenerator conformance (for shuffles and random elements).
    public mutating func next() -> UInt64 {
        bytes(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// A new generator for `label`, seeded from 32 bytes of this one.
    public mutating func fork(_ label: String) -> DeterministicRandom {
        DeterministicRandom(seed: bytes(32) + Array(label.utf8))
    }

    private mutating func refill() {
        let block = (0..<8).map { UInt8(truncatingIfNeeded: counter >> (56 - 8 * UInt64($0))) }
        counter &+= 1
        buffer = Array(HMAC<SHA256>.authenticationCode(for: block, using: key))
    }
}
