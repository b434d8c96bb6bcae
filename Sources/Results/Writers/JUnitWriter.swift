import Foundation

/// Writes `junit.xml` in the JUnit XML dialect CI systems read (Jenkins, GitLab, GitHub test reporters).
///
/// One `<testsuite>` per source file (vector file or scenario file), one `<testcase>` per case. Every testcase has
/// a `name` (the case id) and a `classname` (the source, dotted). A failed case carries `<failure message=…>`, an
/// errored case `<error message=…>`, both with expected and actual in the body; unsupported and skipped cases
/// carry `<skipped message=…>` with their reason. Cipher suite, requirements and warnings go to `<system-out>`.
public struct JUnitWriter: ReportWriter {
    public let fileName: String

    public init(fileName: String = "junit.xml") {
        self.fileName = fileName
    }

    public func render(_ results: RunResults) throws -> [UInt8] {
        Array(xml(results).utf8)
    }

    /// The document as a string.
    public func xml(_ results: RunResults) -> String {
        let groups = ResultGrouping.bySource(results.cases)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let total = results.summary
        out += "<testsuites name=\(attr(results.tool + " " + results.command)) tests=\"\(total.total)\""
        out += " failures=\"\(total.failed)\" errors=\"\(total.error)\" skipped=\"\(total.unsupported + total.skipped)\""
        out += " time=\"\(seconds(results.cases.reduce(0) { $0 + $1.durationSeconds }))\">\n"
        for group in groups {
            let s = Summary(group.cases)
            out += "  <testsuite name=\(attr(group.source)) tests=\"\(s.total)\" failures=\"\(s.failed)\""
            out += " errors=\"\(s.error)\" skipped=\"\(s.unsupported + s.skipped)\""
            out += " time=\"\(seconds(group.cases.reduce(0) { $0 + $1.durationSeconds }))\">\n"
            for c in group.cases {
                out += testcase(c, classname: Self.classname(for: c))
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    private func testcase(_ c: CaseResult, classname: String) -> String {
        var out = "    <testcase name=\(attr(c.id)) classname=\(attr(classname)) time=\"\(seconds(c.durationSeconds))\""
        let body = detail(c)
        let outLines = systemOut(c)
        let element: String?
        switch c.status {
        case .passed:
            element = nil
        case .failed:
            element = "<failure message=\(attr(c.message ?? "failed")) type=\"failed\">\(text(body))</failure>"
        case .error:
            element = "<error message=\(attr(c.message ?? "error")) type=\"error\">\(text(body))</error>"
        case .unsupported:
            element = "<skipped message=\(attr("unsupported: " + (c.message ?? "no reason given")))/>"
        case .skipped:
            element = "<skipped message=\(attr("skipped: " + (c.message ?? "no reason given")))/>"
        }
        if element == nil && outLines.isEmpty {
            return out + "/>\n"
        }
        out += ">\n"
        if let element { out += "      \(element)\n" }
        if !outLines.isEmpty {
            out += "      <system-out>\(text(outLines.joined(separator: "\n")))</system-out>\n"
        }
        out += "    </testcase>\n"
        return out
    }

    /// Expected and actual, one per line, for a failure or error body.
    private func detail(_ c: CaseResult) -> String {
        var lines: [String] = []
        if let m = c.message { lines.append(m) }
        if let e = c.expected { lines.append("expected: \(e)") }
        if let a = c.actual { lines.append("actual:   \(a)") }
        if let p = c.party { lines.append("party:    \(p)") }
        for check in c.checks where !check.passed {
            lines.append("check failed: \(check.requirement): \(check.description)")
        }
        return lines.joined(separator: "\n")
    }

    private func systemOut(_ c: CaseResult) -> [String] {
        var lines: [String] = []
        if let suite = c.cipherSuite { lines.append("cipher_suite: \(suite)") }
        if !c.requirements.isEmpty { lines.append("requirements: \(c.requirements.joined(separator: ", "))") }
        for w in c.warnings { lines.append("warning: \(w)") }
        for f in c.findings { lines.append("finding: \(f.line)") }
        return lines
    }

    /// `mls/key-schedule.json` → `mls.key-schedule`; without a source, the id minus its last component.
    public static func classname(for c: CaseResult) -> String {
        var base: String
        if let source = c.source, !source.isEmpty {
            base = source
            let nameStart = base.lastIndex(of: "/").map { base.index(after: $0) } ?? base.startIndex
            if let dot = base[nameStart...].lastIndex(of: "."), dot > nameStart {
                base = String(base[..<dot])
            }
        } else if let slash = c.id.lastIndex(of: "/") {
            base = String(c.id[..<slash])
        } else {
            base = c.id
        }
        return base.replacingOccurrences(of: "/", with: ".")
    }

    private func attr(_ s: String) -> String { "\"" + XMLEscaping.escape(s, attribute: true) + "\"" }
    private func text(_ s: String) -> String { XMLEscaping.escape(s, attribute: false) }
    private func seconds(_ d: Double) -> String {
        guard d.isFinite, d >= 0 else { return "0" }
        return String(format: "%.6f", d)
    }
}
