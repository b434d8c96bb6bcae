import Foundation
@testable import HarnessCLI
import Results
import Testing

/// junit.xml validates against a common JUnit XSD (issue 6, "Done when"): docs/junit.xsd, the Jenkins/Ant JUnit
/// report structure, checked with xmllint on writer output with every status and hostile text, and on the
/// junit.xml of real `vectors` and `run` runs.
@Suite("junit.xml against docs/junit.xsd", .enabled(if: JUnitSchema.xmllint != nil, JUnitSchema.skipReason))
struct JUnitSchemaTests {
    /// Text that needs escaping or cannot appear in XML 1.0 at all.
    static let nasty = "a<b & c>\"d\" 'e' ]]> <![CDATA[x]]> &amp; &#0; \u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}[31m\u{7F}\u{FFFE}\u{FFFF}"
        + "\t\r\nline2 ü 🎉 \u{202E}rtl </testcase></testsuites>"

    static var everyStatus: RunResults {
        let cases = [
            CaseResult(id: "mls/key-schedule/0", status: .passed, cipherSuite: 1, requirements: ["RFC9420 §8"],
                       durationSeconds: 0.000_001, source: "mls/key-schedule.json"),
            CaseResult(id: "mls/key-schedule/1", status: .failed, cipherSuite: 2, requirements: ["RFC9420 §8.5"],
                       durationSeconds: 12.5, message: nasty, expected: "00ff", actual: nasty, party: nasty,
                       source: "mls/key-schedule.json",
                       checks: [CheckRecord(requirement: nasty, description: nasty, passed: false)]),
            CaseResult(id: "mls/key-schedule/2", status: .error, message: nasty, source: "mls/key-schedule.json",
                       warnings: [nasty]),
            CaseResult(id: "mls/key-schedule/3", status: .unsupported, cipherSuite: 4, message: nasty,
                       source: "mls/key-schedule.json"),
            CaseResult(id: "scenarios/flows/" + nasty, status: .skipped, message: nil, source: "Scenarios/flows/" + nasty),
            CaseResult(id: nasty, status: .passed, durationSeconds: -1),
            CaseResult(id: "scenarios/x", status: .error, durationSeconds: .nan, source: "Scenarios/x.yaml"),
        ]
        return RunResults(command: "run " + nasty, seed: 7, cases: cases, warnings: [nasty])
    }

    @Test("the schema rejects what CI readers reject: a testcase without name, a bad count, misplaced elements")
    func schemaRejects() throws {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let valid = head + "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase name=\"c\" classname=\"s\" time=\"0.5\"/></testsuite></testsuites>"
        #expect(try JUnitSchema.problems(xml: valid) == nil)
        let bad = [
            "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase classname=\"s\"/></testsuite></testsuites>",
            "<testsuites><testsuite name=\"s\" tests=\"-1\"/></testsuites>",
            "<testsuites><testsuite tests=\"1\"/></testsuites>",
            "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase name=\"c\" time=\"soon\"/></testsuite></testsuites>",
            "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase name=\"c\"><system-out/><failure/></testcase></testsuite></testsuites>",
            "<testsuites><testcase name=\"c\"/></testsuites>",
            "<testsuites><testsuite name=\"s\" tests=\"1\"><testcase name=\"c\"><skipped/><skipped/></testcase></testsuite></testsuites>",
        ]
        for b in bad {
            #expect(try JUnitSchema.problems(xml: head + b) != nil, "accepted: \(b)")
        }
    }

    @Test("JUnitWriter output with passed, failed, error, unsupported and skipped cases and hostile text validates")
    func writerOutputValidates() throws {
        let xml = JUnitWriter().xml(Self.everyStatus)
        let problems = try JUnitSchema.problems(xml: xml)
        #expect(problems == nil, "\(problems ?? "")")
        #expect(xml.contains("<failure "))
        #expect(xml.contains("<error "))
        #expect(xml.contains("<skipped message=\"unsupported: "))
        #expect(xml.contains("<skipped message=\"skipped: "))
    }

    @Test("the junit.xml of a real `vectors` run validates, including a checksum error and a failed case")
    func realVectorsRun() throws {
        let published = try #require(VectorsDirectoryProbe.publishedRoot, "no published vectors found")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("junit-vectors-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        // A corrupted copy at the published path: one expected value changed, so the checksum errors and a case fails.
        let mls = dir.appendingPathComponent("v/mls")
        try FileManager.default.createDirectory(at: mls, withIntermediateDirectories: true)
        let original = try String(contentsOf: published.appendingPathComponent("mls/tree-math.json"), encoding: .utf8)
        let corrupted = original.replacingOccurrences(of: "\"n_leaves\": 1,", with: "\"n_leaves\": 2,")
        try Data(corrupted.utf8).write(to: mls.appendingPathComponent("tree-math.json"))
        for name in ["key-schedule.json", "crypto-basics.json"] {
            try FileManager.default.copyItem(at: published.appendingPathComponent("mls/" + name), to: mls.appendingPathComponent(name))
        }
        let report = dir.appendingPathComponent("R")
        let command = try VectorsCommand.parse(["--vectors-dir", dir.appendingPathComponent("v").path,
                                                "--report-dir", report.path, "--no-generated"])
        let results = try command.execute(output: { _ in }, progressMode: .silent)
        #expect(results.summary.passed > 0)
        #expect(results.summary.unsupported > 0)
        #expect(results.summary.error > 0)
        let problems = try JUnitSchema.problems(report.appendingPathComponent("junit.xml"))
        #expect(problems == nil, "\(problems ?? "")")
    }

    @Test("the junit.xml of a real `run` (vectors and scenarios) validates")
    func realRun() async throws {
        let published = try #require(VectorsDirectoryProbe.publishedRoot, "no published vectors found")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("junit-run-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let report = dir.appendingPathComponent("R")
        let root = JUnitSchema.packageRoot
        let command = try RunCommand.parse([
            published.appendingPathComponent("mls/tree-math.json").path,
            root.appendingPathComponent("Scenarios/flows").path,
            "--scenarios-dir", root.appendingPathComponent("Scenarios").path,
            "--vectors-dir", published.path, "--report-dir", report.path,
        ])
        let results = try await command.execute(output: { _ in }, progressMode: .silent, world: .embedded)
        #expect(results.cases.contains { $0.id.hasPrefix("mls/tree-math/") })
        #expect(results.cases.contains { $0.id.hasPrefix("scenarios/flows/") })
        let problems = try JUnitSchema.problems(report.appendingPathComponent("junit.xml"))
        #expect(problems == nil, "\(problems ?? "")")
    }
}
