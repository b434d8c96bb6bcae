/// An error in the ratchet tree: a malformed tree, an invalid operation, or a validation rule broken. Each case
/// names the RFC 9420 rule it enforces (``rule``); tests match on the case.
public enum TreeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The ratchet_tree list is empty.
    case emptyTree
    /// The last node of a ratchet_tree list is blank (RFC 9420 §12.4.3.3: the receiver MUST check it is non-blank).
    case trailingBlankNode
    /// A leaf sits at an odd index or a parent at an even one (RFC 9420 §4.1, Appendix C).
    case nodeTypeMismatch(node: UInt32)
    /// The tree would exceed the largest size the array representation supports.
    case tooLarge
    /// A leaf or node index outside the tree.
    case indexOutOfRange(UInt32)
    /// The leaf is blank where a member was expected (e.g. Remove or Update of a blank leaf, RFC 9420 §12.1.2/§12.1.3).
    case blankLeaf(UInt32)
    /// A parent node is not parent-hash valid (RFC 9420 §7.9.2).
    case parentHashInvalid(node: UInt32)
    /// An unmerged leaf of a parent node is not below it, is blank, or is missing from an intermediate node (RFC 9420 §12.4.3.1).
    case unmergedLeafInvalid(node: UInt32, leaf: UInt32)
    /// Two nodes share an HPKE encryption key (RFC 9420 §7.3 for leaves, §12.4.3.1 for parent nodes).
    case duplicateEncryptionKey(node: UInt32, other: UInt32)
    /// Two leaves share a signature key (RFC 9420 §7.3).
    case duplicateSignatureKey(leaf: UInt32, other: UInt32)
    /// A leaf failed §7.3 validation.
    case invalidLeaf(leaf: UInt32?, LeafNodeValidationError)
    /// The tree hash differs from the GroupContext's (RFC 9420 §12.4.3.1).
    case treeHashMismatch
    /// An UpdatePath's node count differs from the length of the sender's filtered direct path (RFC 9420 §12.4.2).
    case updatePathLengthMismatch(expected: Int, actual: Int)

    /// The RFC 9420 rule this error enforces.
    public var rule: String {
        switch self {
        case .emptyTree, .trailingBlankNode: "RFC9420 §12.4.3.3"
        case .nodeTypeMismatch: "RFC9420 §4.1"
        case .tooLarge, .indexOutOfRange: "RFC9420 §4"
        case .blankLeaf: "RFC9420 §12.1"
        case .parentHashInvalid: "RFC9420 §7.9.2"
        case .unmergedLeafInvalid: "RFC9420 §12.4.3.1"
        case .duplicateEncryptionKey: "RFC9420 §7.3, §12.4.3.1"
        case .duplicateSignatureKey: "RFC9420 §7.3"
        case .invalidLeaf(_, let e): e.rule
        case .treeHashMismatch: "RFC9420 §12.4.3.1"
        case .updatePathLengthMismatch: "RFC9420 §12.4.2"
        }
    }

    public var description: String {
        let what: String = switch self {
        case .emptyTree: "the ratchet tree has no nodes"
        case .trailingBlankNode: "the last node of the ratchet_tree list is blank; it MUST be non-blank"
        case .nodeTypeMismatch(let n): "node \(n) has the wrong type: leaves sit at even indices, parents at odd ones"
        case .tooLarge: "the tree exceeds 2^31 leaves"
        case .indexOutOfRange(let i): "index \(i) lies outside the tree"
        case .blankLeaf(let l): "leaf \(l) is blank"
        case .parentHashInvalid(let n): "parent node \(n) is not parent-hash valid"
        case .unmergedLeafInvalid(let n, let l): "unmerged leaf \(l) of node \(n) is invalid"
        case .duplicateEncryptionKey(let n, let o): "nodes \(o) and \(n) have the same encryption_key"
        case .duplicateSignatureKey(let l, let o): "leaves \(o) and \(l) have the same signature_key"
        case .invalidLeaf(let l, let e): "leaf \(l.map(String.init) ?? "(new)"): \(e)"
        case .treeHashMismatch: "the tree hash differs from the GroupContext's tree_hash"
        case .updatePathLengthMismatch(let e, let a):
            "the UpdatePath has \(a) nodes; the sender's filtered direct path has \(e)"
        }
        return "\(what) (\(rule))"
    }
}
