import MLSCrypto

/// What a LeafNode is checked against (RFC 9420 §7.3): the group, where the leaf comes from, and the clock.
public struct LeafNodeValidationContext: Sendable {
    /// Where the LeafNode was received; decides the required leaf_node_source (§7.3).
    public enum Origin: Sendable, Hashable {
        case keyPackage, update, commit
        /// Any source: a leaf already in a tree received from others (e.g. when joining, §12.4.3.1).
        case tree
    }

    public var suite: CipherSuite
    public var groupID: [UInt8]
    public var origin: Origin
    /// The GroupContext's required_capabilities, if any.
    public var requiredCapabilities: RequiredCapabilities?
    /// Seconds since the Unix epoch for the lifetime check; `nil` turns the check off (§7.3 makes it RECOMMENDED;
    /// the published passive-client vectors carry expired lifetimes).
    public var currentTime: UInt64?

    public init(suite: CipherSuite, groupID: [UInt8], origin: Origin, requiredCapabilities: RequiredCapabilities? = nil,
                currentTime: UInt64? = nil) {
        self.suite = suite
        self.groupID = groupID
        self.origin = origin
        self.requiredCapabilities = requiredCapabilities
        self.currentTime = currentTime
    }
}

extension RatchetTree {
    /// Validates `leafNode` for leaf index `index` against this tree (RFC 9420 §7.3): signature, required
    /// capabilities, mutual credential support, lifetime, extensions listed in capabilities, source, and unique
    /// signature and encryption keys. The leaf currently at `index`, if any, is not compared with itself.
    public func validateLeaf(_ leafNode: LeafNode, at index: UInt32?, context: LeafNodeValidationContext) throws {
        try Self.validateLeafOnItsOwn(leafNode, at: index, context: context)
        func fail(_ e: LeafNodeValidationError) -> TreeError { .invalidLeaf(leaf: index, e) }
        let caps = leafNode.capabilities
        for (i, member) in members where i != index {
            // Mutual credential support with every other member.
            if !member.capabilities.supports(leafNode.credential.credentialType) {
                throw fail(.credentialTypeNotSupported(leafNode.credential.credentialType, leaf: i))
            }
            if !caps.supports(member.credential.credentialType) {
                throw fail(.credentialTypeNotSupported(member.credential.credentialType, leaf: i))
            }
            // Unique signature and encryption keys among the members.
            if member.signatureKey == leafNode.signatureKey {
                throw TreeError.duplicateSignatureKey(leaf: index ?? leafCount, other: i)
            }
            if member.encryptionKey == leafNode.encryptionKey {
                throw TreeError.duplicateEncryptionKey(node: (index ?? leafCount) * 2, other: i * 2)
            }
        }
    }

    /// The §7.3 checks that need no other member: source, signature, capabilities, required_capabilities, lifetime
    /// and extensions.
    static func validateLeafOnItsOwn(_ leafNode: LeafNode, at index: UInt32?, context: LeafNodeValidationContext) throws {
        func fail(_ e: LeafNodeValidationError) -> TreeError { .invalidLeaf(leaf: index, e) }

        // leaf_node_source matches where the leaf came from.
        let expected: String? = switch context.origin {
        case .keyPackage: "key_package"
        case .update: "update"
        case .commit: "commit"
        case .tree: nil
        }
        if let expected, expected != leafNode.source.name {
            throw fail(.wrongSource(expected: expected, actual: leafNode.source.name))
        }

        // Signature over LeafNodeTBS; update and commit sources bind the group and leaf index.
        let tbs = LeafNodeTBS(leafNode: leafNode, groupID: context.groupID, leafIndex: index ?? 0)
        let valid = (try? context.suite.verifyWithLabel(publicKey: leafNode.signatureKey, label: "LeafNodeTBS",
                                                        content: tbs.tlsEncoded, signature: leafNode.signature)) ?? false
        guard valid else { throw fail(.signatureInvalid) }

        // The group's version and cipher suite and the leaf's own credential type are in its capabilities (§7.2).
        let caps = leafNode.capabilities
        guard caps.versions.contains(.mls10), caps.cipherSuites.contains(context.suite.id) else {
            throw fail(.versionOrSuiteNotInCapabilities)
        }
        guard caps.supports(leafNode.credential.credentialType) else {
            throw fail(.ownCredentialNotInCapabilities(leafNode.credential.credentialType))
        }

        // required_capabilities.
        if let required = context.requiredCapabilities {
            for t in required.extensionTypes where !caps.supports(t) { throw fail(.missingRequiredCapability("extension \(t)")) }
            for t in required.proposalTypes where !caps.supports(t) { throw fail(.missingRequiredCapability("proposal \(t)")) }
            for t in required.credentialTypes where !caps.supports(t) { throw fail(.missingRequiredCapability("credential \(t)")) }
        }

        // Lifetime, for KeyPackage leaves, when a clock is given.
        if let now = context.currentTime, let lifetime = leafNode.lifetime, !lifetime.contains(now) {
            throw fail(.lifetimeExpired(lifetime, now: now))
        }

        // Every extension is listed in the leaf's capabilities.
        for ext in leafNode.extensions where !caps.supports(ext.extensionType) {
            throw fail(.extensionNotInCapabilities(ext.extensionType))
        }
    }
}
