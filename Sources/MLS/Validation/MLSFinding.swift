/// A validation rule that did not hold in a message the engine accepted, because RFC 9420 does not make a receiver
/// reject it: a SHOULD, or a policy of the harness's own (DEVELOPERS.md: "a MUST failure fails the case; a SHOULD or
/// a policy of ours is a finding, shown but not failed").
///
/// The engine rejects (throws an ``MLSError``) only where RFC 9420 says a receiver MUST reject; every other check it
/// makes records an ``MLSFinding`` instead. A group collects them on ``MLSGroup/findings`` (drained with
/// ``MLSGroup/takeFindings()``); the validations that run outside a group return theirs
/// (``KeyPackageValidation/validate(_:suite:lifetime:)``, ``RatchetTree/validate(groupID:suite:treeHash:requiredCapabilities:lifetime:)``,
/// ``WelcomeOpening/findings``). docs/mls-validation-audit.md lists every check with its level.
public struct MLSFinding: Sendable, Hashable, CustomStringConvertible {
    /// How strongly the rule binds the sender.
    public enum Level: String, Sendable, Hashable, CaseIterable {
        case should = "SHOULD"
        case shouldNot = "SHOULD NOT"
        /// A rule of the harness's own, not of RFC 9420.
        case policy
    }

    /// Requirement id of the rule (docs/requirements.yaml), e.g. `RFC9420-7.2-capabilitiesListSuite`.
    public var rule: String
    public var level: Level
    /// What did not hold, in words.
    public var message: String
    /// Dotted path of the field concerned, when there is one (`KeyPackage.leaf_node.capabilities`).
    public var field: String?
    /// What the deviation costs in interop (`stacks that check … refuse this leaf`), when known.
    public var impact: String?

    public init(rule: String, level: Level, message: String, field: String? = nil, impact: String? = nil) {
        self.rule = rule
        self.level = level
        self.message = message
        self.field = field
        self.impact = impact
    }

    public var description: String {
        "\(level.rawValue) \(rule)\(field.map { " (\($0))" } ?? ""): \(message)"
    }
}
