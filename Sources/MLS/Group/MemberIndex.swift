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
    /// Leaves added by the Commit being checked.
    private var joiners: Set<UInt32> = []

    init(_ tree: RatchetTree) {
        for (i, leaf) in tree.members { insert(leaf, at: i) }
    }

    /// Records `leaf` at `index`; `joiner` marks a leaf added by the Commit being checked.
    mutating func insert(_ leaf: LeafNode, at index: UInt32, joiner: Bool = false) {
        signatureKeys[leaf.signatureKey] = index
        encryptionKeys[leaf.encryptionKey] = index
        typesInUse[leaf.credential.credentialType, default: 0] += 1
        memberCount += 1
        if joiner { joiners.insert(index) }
        var seen: [CredentialType] = []
        for t in leaf.capabilities.credentials where !seen.contains(t) {
            seen.append(t)
            supportCount[t, default: 0] += 1
        }
    }

    /// Checks the leaf of an Add, destined for leaf `newIndex`, against the members and the earlier Adds (RFC 9420
    /// §7.3, §12.2): its own checks, the same client (signature key) neither a member nor added twice, a fresh
    /// encryption key, and mutual support of credential types. Returns the findings.
    func validateAdded(_ leaf: LeafNode, newIndex: UInt32, context: LeafNodeValidationContext) throws -> [MLSFinding] {
        var findings: [MLSFinding] = []
        try RatchetTree.validateLeafOnItsOwn(leaf, at: newIndex, context: context, findings: &findings)
        if let other = signatureKeys[leaf.signatureKey] {
            throw joiners.contains(other)
                ? MLSError(.duplicateAdd, "the Adds for leaves \(other) and \(newIndex) carry the same signature key")
                : MLSError(.addOfExistingMember, "the Add for leaf \(newIndex) carries the signature key of member \(other)")
        }
        if let other = encryptionKeys[leaf.encryptionKey] {
            throw MLSError(.duplicateEncryptionKey, "the new leaf \(newIndex) has the encryption_key of leaf \(other)")
        }
        let type = leaf.credential.credentialType
        if supportCount[type, default: 0] < memberCount {
            throw MLSError(.leafCredentialUnsupported, "credential type \(type) of the new leaf \(newIndex) is not supported by every member")
        }
        for t in typesInUse.keys where !leaf.capabilities.supports(t) {
            throw MLSError(.leafCredentialUnsupported, "the new leaf \(newIndex) does not support credential type \(t), which a member uses")
        }
        return findings
    }
}
