import MLSCrypto

/// The members' keys and credential support, indexed once per Commit so that the §7.3 checks of many new leaves
/// (a Commit adding thousands of members) cost O(1) each instead of a pass over the tree per leaf.
struct MemberIndex {
    private var signatureKeys: [[UInt8]: UInt32] = [:]
    private var encryptionKeys: [[UInt8]: UInt32] = [:]
    /// Credential types in use, with how many members use each.
    private var typesInUse: [CredentialType: Int] = [:]
    /// For each credential type, how many members list it in their capabilities.
    private var supportCount: [CredentialType: Int] = [:]
    private var memberCount = 0

    init(_ tree: RatchetTree) {
        for (i, leaf) in tree.members { insert(leaf, at: i) }
    }

    mutating func insert(_ leaf: LeafNode, at index: UInt32) {
        signatureKeys[leaf.signatureKey] = index
        encryptionKeys[leaf.encryptionKey] = index
        typesInUse[leaf.credential.credentialType, default: 0] += 1
        memberCount += 1
        var seen: [CredentialType] = []
        for t in leaf.capabilities.credentials where !seen.contains(t) {
            seen.append(t)
            supportCount[t, default: 0] += 1
        }
    }

    /// Checks `leaf`, destined for leaf `index` (nil for a new leaf), against the other members (RFC 9420 §7.3):
    /// its own checks, unique signature and encryption keys, and mutual support of credential types.
    func validate(_ leaf: LeafNode, at index: UInt32?, newIndex: UInt32, context: LeafNodeValidationContext) throws {
        try RatchetTree.validateLeafOnItsOwn(leaf, at: index, context: context)
        if let other = signatureKeys[leaf.signatureKey], other != index {
            throw TreeError.duplicateSignatureKey(leaf: index ?? newIndex, other: other)
        }
        if let other = encryptionKeys[leaf.encryptionKey], other != index {
            throw TreeError.duplicateEncryptionKey(node: (index ?? newIndex) &* 2, other: other &* 2)
        }
        let type = leaf.credential.credentialType
        if supportCount[type, default: 0] < memberCount {
            throw TreeError.invalidLeaf(leaf: index ?? newIndex, .credentialTypeNotSupported(type, leaf: index ?? newIndex))
        }
        for t in typesInUse.keys where !leaf.capabilities.supports(t) {
            throw TreeError.invalidLeaf(leaf: index ?? newIndex, .credentialTypeNotSupported(t, leaf: index ?? newIndex))
        }
    }
}
