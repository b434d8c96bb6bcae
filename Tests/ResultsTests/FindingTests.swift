import Foundation
import Results
import Testing

/// Findings (SHOULD-level and policy checks that did not hold) are carried by every format and never fail a run.
@Suite("Findings beside failures")
struct FindingTests {
    static let finding = Finding(requirement: "RFC9420 §7.2 SHOULD", level: .should,
                                 message: "leaf capabilities do not list the group's cipher suite", party: "mls-rs",
                                 impact: "stacks that check capabilities refuse this leaf", expected: "0x0001",
                                 actual: "[0x0002]")

    static var run: RunResults {
        RunResults(command: "t", cases: [
            CaseResult(id: "mls-interop/commit/0", status: .passed, findings: [finding]),
            CaseResult(id: "mls-interop/commit/1", status: .passed),
        ])
    }

    @Test("a passed case with a finding stays passed; the summary counts the finding and the run succeeds")
    func neverFails() {
        let r = Self.run
        #expect(r.summary.passed == 2)
        #expect(r.summary.findings == 1)
        #expect(r.summary.isSuccess)
        #expect(TerminalWriter().verdict(r.summary) == "PASS: 2 passed, 0 failed, 0 unsupported, 0 skipped, 0 error (2 cases; 1 findings)")
    }

    @Test("results.json round-trips findings; a file without them still loads")
    func json() throws {
        let data = Data(try JSONResultsWriter().render(Self.run))
        let back = try JSONDecoder().decode(RunResults.self, from: data)
        #expect(back.cases[0].findings == [Self.finding])
        #expect(back.summary.findings == 1)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"level\" : \"SHOULD\""))
        let old = #"{"tool":"mimi-harness","version":"0","command":"t","summary":{"passed":1,"failed":0,"unsupported":0,"skipped":0,"error":0},"cases":[{"id":"a","status":"passed","requirements":[],"duration_seconds":0}],"warnings":[]}"#
        let loaded = try JSONDecoder().decode(RunResults.self, from: Data(old.utf8))
        #expect(loaded.summary.findings == 0)
        #expect(loaded.cases[0].findings.isEmpty)
    }

    @Test("terminal, summary.md, report.html and junit.xml each show the finding with its requirement and party")
    func everyFormat() throws {
        let r = Self.run
        let terminal = TerminalWriter().render(r)
        #expect(terminal.contains("Findings, not failures (1 in 1 cases)"))
        #expect(terminal.contains("SHOULD RFC9420 §7.2 SHOULD [mls-rs]: leaf capabilities"))
        let md = MarkdownSummaryWriter().markdown(r)
        #expect(md.contains("## Findings (not failures)"))
        #expect(md.contains("| `mls-interop/commit/0` | SHOULD | `RFC9420 §7.2 SHOULD` | mls-rs |"))
        let html = HTMLReportWriter().html(r)
        #expect(html.contains("Findings, not failures (1)"))
        #expect(html.contains("stacks that check capabilities refuse this leaf"))
        let junit = JUnitWriter().xml(r)
        #expect(junit.contains("finding: SHOULD RFC9420 §7.2 SHOULD [mls-rs]"))
        #expect(!junit.contains("<failure"))
    }
}
