import Results

/// Which implementation played each provider in one run, and how that is recorded in results.
///
/// Results record it in the case id, pytest-style: `scenarios/flows/leave[hub=sim,follower=acme]` when every
/// provider of a role is played by the same implementation, else per domain:
/// `scenarios/flows/leave[a.example=sim,b.example=acme,c.example=sim]`. The report's matrix view groups cases
/// by the part before `[` and lays the bindings out as columns (see `CaseBinding` in Results).
public struct ImplementationBinding: Sendable, Hashable {
    /// Provider domain → implementation name.
    public var implementations: [String: String]
    public var roles: [String: ProviderRole]

    public init(scenario: Scenario, implementations: [String: String]) {
        self.implementations = implementations
        self.roles = Dictionary(scenario.providers.map { ($0.domain, $0.role) }, uniquingKeysWith: { a, _ in a })
    }

    /// The bracketed binding, or "" when nothing is bound.
    public var suffix: String {
        guard !implementations.isEmpty else { return "" }
        var byRole: [ProviderRole: Set<String>] = [:]
        for (domain, impl) in implementations { byRole[roles[domain] ?? .follower, default: []].insert(impl) }
        if byRole.values.allSatisfy({ $0.count == 1 }) {
            let parts = ProviderRole.allCases.compactMap { r in byRole[r]?.first.map { "\(r.rawValue)=\($0)" } }
            return "[" + parts.joined(separator: ",") + "]"
        }
        return "[" + implementations.keys.sorted().map { "\($0)=\(implementations[$0] ?? "")" }.joined(separator: ",") + "]"
    }

    public func caseId(base: String) -> String { base + suffix }
}
