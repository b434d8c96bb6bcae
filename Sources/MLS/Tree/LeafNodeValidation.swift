import MLSCrypto

/// How a LeafNode's lifetime is checked (RFC 9420 §7.3): a client MUST check the leaves of messages it sends, and
/// it is RECOMMENDED that it checks those it receives ("the LeafNode might have expired in the time between when the
/// message was sent and when it was received").
public enum LifetimeCheck: Sendable, Hashable {
    /// No check (the published passive-client vectors carry expired lifetimes).
    case off
    /// The leaf is in a message this client sends: outside the lifetime throws ``MLSError/Code/leafLifetime``.
    case sending(now: UInt64)
    /// The leaf is in a message this client receives: outside the lifetime is a finding
    /// (``MLSFinding/Rule/leafLifetimeReceived``).
    case receiving(now: UInt64)
}

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
    /// The lifetime check (§7.3): for leaves of KeyPackages.
    public var lifetime: LifetimeCheck

    public init(suite: CipherSuite, groupID: [UInt8], origin: Origin, requiredCapabilities: RequiredCapabilities? = nil,
                lifetime: LifetimeCheck = .off) {
        self.suite = suite
        self.groupID = groupID
        self.origin = origin
        self.requiredCapabilities = requiredCapabilities
        self.lifetime = lifetime
    }
}

extension RatchetTree {
    /// Validates `leafNode` for leaf index `index` against this tree (RFC 9420 §7.3): its own checks
    /// (``validateLeafOnItsOwn(_:at:context:findings:)``), mutual credential support and unique signature and
    /// encryption keys. The leaf currently at `index`, if any, is not compared with itself. Returns the findings.
    @discardableResult
    public func validateLeaf(_ leafNode: LeafNode, at index: UInt32?,
                             context: LeafNodeValidationContext) throws -> [MLSFinding] {
        var findings: [MLSFinding] = []
        try Self.validateLeafOnItsOwn(leafNode, at: index, context: context, findings: &findings)
        let name = Self.leafName(index)
        let type = leafNode.credential.credentialType
        for (i, member) in members where i != index {
            if !member.capabilities.supports(type) {
                throw MLSError(.leafCredentialUnsupported, "\(name) uses credential type \(type), which leaf \(i) does not support")
            }
            if !leafNode.capabilities.supports(member.credential.credentialType) {
                throw MLSError(.leafCredentialUnsupported,
                               "\(name) does not support credential type \(member.credential.credentialType) of leaf \(i)")
            }
            if member.signatureKey == leafNode.signatureKey {
                throw MLSError(.duplicateSignatureKey, "\(name) has the signature_key of leaf \(i)")
            }
            if member.encryptionKey == leafNode.encryptionKey {
                throw MLSError(.duplicateEncryptionKey, "\(name) has the encryption_key of leaf \(i)")
            }
        }
        return findings
    }

    /// The §7.3 checks that need no other member: source, signature, the group's parameters, the leaf's own
    /// credential type, required_capabilities, lifetime and extensions. MUST rules throw an ``MLSError``; the
    /// others append to `findings`.
    static func validateLeafOnItsOwn(_ leafNode: LeafNode, at index: UInt32?, context: LeafNodeValidationContext,
                                     findings: inout [MLSFinding]) throws {
        let name = leafName(index)
        try checkSource(leafNode, name: name, origin: context.origin)
        let tbs = LeafNodeTBS(leafNode: leafNode, groupID: context.groupID, leafIndex: index ?? 0)
        let valid = (try? context.suite.verifyWithLabel(publicKey: leafNode.signatureKey, label: "LeafNodeTBS",
                                                        content: tbs.tlsEncoded, signature: leafNode.signature)) ?? false
        guard valid else { throw MLSError(.leafSignatureInvalid, "the LeafNodeTBS signature of \(name) does not verify") }
        let caps = leafNode.capabilities
        if !caps.versions.contains(.mls10) || !caps.cipherSuites.contains(context.suite.id) {
            findings.append(.capabilitiesMissGroupParameters(leaf: index, suite: context.suite.id, versions: caps.versions,
                                                             suites: caps.cipherSuites))
        }
        guard caps.supports(leafNode.credential.credentialType) else {
            throw MLSError(.leafCredentialNotInCapabilities,
                           "\(name) uses credential type \(leafNode.credential.credentialType), which its capabilities do not list")
        }
        try checkRequiredCapabilities(caps, name: name, required: context.requiredCapabilities)
        try checkLifetime(leafNode, at: index, check: context.lifetime, findings: &findings)
        for ext in leafNode.extensions where !caps.supports(ext.extensionType) {
            throw MLSError(.leafExtensionNotInCapabilities, "\(name) carries extension \(ext.extensionType), which its capabilities do not list")
        }
        if let duplicate = leafNode.extensions.firstDuplicateType {
            throw MLSError(.duplicateExtension, "\(name) carries extension \(duplicate) twice", field: "leaf_node.extensions")
        }
    }

    /// leaf_node_source matches where the leaf came from (§7.3).
    static func checkSource(_ leafNode: LeafNode, name: String, origin: LeafNodeValidationContext.Origin) throws {
        let expected: String? = switch origin {
        case .keyPackage: "key_package"
        case .update: "update"
        case .commit: "commit"
        case .tree: nil
        }
        if let expected, expected != leafNode.source.name {
            throw MLSError(.leafNodeSource, "\(name) has leaf_node_source \(leafNode.source.name); it must be \(expected)")
        }
    }

    /// The required_capabilities of the group are listed (§7.3).
    static func checkRequiredCapabilities(_ caps: Capabilities, name: String, required: RequiredCapabilities?) throws {
        guard let required else { return }
        func missing(_ what: String) -> MLSError {
            MLSError(.leafRequiredCapabilities, "\(name) does not list the required \(what)", field: "leaf_node.capabilities")
        }
        for t in required.extensionTypes where !caps.supports(t) { throw missing("extension \(t)") }
        for t in required.proposalTypes where !caps.supports(t) { throw missing("proposal \(t)") }
        for t in required.credentialTypes where !caps.supports(t) { throw missing("credential \(t)") }
    }

    /// The lifetime of a KeyPackage leaf (§7.3): a MUST for leaves the client sends, RECOMMENDED for those it receives.
    static func checkLifetime(_ leafNode: LeafNode, at index: UInt32?, check: LifetimeCheck,
                              findings: inout [MLSFinding]) throws {
        guard let lifetime = leafNode.lifetime else { return }
        switch check {
        case .off:
            return
        case .sending(let now) where !lifetime.contains(now):
            throw MLSError(.leafLifetime, "\(leafName(index)) has lifetime [\(lifetime.notBefore), \(lifetime.notAfter)], "
                           + "which does not contain \(now)", field: "leaf_node.lifetime")
        case .receiving(let now) where !lifetime.contains(now):
            findings.append(.leafLifetimeReceived(leaf: index, lifetime: lifetime, now: now))
        default:
            return
        }
    }

    static func leafName(_ index: UInt32?) -> String { index.map { "leaf \($0)" } ?? "the new leaf" }
}
