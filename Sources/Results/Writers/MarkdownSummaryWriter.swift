import Foundation

/// Writes `summary.md`: a short Markdown report fit for a CI step summary (`$GITHUB_STEP_SUMMARY`): verdict and
/// totals, a table per source, the failures with expected vs actual and the blamed party, and requirement coverage.
/// It stays well under GitHub's 1 MiB summary limit by listing at most `maxFailures` failures.
public struct MarkdownSummaryWriter: ReportWriter {
    public var coverage: ReportCoverage?
    public var maxFailures: Int
    public let fileName = "summary.md"

    public init(coverage: ReportCoverage? = nil, maxFailures: Int = 50) {
        self.coverage = coverage
        self.maxFailures = maxFailures
    }

    public func render(_ results: RunResults) throws -> [UInt8] { Array(markdown(results).utf8) }

    public func markdown(_ r: RunResults) -> String {
        let s = r.summary
        var out: [String] = []
        out.append("# mimi-harness: \(s.isSuccess ? "✅ passed" : "❌ failed")")
        out.append("")
        var meta = "`\(Self.code(r.command))` · version \(r.version)"
        if let seed = r.seed { meta += " · seed \(seed)" }
        out.append(meta)
        out.append("")
        out.append("| Total | Passed | Failed | Error | Unsupported | Skipped |")
        out.append("|---:|---:|---:|---:|---:|---:|")
        out.append("| \(s.total) | \(s.passed) | \(s.failed) | \(s.error) | \(s.unsupported) | \(s.skipped) |")
        out.append("")
        out.append("## By source")
        out.append("")
        out.append("| Source | Passed | Failed | Error | Unsupported | Skipped |")
        out.append("|---|---:|---:|---:|---:|---:|")
        for g in HTMLCaseGroups.group(r.cases) {
            let gs = Summary(g.cases)
            out.append("| \(Self.cell(g.key)) | \(gs.passed) | \(gs.failed) | \(gs.error) | \(gs.unsupported) | \(gs.skipped) |")
        }
        let bad = r.cases.filter { $0.status == .failed || $0.status == .error }
        if !bad.isEmpty {
            out.append("")
            out.append("## Failures")
            for c in bad.prefix(maxFailures) {
                out.append("")
                out.append("### \(c.status == .error ? "⚠️" : "❌") `\(Self.code(c.id))`")
                out.append("")
                if let m = c.message { out.append(Self.quote(m)) }
                if let p = c.party { out.append("- **Blamed:** \(Self.inline(p))") }
                let failedChecks = c.checks.filter { !$0.passed }
                for req in Set(failedChecks.map(\.requirement)).sorted() {
                    if let text = coverage?.requirement(req) {
                        out.append("- **Requirement:** `\(req)` (\(text.level), \(Self.inline(text.source)) \(Self.inline(text.section))): \(Self.inline(text.text))")
                    } else {
                        out.append("- **Requirement:** `\(Self.code(req))`")
                    }
                }
                if c.expected != nil || c.actual != nil {
                    out.append("- **Expected:** \(Self.codeSpan(c.expected ?? "—"))")
                    out.append("- **Actual:** \(Self.codeSpan(c.actual ?? "—"))")
                }
                for w in c.warnings where w.hasPrefix("reproduction bundle") { out.append("- \(Self.inline(w))") }
            }
            if bad.count > maxFailures { out.append(""); out.append("… and \(bad.count - maxFailures) more (see report.html).") }
        }
        out += findingsSection(r)
        if let cov = coverage {
            out.append("")
            out.append("## Requirement coverage")
            out.append("")
            out.append("\(cov.covered.count) of \(cov.requirements.count) requirements have at least one passing case; \(cov.uncoveredMandatory.count) MUST/MUST NOT have none.")
            out.append("")
            out.append("| Source | Covered | Total | MUSTs without a passing case |")
            out.append("|---|---:|---:|---:|")
            for row in cov.bySource { out.append("| \(Self.cell(row.source)) | \(row.covered) | \(row.total) | \(row.mandatoryUncovered) |") }
            if !cov.uncoveredMandatory.isEmpty {
                out.append("")
                out.append("<details><summary>MUSTs with no passing case (\(cov.uncoveredMandatory.count))</summary>")
                out.append("")
                for q in cov.uncoveredMandatory { out.append("- `\(q.id)` (\(q.level)): \(Self.inline(q.text))") }
                out.append("")
                out.append("</details>")
            }
            if !cov.unmappedCitations.isEmpty {
                out.append("")
                out.append("Citations matching no registry entry: " + cov.unmappedCitations.map { "`\(Self.code($0))`" }.joined(separator: ", "))
            }
        }
        if !r.warnings.isEmpty {
            out.append("")
            out.append("## Warnings")
            out.append("")
            for w in r.warnings { out.append("- \(Self.inline(w))") }
        }
        out.append("")
        return out.joined(separator: "\n")
    }

    /// Findings (SHOULD-level and policy checks that did not hold) by case, after the failures: never failures.
    private func findingsSection(_ r: RunResults) -> [String] {
        let withFindings = r.cases.filter { !$0.findings.isEmpty }
        guard !withFindings.isEmpty else { return [] }
        var out = ["", "## Findings (not failures)", "",
                   "\(r.summary.findings) findings in \(withFindings.count) cases: SHOULD-level or harness-policy checks that did not hold.", "",
                   "| Case | Level | Requirement | Party | Finding |", "|---|---|---|---|---|"]
        for c in withFindings.prefix(maxFailures) {
            for f in c.findings {
                out.append("| `\(Self.code(c.id))` | \(f.level.rawValue) | `\(Self.code(f.requirement))` | \(Self.cell(f.party ?? "")) | \(Self.cell(f.message)) |")
            }
        }
        if withFindings.count > maxFailures { out.append(""); out.append("… and \(withFindings.count - maxFailures) more cases (see report.html).") }
        return out
    }

    /// Text inside a table cell: pipes and newlines would break the row; HTML is escaped.
    static func cell(_ s: String) -> String {
        inline(s).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Inline text: HTML escaped, on one line.
    static func inline(_ s: String) -> String {
        HTMLText.escape(s).replacingOccurrences(of: "\n", with: " ")
    }

    /// Text for a single-backtick code span (backticks replaced, one line).
    static func code(_ s: String) -> String {
        s.replacingOccurrences(of: "`", with: "ˋ").replacingOccurrences(of: "\n", with: " ")
    }

    /// A code span that also survives long hex: cut at 400 characters.
    static func codeSpan(_ s: String) -> String {
        let t = s.count > 400 ? String(s.prefix(400)) + "…" : s
        return "`\(code(t))`"
    }

    /// A multi-line message as a Markdown block quote.
    static func quote(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + HTMLText.escape(String($0)) }.joined(separator: "\n")
    }
}
