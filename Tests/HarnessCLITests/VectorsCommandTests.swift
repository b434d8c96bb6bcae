import ArgumentParser
import Foundation
@testable import HarnessCLI
import Results
import Testing

/// `mimi-harness vectors`: option validation with actionable messages, and a run over a temporary directory.
@Suite("mimi-harness vectors")
struct VectorsCommandTests {
    static func temp() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mimi-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func message(_ args: [String]) -> String {
        do {
            _ = try VectorsCommand.parse(args)
            return ""
        } catch {
            return VectorsCommand.message(for: error)
        }
    }

    @Test("a missing --vectors-dir says what to type instead")
    func missingDir() {
        let m = Self.message(["--vectors-dir", "/nonexistent/vectors"])
        #expect(m.contains("does not exist"))
        #expect(m.contains("--vectors-dir ../shared/vectors/mls"))
    }

    @Test("a file given as --vectors-dir suggests --only")
    func fileAsDir() throws {
        let dir = try Self.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("tree-math.json")
        try Data("[]".utf8).write(to: file)
        let m = Self.message(["--vectors-dir", file.path])
        #expect(m.contains("--vectors-dir \(dir.path) --only 'tree-math.json'"))
    }

    @Test("empty --only and empty --report-dir are refused")
    func emptyValues() {
        #expect(Self.message(["--only", ""]).contains("--only 'key-schedule*'"))
        #expect(Self.message(["--report-dir", ""]).contains("--report-dir Reports/latest"))
    }

    @Test("--include-generated and --no-generated parse; default includes")
    func generatedFlags() throws {
        #expect(try VectorsCommand.parse([]).generated == .includeGenerated)
        #expect(try VectorsCommand.parse(["--no-generated"]).generated == .noGenerated)
        #expect(try VectorsCommand.parse(["--include-generated"]).generated == .includeGenerated)
    }

    @Test("a run writes results.json and junit.xml and warns about an unlisted file; nothing failed")
    func runWritesReports() throws {
        let dir = try Self.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let vectors = dir.appendingPathComponent("v/vendor")
        try FileManager.default.createDirectory(at: vectors, withIntermediateDirectories: true)
        // A vendor's own tree-math file (the one-leaf tree, RFC 9420 Appendix C), written here.
        let oneLeaf = "[{\"n_leaves\": 1, \"n_nodes\": 1, \"root\": 0, \"left\": [null], \"right\": [null], "
            + "\"parent\": [null], \"sibling\": [null]}]"
        try Data(oneLeaf.utf8).write(to: vectors.appendingPathComponent("tree-math.json"))
        let report = dir.appendingPathComponent("R")
        let command = try VectorsCommand.parse(["--vectors-dir", vectors.path, "--report-dir", report.path, "--no-generated"])
        var printed = ""
        let results = try command.execute(output: { printed += $0 }, progressMode: .silent)
        #expect(results.summary.passed == 1)
        #expect(results.summary.isSuccess)
        #expect(results.cases.map(\.id) == ["mls/tree-math/0"])
        // A file not in the manifest (different bytes from the published tree-math.json) runs unverified.
        #expect(results.warnings.contains { $0.hasPrefix("unverified source: tree-math.json") })
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("results.json").path))
        #expect(FileManager.default.fileExists(atPath: report.appendingPathComponent("junit.xml").path))
        #expect(printed.contains("PASS: 1 passed, 0 failed, 0 unsupported"))
    }

    @Test("a modified copy at a published path is a checksum error, so the run fails")
    func modifiedPublishedFile() throws {
        let dir = try Self.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        let vectors = dir.appendingPathComponent("mls")
        try FileManager.default.createDirectory(at: vectors, withIntermediateDirectories: true)
        try Data("[{\"cipher_suite\": 1}]".utf8).write(to: vectors.appendingPathComponent("treekem.json"))
        let command = try VectorsCommand.parse(["--vectors-dir", vectors.path, "--report-dir", dir.appendingPathComponent("R").path,
                                                "--no-generated"])
        let results = try command.execute(output: { _ in }, progressMode: .silent)
        #expect(results.cases.map(\.id) == ["mls/treekem/checksum", "mls/treekem/0"])
        #expect(results.cases.first?.status == .error)
        #expect(results.summary.isSuccess == false)
    }

    @Test("--only that matches nothing is an error pointing at --list")
    func onlyMatchesNothing() throws {
        let dir = try Self.temp()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("[]".utf8).write(to: dir.appendingPathComponent("welcome.json"))
        let command = try VectorsCommand.parse(["--vectors-dir", dir.path, "--report-dir", dir.appendingPathComponent("R").path,
                                                "--only", "nothing*"])
        let e = #expect(throws: ValidationError.self) { try command.execute(output: { _ in }, progressMode: .silent) }
        #expect(e?.message.contains("mimi-harness vectors --list") == true)
    }
}
