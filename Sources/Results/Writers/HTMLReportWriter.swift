/// Writes `report.html`: one self-contained page (inline CSS and script, no external resource) with the totals,
/// requirement coverage, a matrix view when several implementations took part (see ``CaseBinding``), and per case
/// the message, expected vs actual, blamed party, cited requirements with their text, the sub-checks, and the
/// wire transcript (decoded, with hex), each part collapsible. The page works with scripts disabled; the script
/// only adds the status filter and the search box.
public struct HTMLReportWriter: ReportWriter {
    public var coverage: ReportCoverage?
    public var title: String
    public let fileName = "report.html"

    public init(coverage: ReportCoverage? = nil, title: String = "mimi-harness report") {
        self.coverage = coverage
        self.title = title
    }

    public func render(_ results: RunResults) throws -> [UInt8] { Array(html(results).utf8) }

    public func html(_ r: RunResults) -> String {
        var h = HTMLBuilder()
        h.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        h.raw("<title>\(HTMLText.escape(title))</title><style>\(Self.css)</style></head><body>")
        header(&h, r)
        matrix(&h, r.cases)
        coverageSection(&h)
        casesSection(&h, r.cases)
        h.raw("<script>\(Self.script)</script></body></html>\n")
        return h.text
    }

    // MARK: sections

    private func header(_ h: inout HTMLBuilder, _ r: RunResults) {
        let s = r.summary
        h.raw("<header><h1>\(HTMLText.escape(title)) <span class=\"verdict \(s.isSuccess ? "passed" : "failed")\">\(s.isSuccess ? "PASSED" : "FAILED")</span></h1>")
        var meta = "\(HTMLText.escape(r.tool)) \(HTMLText.escape(r.version)) · <code>\(HTMLText.escape(r.command))</code>"
        if let seed = r.seed { meta += " · seed \(seed)" }
        h.raw("<p class=\"meta\">\(meta)</p>")
        h.raw("<table class=\"totals\"><tr><th>Total</th><th>Passed</th><th>Failed</th><th>Error</th><th>Unsupported</th><th>Skipped</th><th>Findings</th></tr>")
        h.raw("<tr><td>\(s.total)</td><td class=\"passed\">\(s.passed)</td><td class=\"failed\">\(s.failed)</td><td class=\"error\">\(s.error)</td><td class=\"unsupported\">\(s.unsupported)</td><td class=\"skipped\">\(s.skipped)</td><td>\(s.findings)</td></tr></table>")
        h.raw("<h2>By source</h2><table><tr><th>Source</th><th>Passed</th><th>Failed</th><th>Error</th><th>Unsupported</th><th>Skipped</th></tr>")
        for g in HTMLCaseGroups.group(r.cases) {
            let gs = Summary(g.cases)
            h.raw("<tr><td><a href=\"#group-\(Self.anchor(g.key))\">\(HTMLText.escape(g.key))</a></td><td>\(gs.passed)</td><td>\(gs.failed)</td><td>\(gs.error)</td><td>\(gs.unsupported)</td><td>\(gs.skipped)</td></tr>")
        }
        h.raw("</table>")
        if !r.warnings.isEmpty {
            h.raw("<details class=\"warnings\"><summary>Run warnings (\(r.warnings.count))</summary><ul>")
            for w in r.warnings { h.raw("<li>\(HTMLText.escape(w))</li>") }
            h.raw("</ul></details>")
        }
        h.raw("</header>")
    }

    private func matrix(_ h: inout HTMLBuilder, _ cases: [CaseResult]) {
        let bound = cases.map { ($0, CaseBinding(caseId: $0.id)) }.filter { $0.1.binding != nil }
        var columns: [String] = []
        for (_, b) in bound where !columns.contains(b.binding ?? "") { columns.append(b.binding ?? "") }
        guard columns.count >= 2 else { return }
        h.raw("<section id=\"matrix\"><h2>Interop matrix</h2>")
        // Hub × follower summary when every binding names exactly those two roles.
        let pairs = bound.compactMap { c, b -> (String, String, CaseStatus)? in
            guard b.pairs.count == 2, let hub = b.value("hub"), let follower = b.value("follower") else { return nil }
            return (hub, follower, c.status)
        }
        if pairs.count == bound.count {
            let hubs = Array(Set(pairs.map(\.0))).sorted(), followers = Array(Set(pairs.map(\.1))).sorted()
            h.raw("<table class=\"matrix\"><tr><th>hub ↓ / follower →</th>")
            for f in followers { h.raw("<th>\(HTMLText.escape(f))</th>") }
            h.raw("</tr>")
            for hub in hubs {
                h.raw("<tr><th>\(HTMLText.escape(hub))</th>")
                for f in followers {
                    let cell = pairs.filter { $0.0 == hub && $0.1 == f }
                    let passed = cell.filter { $0.2 == .passed }.count
                    let cls = cell.isEmpty ? "skipped" : passed == cell.count ? "passed" : "failed"
                    h.raw("<td class=\"\(cls)\">\(cell.isEmpty ? "—" : "\(passed)/\(cell.count)")</td>")
                }
                h.raw("</tr>")
            }
            h.raw("</table>")
        }
        h.raw("<table class=\"matrix\"><tr><th>case</th>")
        for col in columns { h.raw("<th>\(HTMLText.escape(col))</th>") }
        h.raw("</tr>")
        var rows: [String] = []
        for (_, b) in bound where !rows.contains(b.base) { rows.append(b.base) }
        for row in rows {
            h.raw("<tr><td>\(HTMLText.escape(row))</td>")
            for col in columns {
                if let (c, _) = bound.first(where: { $0.1.base == row && $0.1.binding == col }) {
                    h.raw("<td class=\"\(c.status.rawValue)\"><a href=\"#\(Self.anchor(c.id))\" title=\"\(HTMLText.escape(c.message ?? c.status.rawValue))\">\(Self.letter(c.status))</a></td>")
                } else {
                    h.raw("<td class=\"skipped\">—</td>")
                }
            }
            h.raw("</tr>")
        }
        h.raw("</table></section>")
    }

    private func coverageSection(_ h: inout HTMLBuilder) {
        guard let cov = coverage else {
            h.raw("<section id=\"coverage\"><h2>Requirement coverage</h2><p>No requirement registry was available for this report.</p></section>")
            return
        }
        let pct = cov.requirements.isEmpty ? 0 : cov.covered.count * 100 / cov.requirements.count
        h.raw("<section id=\"coverage\"><h2>Requirement coverage</h2>")
        h.raw("<p>\(cov.covered.count) of \(cov.requirements.count) requirements (\(pct)%) have at least one passing case; <strong>\(cov.uncoveredMandatory.count)</strong> MUST/MUST NOT have none.</p>")
        h.raw("<div class=\"bar\"><div style=\"width:\(pct)%\"></div></div>")
        h.raw("<table><tr><th>Source</th><th>Covered</th><th>Total</th><th>MUSTs without a passing case</th></tr>")
        for row in cov.bySource {
            h.raw("<tr><td>\(HTMLText.escape(row.source))</td><td>\(row.covered)</td><td>\(row.total)</td><td>\(row.mandatoryUncovered)</td></tr>")
        }
        h.raw("</table>")
        h.raw("<details><summary>All requirements</summary><table class=\"reqs\"><tr><th>Id</th><th>Level</th><th>Source</th><th>Section</th><th>Text</th><th>Passing</th><th>Failing</th></tr>")
        for q in cov.requirements {
            let cls = q.isCovered ? "passed" : (q.failingCases.isEmpty ? (q.isMandatory ? "uncovered" : "skipped") : "failed")
            h.raw("<tr id=\"req-\(Self.anchor(q.id))\" class=\"\(cls)\"><td><code>\(HTMLText.escape(q.id))</code></td><td>\(HTMLText.escape(q.level))</td><td>\(HTMLText.escape(q.source))</td><td>\(HTMLText.escape(q.section))</td><td>\(HTMLText.escape(q.text))</td><td>\(q.passingCases.count)</td><td>\(q.failingCases.count)</td></tr>")
        }
        h.raw("</table></details>")
        if !cov.unmappedCitations.isEmpty {
            h.raw("<p>Citations matching no registry entry: \(cov.unmappedCitations.map { "<code>\(HTMLText.escape($0))</code>" }.joined(separator: ", "))</p>")
        }
        h.raw("</section>")
    }

    private func casesSection(_ h: inout HTMLBuilder, _ cases: [CaseResult]) {
        h.raw("<section id=\"cases\"><h2>Cases</h2><div class=\"filters\">")
        for s in CaseStatus.allCases {
            let on = s == .failed || s == .error ? " checked" : (cases.contains { $0.status == .failed || $0.status == .error } ? "" : " checked")
            h.raw("<label><input type=\"checkbox\" data-status=\"\(s.rawValue)\"\(on)> \(s.rawValue)</label> ")
        }
        h.raw("<input type=\"search\" id=\"search\" placeholder=\"filter by id or message\"></div>")
        for g in HTMLCaseGroups.group(cases) {
            h.raw("<div class=\"group\"><h3 id=\"group-\(Self.anchor(g.key))\">\(HTMLText.escape(g.key))</h3>")
            for c in g.cases { caseBlock(&h, c) }
            h.raw("</div>")
        }
        h.raw("</section>")
    }

    /// A case's findings: shown open, marked as not failing the case.
    private func findingsBlock(_ h: inout HTMLBuilder, _ findings: [Finding]) {
        guard !findings.isEmpty else { return }
        h.raw("<details class=\"findings\" open><summary>Findings, not failures (\(findings.count))</summary><table class=\"checks\"><tr><th>Level</th><th>Requirement</th><th>Party</th><th>Finding</th><th>Expected</th><th>Actual</th></tr>")
        for f in findings {
            var what = HTMLText.escape(f.message)
            if let impact = f.impact { what += "<br><span class=\"muted\">Interop: \(HTMLText.escape(impact))</span>" }
            h.raw("<tr class=\"finding\"><td>\(HTMLText.escape(f.level.rawValue))</td><td><code>\(HTMLText.escape(f.requirement))</code></td><td>\(HTMLText.escape(f.party ?? ""))</td><td>\(what)</td><td>\(HTMLText.escape(f.expected ?? ""))</td><td>\(HTMLText.escape(f.actual ?? ""))</td></tr>")
        }
        h.raw("</table></details>")
    }

    private func caseBlock(_ h: inout HTMLBuilder, _ c: CaseResult) {
        let open = c.status == .failed || c.status == .error ? " open" : ""
        h.raw("<details class=\"case \(c.status.rawValue)\" id=\"\(Self.anchor(c.id))\" data-status=\"\(c.status.rawValue)\"\(open)>")
        h.raw("<summary><span class=\"badge \(c.status.rawValue)\">\(c.status.rawValue)</span> <code>\(HTMLText.escape(c.id))</code>")
        if let suite = c.cipherSuite { h.raw(" <span class=\"muted\">suite \(suite)</span>") }
        if !c.findings.isEmpty { h.raw(" <span class=\"badge finding\">\(c.findings.count) findings</span>") }
        h.raw(" <span class=\"muted\">\(Self.duration(c.durationSeconds))</span></summary><div class=\"body\">")
        if let m = c.message { h.raw("<pre class=\"message\">\(HTMLText.escape(m))</pre>") }
        if c.expected != nil || c.actual != nil {
            h.raw("<table class=\"diff\"><tr><th>Expected</th><td><pre>\(HTMLText.escape(c.expected ?? "—"))</pre></td></tr><tr><th>Actual</th><td><pre>\(HTMLText.escape(c.actual ?? "—"))</pre></td></tr></table>")
        }
        if let p = c.party { h.raw("<p><strong>Blamed:</strong> \(HTMLText.escape(p))</p>") }
        if let s = c.source { h.raw("<p class=\"muted\">Source: \(HTMLText.escape(s))</p>") }
        if !c.warnings.isEmpty {
            h.raw("<ul class=\"warnings\">")
            for w in c.warnings { h.raw("<li>\(HTMLText.escape(w))</li>") }
            h.raw("</ul>")
        }
        findingsBlock(&h, c.findings)
        if !c.requirements.isEmpty {
            h.raw("<details><summary>Requirements (\(c.requirements.count))</summary><ul>")
            for r in c.requirements {
                if let q = coverage?.requirement(r) {
                    h.raw("<li><a href=\"#req-\(Self.anchor(r))\"><code>\(HTMLText.escape(r))</code></a> \(HTMLText.escape(q.level)) · \(HTMLText.escape(q.source)) \(HTMLText.escape(q.section)): \(HTMLText.escape(q.text))</li>")
                } else {
                    h.raw("<li><code>\(HTMLText.escape(r))</code></li>")
                }
            }
            h.raw("</ul></details>")
        }
        if !c.checks.isEmpty {
            let failed = c.checks.filter { !$0.passed }.count
            h.raw("<details\(failed > 0 ? " open" : "")><summary>Checks (\(c.checks.count), \(failed) failed)</summary><table class=\"checks\"><tr><th></th><th>Check</th><th>Requirement</th><th>Expected</th><th>Actual</th></tr>")
            for k in c.checks {
                h.raw("<tr class=\"\(k.passed ? "passed" : "failed")\"><td>\(k.passed ? "✔" : "✘")</td><td>\(HTMLText.escape(k.description))</td><td><code>\(HTMLText.escape(k.requirement))</code></td><td>\(HTMLText.escape(k.expected ?? ""))</td><td>\(HTMLText.escape(k.actual ?? ""))</td></tr>")
            }
            h.raw("</table></details>")
        }
        if !c.transcript.isEmpty {
            h.raw("<details><summary>Wire transcript (\(c.transcript.count) messages)</summary><table class=\"transcript\"><tr><th>#</th><th>From → To</th><th>Request</th><th>Status</th><th>Body</th></tr>")
            for t in c.transcript {
                let req = [t.method, t.path].compactMap { $0 }.joined(separator: " ")
                h.raw("<tr><td>\(t.index)</td><td>\(HTMLText.escape(t.from)) → \(HTMLText.escape(t.to))</td><td><code>\(HTMLText.escape(req))</code></td><td>\(t.status.map(String.init) ?? "")</td><td>")
                if let d = t.decoded { h.raw("<pre>\(HTMLText.escape(d))</pre>") }
                h.raw("<details><summary>hex (\(t.bodyHex.count / 2) bytes)</summary><pre class=\"hex\">\(HTMLText.escape(Self.hexDump(t.bodyHex)))</pre></details></td></tr>")
            }
            h.raw("</table></details>")
        }
        h.raw("</div></details>")
    }

    // MARK: helpers

    static func anchor(_ s: String) -> String {
        "c-" + String(s.unicodeScalars.map { c -> Character in
            let ok = ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "-" || c == "_"
            return ok ? Character(c) : "_"
        }) + "-\(UInt32(truncatingIfNeeded: s.unicodeScalars.reduce(UInt32(2166136261)) { ($0 ^ $1.value) &* 16777619 }))"
    }

    static func letter(_ s: CaseStatus) -> String {
        switch s {
        case .passed: return "✔"
        case .failed: return "✘"
        case .error: return "E"
        case .unsupported: return "U"
        case .skipped: return "S"
        }
    }

    static func duration(_ s: Double) -> String {
        s < 1 ? "\(Int((s * 1000).rounded())) ms" : "\((s * 100).rounded() / 100) s"
    }

    /// 32 hex digits (16 bytes) per line, grouped in bytes.
    static func hexDump(_ hex: String) -> String {
        var lines: [String] = []
        var line: [String] = []
        var chars = hex.makeIterator()
        while let a = chars.next() {
            let b = chars.next().map(String.init) ?? ""
            line.append(String(a) + b)
            if line.count == 16 {
                lines.append(line.joined(separator: " "))
                line = []
            }
        }
        if !line.isEmpty { lines.append(line.joined(separator: " ")) }
        return lines.joined(separator: "\n")
    }

    static let css = """
    body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:0 auto;max-width:1200px;padding:1em 2em;color:#1f2328}
    h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:1px solid #d0d7de}h3{margin:1.2em 0 .4em}
    table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #d0d7de;padding:.25em .6em;text-align:left;vertical-align:top}
    th{background:#f6f8fa}code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
    pre{white-space:pre-wrap;word-break:break-all;margin:.2em 0}.muted,.meta{color:#656d76}
    .verdict{font-size:.6em;padding:.2em .6em;border-radius:1em;vertical-align:middle;color:#fff}
    .verdict.passed{background:#1a7f37}.verdict.failed{background:#cf222e}
    tr.finding td{background:#fff8c5}.badge.finding{background:#9a6700;color:#fff}
    td.passed,tr.passed td:first-child{color:#1a7f37}td.failed,tr.failed td:first-child{color:#cf222e}td.error{color:#9a6700}
    .badge{display:inline-block;min-width:6em;text-align:center;border-radius:.3em;color:#fff;font-size:12px}
    .badge.passed{background:#1a7f37}.badge.failed{background:#cf222e}.badge.error{background:#9a6700}
    .badge.unsupported{background:#6e7781}.badge.skipped{background:#8c959f}
    details.case{border:1px solid #d0d7de;border-radius:.4em;margin:.3em 0;padding:.3em .6em}
    details.case.failed{border-color:#cf222e}details.case.error{border-color:#9a6700}
    .body{padding:.4em 0 .2em 1em}.diff th{width:6em}.hex{color:#57606a}
    .bar{background:#eaeef2;height:.8em;border-radius:.4em;max-width:40em}.bar div{background:#1a7f37;height:100%;border-radius:.4em}
    tr.uncovered td{background:#fff8c5}.matrix td{text-align:center}.matrix td a{text-decoration:none;color:inherit}
    .filters{margin:.5em 0}.filters input[type=search]{margin-left:1em;padding:.2em .4em;min-width:20em}
    .hidden{display:none}
    """

    static let script = """
    (function () {
      var boxes = Array.prototype.slice.call(document.querySelectorAll('.filters input[type=checkbox]'));
      var search = document.getElementById('search');
      function apply() {
        var shown = {};
        boxes.forEach(function (b) { shown[b.getAttribute('data-status')] = b.checked; });
        var q = search ? search.value.toLowerCase() : '';
        document.querySelectorAll('details.case').forEach(function (d) {
          var ok = shown[d.getAttribute('data-status')] && (q === '' || d.textContent.toLowerCase().indexOf(q) >= 0);
          d.classList.toggle('hidden', !ok);
        });
        document.querySelectorAll('div.group').forEach(function (g) {
          g.classList.toggle('hidden', g.querySelector('details.case:not(.hidden)') === null);
        });
      }
      boxes.forEach(function (b) { b.addEventListener('change', apply); });
      if (search) { search.addEventListener('input', apply); }
      if (location.hash) {
        var target = document.getElementById(location.hash.slice(1));
        if (target && target.tagName === 'DETAILS') { target.open = true; target.classList.remove('hidden'); }
      }
      apply();
      document.body.setAttribute('data-report-ready', 'yes');
    })();
    """
}

/// Accumulates HTML text.
struct HTMLBuilder {
    var text = ""
    mutating func raw(_ s: String) { text += s }
}
