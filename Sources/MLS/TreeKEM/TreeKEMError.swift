import TLSCodec

/// An error generating or processing an UpdatePath (RFC 9420 §7.4–§7.6, §12.4.1, §12.4.2). Each case names the
/// rule it enforces (``rule``); tests match on the case.
public enum TreeKEMError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The UpdatePath has a different number of nodes than the sender's filtered direct path (RFC 9420 §12.4.2).
    case pathLengthMismatch(expected: Int, actual: Int)
    /// An UpdatePathNode carries a different number of ciphertexts than the copath child's resolution, minus the
    /// joiners of this Commit (RFC 9420 §12.4.2, §7.6).
    case ciphertextCountMismatch(node: UInt32, expected: Int, actual: Int)
    /// The UpdatePath's LeafNode does not carry `leaf_node_source = commit` (RFC 9420 §7.3, §12.4.2).
    case leafSourceNotCommit
    /// The leaf's parent_hash differs from the one computed from the UpdatePath (RFC 9420 §7.9.2).
    case parentHashMismatch(expected: [UInt8], actual: [UInt8])
    /// The receiver holds no private key for any node of the copath child's resolution (RFC 9420 §12.4.2).
    case noDecryptionKey(receiver: UInt32, copathChild: UInt32)
    /// DecryptWithLabel of the path secret failed (RFC 9420 §5.1.3, §12.4.2).
    case pathSecretDecryptionFailed(node: UInt32, reason: String)
    /// A public key derived from a path secret differs from the one in the UpdatePath (RFC 9420 §12.4.2).
    case derivedKeyMismatch(node: UInt32)
    /// The sender's or receiver's leaf is blank or outside the tree (RFC 9420 §12.4.2).
    case leafNotInTree(UInt32)
    /// The receiver is the sender of the UpdatePath: a member never decrypts its own path (RFC 9420 §12.4.2).
    case receiverIsSender(UInt32)
    /// An encryption key of the UpdatePath is already in the tree (RFC 9420 §7.3, §12.4.2).
    case duplicateEncryptionKey(node: UInt32)

    /// The RFC 9420 rule this error enforces.
    public var rule: String {
        switch self {
        case .pathLengthMismatch, .ciphertextCountMismatch, .noDecryptionKey, .derivedKeyMismatch, .leafNotInTree,
             .receiverIsSender:
            "RFC9420 §12.4.2"
        case .leafSourceNotCommit, .duplicateEncryptionKey: "RFC9420 §7.3"
        case .parentHashMismatch: "RFC9420 §7.9.2"
        case .pathSecretDecryptionFailed: "RFC9420 §5.1.3"
        }
    }

    public var description: String {
        let what: String = switch self {
        case .pathLengthMismatch(let e, let a):
            "the UpdatePath has \(a) nodes; the sender's filtered direct path has \(e)"
        case .ciphertextCountMismatch(let n, let e, let a):
            "UpdatePathNode for node \(n) has \(a) encrypted path secrets; the copath resolution has \(e) nodes"
        case .leafSourceNotCommit: "the UpdatePath leaf_node_source is not commit"
        case .parentHashMismatch(let e, let a):
            "the UpdatePath leaf carries parent_hash \(a.hex); the path gives \(e.hex)"
        case .noDecryptionKey(let r, let c): "leaf \(r) holds no private key in the resolution of node \(c)"
        case .pathSecretDecryptionFailed(let n, let r): "decrypting the path secret for node \(n) failed: \(r)"
        case .derivedKeyMismatch(let n): "the key derived for node \(n) differs from the UpdatePath's encryption_key"
        case .leafNotInTree(let l): "leaf \(l) is blank or outside the tree"
        case .receiverIsSender(let l): "leaf \(l) sent the UpdatePath and cannot decrypt it"
        case .duplicateEncryptionKey(let n): "the encryption key for node \(n) is already in the tree"
        }
        return "\(what) (\(rule))"
    }
}

