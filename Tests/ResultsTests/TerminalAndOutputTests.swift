import Foundation
import Results
import Testing

@Suite("Terminal summary, progress and report output")
struct TerminalAndOutputTests {
    @Test("one table row per source file with its counts, then the total")
    func table() {
        let text = TerminalWriter().table(Samples.run)
        let rows = text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        #expect(rows.first == ["source", "passed", "failed", "unsupported", "skipped", "error", "total"])
        #expect(rows.contains(["mls/key-schedule.json", "1", "1", "1", "0", "1", "4"]))
        #expect(rows.contains(["Scenarios/flows.yaml", "0", "0", "0", "1", "0", "1"]))
        #expect(rows.last == ["total", "2", "1", "1", "1", "1", "6"])
    }

    @Test("failed and errored cases are shown with expected and actual; the verdict is last")
    func details() {
        let text = TerminalWriter().render(Samples.run, reportFiles: ["R/results.json"])
        #expect(text.contains("✘ mls/key-schedule/1 [failed] suite 2 (RFC9420 §8.5)"))
        #expect(text.contains("expected: 00ff"))
        #expect(text.contains("actual:   00fe"))
        #expect(text.contains("! unverified source: x.json"))
        #expect(text.hasSuffix("FAIL: 2 passed, 1 failed, 1 unsupported, 1 skipped, 1 error (6 cases)\n"))
        let ok = RunResults(command: "t", cases: [CaseResult(id: "a/0", status: .passed), CaseResult(id: "a/1", status: .unsupported)])
        #expect(TerminalWriter().verdict(ok.summary).hasPrefix("PASS"))
        #expect(TerminalWriter().verdict(Summary()).hasPrefix("NO CASES"))
    }

    @Test("counter progress prints a line each time another N cases finish, and at the end")
    func counterProgress() {
        let lines = LineSink()
        let p = ProgressReporter(mode: .counter(every: 10), totalSteps: 3, sink: lines.append)
        p.finished("a", results: Array(repeating: CaseResult(id: "a", status: .passed), count: 4))
        p.finished("b", results: Array(repeating: CaseResult(id: "b", status: .failed), count: 7))
        p.finished("c", results: Array(repeating: CaseResult(id: "c", status: .passed), count: 2))
        p.done()
        #expect(lines.lines == [
            "… 11 cases done (2/3 files), 7 failed, 0 error\n",
            "… 13 cases done (3/3 files), 7 failed, 0 error\n",
        ])
    }

    @Test("interactive progress redraws one line and clears it at the end; silent prints nothing")
    func interactiveProgress() {
        let lines = LineSink()
        let p = ProgressReporter(mode: .interactive, totalSteps: 2, sink: lines.append)
        p.finished("mls/tree-math.json", results: [CaseResult(id: "x", status: .passed)])
        p.done()
        #expect(lines.lines.count == 2)
        #expect(lines.lines.first?.hasPrefix("\r\u{1B}[2K[1/2] 1 cases, 1 passed") == true)
        let quiet = LineSink()
        let q = ProgressReporter(mode: .silent, totalSteps: 1, sink: quiet.append)
        q.finished("x", results: [CaseResult(id: "x", status: .passed)])
        q.done()
        #expect(quiet.lines.isEmpty)
    }

    @Test("ReportOutput writes results.json and junit.xml into a new directory")
    func reportOutput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mimi-results-\(UUID().uuidString)/nested")
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let written = try ReportOutput.write(Samples.run, to: dir.path)
        #expect(written == [dir.path + "/results.json", dir.path + "/junit.xml"])
        let json = try Data(contentsOf: dir.appendingPathComponent("results.json"))
        #expect(try JSONResultsWriter.decode(Array(json)).summary.failed == 1)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("junit.xml").path))
    }

    @Test("an unwritable report directory is an error naming the path")
    func unwritable() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mimi-results-file-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let e = #expect(throws: ReportOutputError.self) { try ReportOutput.write(Samples.run, to: file.path + "/sub") }
        #expect(e?.path.hasPrefix(file.path) == true)
    }
}

/// Collects progress output in tests.
final class LineSink: @unchecked Sendable {
    private(set) var lines: [String] = []
    func append(_ s: String) { lines.append(s) }
}

@Suite("Terminal warnings")
struct TerminalWarningTests {
    @Test("many warnings of one kind are cut to a few lines and a count")
    func grouped() {
        let warnings = (0..<12).map { "unrecognised vector file: f\($0).cbor (no runner accepts it)" } + ["no vector manifest: x"]
        let text = TerminalWriter().warningLines(warnings, perKind: 3)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[3] == "  ! … and 9 more 'unrecognised vector file' warnings (see results.json)")
        #expect(lines[4] == "  ! no vector manifest: x")
    }
}

@Suite("Terminal reasons")
struct TerminalReasonTests {
    @Test("unsupported and skipped cases are counted by reason")
    func reasons() {
        let cases = [
            CaseResult(id: "a/0", status: .unsupported, message: "suite 4"),
            CaseResult(id: "a/1", status: .unsupported, message: "suite 4"),
            CaseResult(id: "a/2", status: .skipped, message: "remote"),
            CaseResult(id: "a/3", status: .passed),
        ]
        let text = TerminalWriter().reasons(RunResults(command: "t", cases: cases))
        #expect(text == "\nNot run, by reason:\n  2 × unsupported: suite 4\n  1 × skipped: remote\n")
    }
}
