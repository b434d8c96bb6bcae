/// Bounds a ``TLSReader`` enforces on hostile input, so that no declared length or nesting can exhaust memory.
public struct TLSLimits: Sendable, Hashable {
    /// Deepest nesting of vectors and optionals.
    public var maxDepth: Int
    /// Largest single vector, in bytes. RFC 9420 §2.1.2 caps lengths at 2^30 - 1.
    public var maxVectorLength: Int

    public init(maxDepth: Int = 64, maxVectorLength: Int = (1 << 30) - 1) {
        self.maxDepth = maxDepth
        self.maxVectorLength = maxVectorLength
    }

    public static let `default` = TLSLimits()
}
