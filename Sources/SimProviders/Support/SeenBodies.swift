import MLSCrypto

/// Remembers which request bodies a follower already processed, so a byte-identical duplicate /notify from the same
/// hub is answered 201 and processed only once (draft-ietf-mimi-protocol-06 §5.5: "MUST respond 201 to a
/// byte-identical duplicate ... SHOULD process only the first", dedup by a hash of bodies).
///
/// The key is SHA-256 over the sender's domain and the body, with a length prefix so that no two (sender, body)
/// pairs share an input. The window is bounded: after ``capacity`` entries the oldest are forgotten (the draft's
/// "rolling" hash).
public struct SeenBodies: Sendable {
    public let capacity: Int
    private var order: [[UInt8]] = []
    private var seen: Set<[UInt8]> = []

    public init(capacity: Int = 4096) { self.capacity = max(1, capacity) }

    /// Records the body; true when it was not seen before from this sender (process it), false for a duplicate.
    public mutating func firstSighting(from sender: String, body: [UInt8]) -> Bool {
        let key = SeenBodies.key(sender: sender, body: body)
        guard seen.insert(key).inserted else { return false }
        order.append(key)
        if order.count > capacity {
            seen.remove(order.removeFirst())
        }
        return true
    }

    /// How many distinct bodies are remembered.
    public var count: Int { order.count }

    static func key(sender: String, body: [UInt8]) -> [UInt8] {
        let s = Array(sender.lowercased().utf8)
        let n = UInt32(s.count)
        var input: [UInt8] = [UInt8(n >> 24), UInt8(truncatingIfNeeded: n >> 16), UInt8(truncatingIfNeeded: n >> 8),
                              UInt8(truncatingIfNeeded: n)]
        input += s
        input += body
        return HashAlgorithm.sha256.hash(input)
    }
}
