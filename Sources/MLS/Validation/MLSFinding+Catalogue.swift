/// The findings the engine records (docs/mls-validation-audit.md, "Findings"): each a check of RFC 9420 that is not a
/// MUST for a receiver, or a policy of the harness, with its requirement id in docs/requirements.yaml.
extension MLSFinding {
    /// Requirement ids of the findings.
    public enum Rule {
        /// A received LeafNode outside its lifetime (RFC 9420 §7.3: RECOMMENDED for a receiver).
        public static let leafLifetimeReceived = "RFC9420-7.3-leafLifetimeReceived"
        /// A LeafNode whose capabilities do not list the group's protocol version or cipher suite.
        public static let capabilitiesListGroupParameters = "HARNESS-mls-capabilitiesListGroupParameters"
        /// An external resync Commit whose new leaf has another credential than the leaf it removes.
        public static let resyncCredential = "HARNESS-mls-resyncCredential"
    }

    /// A LeafNode received in a message, a Commit or a tree is outside its lifetime (§7.3: "it is RECOMMENDED that
    /// the client verifies that the current time is within the range of the lifetime field").
    static func leafLifetimeReceived(leaf: UInt32?, lifetime: Lifetime, now: UInt64) -> MLSFinding {
        MLSFinding(rule: Rule.leafLifetimeReceived, level: .should,
                   message: "\(leafName(leaf)) has lifetime [\(lifetime.notBefore), \(lifetime.notAfter)], which does not contain \(now)",
                   field: "leaf_node.lifetime",
                   impact: "receivers that check lifetimes (RECOMMENDED) refuse this leaf; it may only have expired in transit")
    }

    /// The LeafNode's capabilities do not list the group's version or cipher suite. RFC 9420 §7.3 asks that a leaf be
    /// "compatible with the group's parameters" and §11.1 that members "need to support the cipher suite and protocol
    /// version in use", without a MUST for the receiver (the working group's own treekem.json has such leaves).
    static func capabilitiesMissGroupParameters(leaf: UInt32?, suite: UInt16, versions: [ProtocolVersion],
                                                suites: [UInt16]) -> MLSFinding {
        let listed = "versions \(versions.map(\.description)), cipher_suites \(suites)"
        return MLSFinding(rule: Rule.capabilitiesListGroupParameters, level: .policy,
                          message: "\(leafName(leaf)) capabilities list \(listed); the group uses mls10 and suite \(suite)",
                          field: "leaf_node.capabilities",
                          impact: "stacks that check the capabilities against the group's parameters refuse this leaf")
    }

    /// An external Commit that resyncs (removes) a leaf whose credential differs from the new leaf's. RFC 9420
    /// §12.4.3.2 leaves to the application whether the new credential is "acceptable ... for the removed
    /// participant"; the harness's policy is the same credential.
    static func resyncCredentialChanged(removed: UInt32) -> MLSFinding {
        MLSFinding(rule: Rule.resyncCredential, level: .policy,
                   message: "the external Commit removes leaf \(removed), whose credential differs from the joiner's",
                   field: "Commit.path.leaf_node.credential",
                   impact: "applications that accept a resync only from the same identity refuse this Commit")
    }

    private static func leafName(_ leaf: UInt32?) -> String { leaf.map { "leaf \($0)" } ?? "the new leaf" }
}
