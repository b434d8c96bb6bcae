import CodedErrors

/// The error of the MLS module, in the design of ``CodedError``: a message, proposal, Commit, Welcome, KeyPackage,
/// LeafNode or ratchet tree that breaks a rule of RFC 9420 (or of draft-ietf-mls-extensions) that a receiver MUST
/// enforce, a limit of the harness, or a misuse of the group API.
///
/// ``code`` names the check, one per rule, as OpenMLS tags each validation; ``requirement`` is its requirement id in
/// docs/requirements.yaml (``Code/requirement``); docs/mls-validation-audit.md lists every check with its RFC
/// sentence and level. Rules that are only SHOULD or a policy of the harness never throw: they are
/// ``MLSFinding``s. Errors compare and hash by code; tests match on it.
public struct MLSError: CodedError {
    public static let domain = "mls"

    public let code: Code
    /// What was wrong, in words, with the values involved (leaf and node indices, epochs, types).
    public let reason: String
    /// The structure or field concerned (`Commit.path.leaf_node`, `ratchet_tree[5]`), when there is one.
    public let field: String?

    public init(_ code: Code, _ reason: String, field: String? = nil) {
        self.code = code
        self.reason = reason
        self.field = field
    }

    public var location: String? { field }
    /// The requirement id of the rule (``Code/requirement``).
    public var requirement: String? { code.requirement }
}
