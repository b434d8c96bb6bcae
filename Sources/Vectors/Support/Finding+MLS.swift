import MLS
import Results

extension Finding {
    /// The report form of a finding of the MLS engine (a SHOULD-level or policy check that did not hold in input the
    /// engine accepted, docs/mls-validation-audit.md), blamed on `party` when one is known.
    public init(_ finding: MLSFinding, party: String? = nil) {
        let level: Level = switch finding.level {
        case .should: .should
        case .shouldNot: .shouldNot
        case .policy: .policy
        }
        let message = finding.field.map { "\($0): \(finding.message)" } ?? finding.message
        self.init(requirement: finding.rule, level: level, message: message, party: party, impact: finding.impact)
    }
}
