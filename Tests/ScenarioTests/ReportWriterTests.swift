import Foundation
import Results
import Testing
@testable import Scenario

@Suite struct ReportWriterTests {
    @Test func summaryHasTotalsSourcesFailuresAndCoverage() throws {
        let run = SampleResults.run()
        let md = MarkdownSummaryWriter(coverage: try SampleResults.coverage(run)).markdown(run)
        #expect(md.hasPrefix("# mimi-harness: ❌ failed\n"))
        #expect(md.contains("| 4 | 1 | 1 | 1 | 1 | 0 |"))
        #expect(md.contains("| mls/key-schedule | 1 | 0 | 0 | 1 | 0 |"))
        #expect(md.contains("| scenarios/flows | 0 | 1 | 0 | 0 | 0 |"))
        #expect(md.contains("### ❌ `scenarios/flows/add-remote-user`"))
        #expect(md.contains("- **Expected:** `2`"))
        #expect(md.contains("- **Actual:** `1`"))
        #expect(md.contains("- **Blamed:** a.example"))
        #expect(md.contains("- **Requirement:** `RFC9420-12.4.2-epochAdvance` (MUST, RFC9420 12.4.2)"))
        #expect(md.contains("### ⚠️ `scenarios/negative/broken`"))
        #expect(md.contains("## Requirement coverage"))
        #expect(md.contains("MUSTs with no passing case"))
        #expect(md.contains("a run warning &amp; &lt;b&gt;markup&lt;/b&gt;"))
    }

    @Test func passingRunSaysSo() {
        let run = RunResults(command: "run", cases: [CaseResult(id: "a/b", status: .passed)])
        #expect(MarkdownSummaryWriter().markdown(run).hasPrefix("# mimi-harness: ✅ passed"))
    }

    @Test func htmlIsSelfContainedAndEscapesEverything() throws {
        let run = SampleResults.run()
        let html = HTMLReportWriter(coverage: try SampleResults.coverage(run)).html(run)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        // No external resource of any kind.
        for needle in ["src=\"http", "href=\"http", "src=\"//", "href=\"//", "@import", "url(http"] {
            #expect(!html.contains(needle), "found \(needle)")
        }
        #expect(html.contains("00 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f\n10"))
        #expect(html.contains("Expected</th><td><pre>2</pre>"))
        #expect(html.contains("RFC9420-12.4.2-epochAdvance"))
        #expect(html.contains("Requirement coverage"))
        #expect(!html.contains("Interop matrix"))
    }

    @Test func matrixViewAppearsWhenSeveralImplementationsTookPart() throws {
        let run = SampleResults.run(matrix: true)
        let html = HTMLReportWriter().html(run)
        #expect(html.contains("Interop matrix"))
        #expect(html.contains("hub ↓ / follower →"))
        #expect(html.contains("<td class=\"failed\">0/1</td>"))
        #expect(html.contains("<td class=\"passed\">1/1</td>"))
        let b = CaseBinding(caseId: "scenarios/flows/leave[hub=sim,follower=acme]")
        #expect(b.base == "scenarios/flows/leave")
        #expect(b.value("follower") == "acme")
        #expect(CaseBinding(caseId: "mls/tree-math/3").binding == nil)
    }

    @Test func implementationBindingIsRecordedInTheCaseId() throws {
        let s = try Fixtures.load(Fixtures.basic)
        let same = ImplementationBinding(scenario: s, implementations: ["a.example": "sim", "b.example": "acme"])
        #expect(same.caseId(base: "scenarios/x") == "scenarios/x[hub=sim,follower=acme]")
        let none = ImplementationBinding(scenario: s, implementations: [:])
        #expect(none.caseId(base: "scenarios/x") == "scenarios/x")
    }

    @Test func reportCommandWritersProduceEveryFormat() throws {
        let run = SampleResults.run()
        let writers = ScenarioReportWriters.all(for: run, registry: try Registry.shared())
        #expect(writers.map(\.fileName) == ["results.json", "junit.xml", "summary.md", "report.html"])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mimi-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let written = try ReportOutput.write(run, to: dir.path, writers: writers)
        #expect(written.count == 4)
        let back = try JSONDecoder().decode(RunResults.self, from: Data(contentsOf: dir.appendingPathComponent("results.json")))
        #expect(back.cases.map(\.id) == run.cases.map(\.id))
    }
}
