/// `NodeType` (RFC 9420 §7.8): `leaf(1)` or `parent(2)`; other values are rejected.
public enum NodeType: UInt8, Hashable, Sendable {
    case leaf = 1
    case parent = 2
}
