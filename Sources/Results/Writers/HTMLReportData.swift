/// Data the HTML and Markdown reports render beside the results: requirement texts and coverage (computed by the
/// Scenario target from the registry, docs/requirements.yaml), and the implementation binding of matrix runs.

/// One registry entry with the cases that cite it.
public struct ReportRequirement: Sendable, Hashable, Codable {
    public var id: String
    public var source: String
    public var section: String
    /// `MUST`, `MUST NOT`, `SHOULD`, `SHOULD NOT`.
    public var level: String
    public var text: String
    public var passingCases: [String]
    public var failingCases: [String]

    public init(id: String, source: String, section: String, level: String, text: String, passingCases: [String] = [],
                failingCases: [String] = []) {
        self.id = id
        self.source = source
        self.section = section
        self.level = level
        self.text = text
        self.passingCases = passingCases
        self.failingCases = failingCases
    }

    public var isMandatory: Bool { level.hasPrefix("MUST") }
    public var isCovered: Bool { !passingCases.isEmpty }
}

/// Coverage of the requirement registry by a run.
public struct ReportCoverage: Sendable, Hashable, Codable {
    public var requirements: [ReportRequirement]
    /// Citations found in results that match no registry entry.
    public var unmappedCitations: [String]

    public init(requirements: [ReportRequirement], unmappedCitations: [String] = []) {
        self.requirements = requirements
        self.unmappedCitations = unmappedCitations
    }

    public var covered: [ReportRequirement] { requirements.filter(\.isCovered) }
    public var uncoveredMandatory: [ReportRequirement] { requirements.filter { $0.isMandatory && !$0.isCovered } }

    public func requirement(_ id: String) -> ReportRequirement? { requirements.first { $0.id == id } }

    /// Per source: (source, covered, total, mandatory without a passing case), in first-seen order.
    public var bySource: [(source: String, covered: Int, total: Int, mandatoryUncovered: Int)] {
        var order: [String] = []
        var rows: [String: (Int, Int, Int)] = [:]
        for r in requirements {
            if rows[r.source] == nil { order.append(r.source) }
            var row = rows[r.source] ?? (0, 0, 0)
            row.1 += 1
            if r.isCovered { row.0 += 1 } else if r.isMandatory { row.2 += 1 }
            rows[r.source] = row
        }
        return order.map { ($0, rows[$0]?.0 ?? 0, rows[$0]?.1 ?? 0, rows[$0]?.2 ?? 0) }
    }
}

/// How a case id records which implementation played which provider (interop matrix runs):
/// `scenarios/flows/leave[hub=sim,follower=acme]` or `…[a.example=sim,b.example=acme]`. Cases without the bracket
/// ran against the embedded implementations only.
public struct CaseBinding: Sendable, Hashable {
    /// The id without the binding.
    public var base: String
    /// The text inside the brackets, or nil.
    public var binding: String?
    /// key → implementation (`hub` → `sim`).
    public var pairs: [(key: String, value: String)]

    public init(caseId: String) {
        guard caseId.hasSuffix("]"), let open = caseId.lastIndex(of: "[") else {
            self.base = caseId
            self.binding = nil
            self.pairs = []
            return
        }
        let inner = String(caseId[caseId.index(after: open)..<caseId.index(before: caseId.endIndex)])
        self.base = String(caseId[..<open])
        self.binding = inner
        self.pairs = inner.split(separator: ",").map { part in
            let kv = part.split(separator: "=", maxSplits: 1).map(String.init)
            return (kv.first ?? "", kv.count > 1 ? kv[1] : "")
        }
    }

    public func value(_ key: String) -> String? { pairs.first { $0.key == key }?.value }

    public static func == (a: CaseBinding, b: CaseBinding) -> Bool { a.base == b.base && a.binding == b.binding }
    public func hash(into h: inout Hasher) {
        h.combine(base)
        h.combine(binding)
    }
}

/// Escaping shared by the HTML and Markdown writers.
enum HTMLText {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if c.value < 0x20 && c != "\n" && c != "\t" { out += "&#\(c.value);" } else { out.unicodeScalars.append(c) }
            }
        }
        return out
    }
}

/// Cases grouped by the id without its last component (`mls/key-schedule/3` → `mls/key-schedule`,
/// `scenarios/flows/leave` → `scenarios/flows`), in first-seen order.
enum HTMLCaseGroups {
    static func key(_ id: String) -> String {
        let base = CaseBinding(caseId: id).base
        guard let slash = base.lastIndex(of: "/") else { return base }
        return String(base[..<slash])
    }

    static func group(_ cases: [CaseResult]) -> [(key: String, cases: [CaseResult])] {
        var order: [String] = []
        var buckets: [String: [CaseResult]] = [:]
        for c in cases {
            let k = key(c.id)
            if buckets[k] == nil { order.append(k) }
            buckets[k, default: []].append(c)
        }
        return order.map { ($0, buckets[$0] ?? []) }
    }
}
