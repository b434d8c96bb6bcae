/// A check that did not hold but does not fail its case: a SHOULD or SHOULD NOT of a specification, or a policy of
/// the harness's own (DEVELOPERS.md: "a MUST failure fails the case; a SHOULD or a policy of ours is a finding,
/// shown but not failed"). The `finding` object of docs/results.schema.json.
///
/// A finding is blamed like a failure: it names the requirement, the party whose message or answer broke it, and
/// what the harness expected and saw. `impact` says what the deviation costs in interop, so a vendor can decide.
public struct Finding: Codable, Sendable, Hashable {
    /// How strongly the broken rule binds. MUST and MUST NOT are never findings: they fail the case.
    public enum Level: String, Codable, Sendable, Hashable, CaseIterable {
        case should = "SHOULD"
        case shouldNot = "SHOULD NOT"
        /// A rule of the harness's own (a limit, a recommended practice the specification leaves open).
        case policy
    }

    /// Requirement id (docs/requirements.yaml) or citation (`RFC9420 §7.2 SHOULD`).
    public var requirement: String
    public var level: Level
    /// What was found, in words.
    public var message: String
    /// The party whose message or answer the finding is about, when there is one.
    public var party: String?
    /// What the deviation costs in interop (e.g. "stacks that check capabilities refuse this leaf").
    public var impact: String?
    public var expected: String?
    public var actual: String?

    public init(requirement: String, level: Level, message: String, party: String? = nil, impact: String? = nil,
                expected: String? = nil, actual: String? = nil) {
        self.requirement = requirement
        self.level = level
        self.message = message
        self.party = party
        self.impact = impact
        self.expected = expected
        self.actual = actual
    }

    /// One line: `SHOULD RFC9420 §7.2 [alice]: message`.
    public var line: String {
        var s = "\(level.rawValue) \(requirement)"
        if let party { s += " [\(party)]" }
        s += ": \(message)"
        if let impact { s += " (interop: \(impact))" }
        return s
    }
}
