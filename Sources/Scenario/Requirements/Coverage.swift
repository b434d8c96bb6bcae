import Results

/// Requirement coverage of a run (issue 6, "Reports show coverage"): which registry entries at least one passing
/// case checks, which only failing ones check, and the MUSTs no case checks at all.
public struct Coverage: Sendable {
    public let registry: RequirementRegistry
    /// Registry id → ids of passing cases that cite it.
    public var passing: [String: [String]] = [:]
    /// Registry id → ids of failed or errored cases that cite it.
    public var failing: [String: [String]] = [:]
    /// Citations in results that map to no registry entry, with the cases citing them.
    public var unmapped: [String: [String]] = [:]

    public init(registry: RequirementRegistry, cases: [CaseResult]) {
        self.registry = registry
        for c in cases {
            var cited = c.requirements
            // Passed sub-checks count for a failed case too: the check itself was made and held.
            let passedChecks = Set(c.checks.filter(\.passed).map(\.requirement))
            let failedChecks = Set(c.checks.filter { !$0.passed }.map(\.requirement))
            cited += c.checks.map(\.requirement)
            var seen: Set<String> = []
            for citation in cited where seen.insert(citation).inserted {
                let ids = registry.ids(forCitation: citation)
                if ids.isEmpty {
                    unmapped[citation, default: []].append(c.id)
                    continue
                }
                let ok: Bool
                switch c.status {
                case .passed: ok = true
                case .failed, .error: ok = passedChecks.contains(citation) && !failedChecks.contains(citation)
                case .unsupported, .skipped: continue
                }
                for id in ids {
                    if ok { passing[id, default: []].append(c.id) } else { failing[id, default: []].append(c.id) }
                }
            }
        }
    }

    /// Entries with at least one passing case.
    public var covered: [Requirement] { registry.requirements.filter { passing[$0.id] != nil } }
    /// MUST / MUST NOT entries with no passing case.
    public var uncoveredMandatory: [Requirement] {
        registry.requirements.filter { $0.level.isMandatory && passing[$0.id] == nil }
    }

    /// The plain data the HTML and Markdown writers render.
    public var report: ReportCoverage {
        ReportCoverage(
            requirements: registry.requirements.map {
                ReportRequirement(id: $0.id, source: $0.source, section: $0.section, level: $0.level.rawValue, text: $0.text,
                                  passingCases: passing[$0.id] ?? [], failingCases: failing[$0.id] ?? [])
            },
            unmappedCitations: unmapped.keys.sorted())
    }
}
