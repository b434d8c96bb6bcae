/// An error retrieving keys from the secret tree (RFC 9420 §9, §9.1, §9.2).
public struct SecretTreeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable identifiers of the failures; tests match on them.
    public enum Code: String, Hashable, Sendable, CaseIterable {
        /// The leaf count is not a valid tree size, or the leaf lies outside the tree.
        case leafOutOfRange
        /// The requested generation is further ahead than the configured forward window.
        case generationTooFarAhead
        /// The generation's key was already used and deleted (§9.2), or fell out of the skipped-key window.
        case generationConsumed
        /// The ratchet has reached generation 2^32−1 and cannot advance.
        case generationExhausted
        /// A key derivation failed.
        case derivationFailed
    }

    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.code == rhs.code }
    public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}
