/// The human summary printed at the end of a run: one row per source file with its counts by status, then every
/// failed or errored case with expected vs actual, then the run's warnings and the verdict line.
public struct TerminalWriter: Sendable {
    /// How many failed or errored cases are shown in full; the rest are counted.
    public var maxDetailed: Int
    /// Longest expected/actual value shown before it is cut (the full value is in results.json).
    public var maxValueLength: Int

    public init(maxDetailed: Int = 25, maxValueLength: Int = 200) {
        self.maxDetailed = maxDetailed
        self.maxValueLength = maxValueLength
    }

    /// The summary, with `reportFiles` (paths written) named at the end.
    public func render(_ results: RunResults, reportFiles: [String] = []) -> String {
        var out = table(results)
        out += reasons(results)
        out += details(results)
        out += findingLines(results)
        if !results.warnings.isEmpty {
            out += "\nWarnings (\(results.warnings.count)):\n"
            out += warningLines(results.warnings)
        }
        if !reportFiles.isEmpty {
            out += "\nReports: \(reportFiles.joined(separator: ", "))\n"
        }
        out += verdict(results.summary) + "\n"
        return out
    }

    /// `PASS: 109 passed, 0 failed, 12 unsupported, 0 skipped, 0 error (121 cases)`.
    public func verdict(_ s: Summary) -> String {
        let word = s.isSuccess ? (s.total == 0 ? "NO CASES" : "PASS") : "FAIL"
        let findings = s.findings == 0 ? "" : "; \(s.findings) findings"
        return "\(word): \(s.passed) passed, \(s.failed) failed, \(s.unsupported) unsupported, \(s.skipped) skipped, "
            + "\(s.error) error (\(s.total) cases\(findings))"
    }

    /// The per-source table.
    public func table(_ results: RunResults) -> String {
        let header = ["source", "passed", "failed", "unsupported", "skipped", "error", "total"]
        var rows: [[String]] = []
        for g in ResultGrouping.bySource(results.cases) {
            let s = Summary(g.cases)
            rows.append([g.source] + Self.counts(s))
        }
        rows.append(["total"] + Self.counts(results.summary))
        var widths = header.map(\.count)
        for r in rows { for (i, cell) in r.enumerated() { widths[i] = max(widths[i], cell.count) } }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() {
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                parts.append(i == 0 ? cell + pad : pad + cell)
            }
            return parts.joined(separator: "  ")
        }
        var out = line(header) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for (i, r) in rows.enumerated() {
            if i == rows.count - 1 {
                out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
            out += line(r) + "\n"
        }
        return out
    }

    private static func counts(_ s: Summary) -> [String] {
        [s.passed, s.failed, s.unsupported, s.skipped, s.error, s.total].map(String.init)
    }

    private func details(_ results: RunResults) -> String {
        let bad = results.cases.filter { $0.status == .failed || $0.status == .error }
        guard !bad.isEmpty else { return "" }
        var out = "\nFailed and errored cases (\(bad.count)):\n"
        for c in bad.prefix(maxDetailed) {
            var head = "  ✘ \(c.id) [\(c.status.rawValue)]"
            if let suite = c.cipherSuite { head += " suite \(suite)" }
            if !c.requirements.isEmpty { head += " (\(c.requirements.joined(separator: ", ")))" }
            out += head + "\n"
            if let m = c.message { out += "      \(m)\n" }
            if let e = c.expected { out += "      expected: \(cut(e))\n" }
            if let a = c.actual { out += "      actual:   \(cut(a))\n" }
            if let p = c.party { out += "      party:    \(p)\n" }
        }
        if bad.count > maxDetailed {
            out += "  … and \(bad.count - maxDetailed) more (see results.json)\n"
        }
        return out
    }

    /// Findings (SHOULD-level and policy checks that did not hold), under the case they belong to; never failures.
    public func findingLines(_ results: RunResults) -> String {
        let withFindings = results.cases.filter { !$0.findings.isEmpty }
        guard !withFindings.isEmpty else { return "" }
        var out = "\nFindings, not failures (\(results.summary.findings) in \(withFindings.count) cases):\n"
        for c in withFindings.prefix(maxDetailed) {
            out += "  ⚠ \(c.id) [\(c.status.rawValue)]\n"
            for f in c.findings.prefix(5) { out += "      \(cut(f.line))\n" }
            if c.findings.count > 5 { out += "      … and \(c.findings.count - 5) more\n" }
        }
        if withFindings.count > maxDetailed {
            out += "  … and \(withFindings.count - maxDetailed) more cases with findings (see results.json)\n"
        }
        return out
    }

    /// Unsupported and skipped cases counted by reason, so that a run that passes because nothing ran says why.
    public func reasons(_ results: RunResults) -> String {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for c in results.cases where c.status == .unsupported || c.status == .skipped {
            let key = "\(c.status.rawValue): \(c.message ?? "no reason given")"
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
        }
        guard !order.isEmpty else { return "" }
        var out = "\nNot run, by reason:\n"
        for key in order.prefix(maxDetailed) { out += "  \(counts[key] ?? 0) × \(key)\n" }
        if order.count > maxDetailed { out += "  … and \(order.count - maxDetailed) more reasons (see results.json)\n" }
        return out
    }

    /// Warnings grouped by kind (the text before the first `: `), so that 60 unrecognised files take a few lines:
    /// up to `perKind` of each kind are shown, then a count of the rest.
    public func warningLines(_ warnings: [String], perKind: Int = 5) -> String {
        var order: [String] = []
        var byKind: [String: [String]] = [:]
        for w in warnings {
            let kind = w.range(of: ": ").map { String(w[..<$0.lowerBound]) } ?? w
            if byKind[kind] == nil { order.append(kind) }
            byKind[kind, default: []].append(w)
        }
        var out = ""
        for kind in order {
            let all = byKind[kind] ?? []
            for w in all.prefix(perKind) { out += "  ! \(w)\n" }
            if all.count > perKind { out += "  ! … and \(all.count - perKind) more '\(kind)' warnings (see results.json)\n" }
        }
        return out
    }

    private func cut(_ s: String) -> String {
        s.count <= maxValueLength ? s : String(s.prefix(maxValueLength)) + "… (\(s.count) chars)"
    }
}
