import ArgumentParser
import Foundation
@testable import HarnessCLI
import Results
import Scenario
import Testing

/// `mimi-harness run`, the main job: option validation with actionable messages, exit status, narrowing by path,
/// the reports written, and honest reporting while the embedded world is missing.
@Suite("mimi-harness run")
struct RunCommandTests {
    static func message(_ args: [String]) -> String {
        do {
            _ = try RunCommand.parse(args)
            return ""
        } catch {
            return RunCommand.message(for: error)
        }
    }

    // MARK: arguments

    @Test("usage errors say what to type instead, and exit 64")
    func usageErrors() throws {
        #expect(Self.message(["--transport", "carrier-pigeon"]).contains("--transport must be one of inprocess, http"))
        #expect(Self.message(["--report-dir", ""]).contains("--report-dir Reports/latest"))
        #expect(Self.message(["--no-vectors", "--no-scenarios"]).contains("leave nothing to run"))
        #expect(Self.message(["/nonexistent/scenario.yaml"]).contains("'/nonexistent/scenario.yaml' does not exist"))
        #expect(Self.message(["--vectors-dir", "/nonexistent"]).contains("--vectors-dir '/nonexistent' does not exist"))
        #expect(Self.message(["--requirements", "/nonexistent.yaml"]).contains("docs/requirements.yaml"))
        #expect(Self.message(["--seed", "-3"]).contains("seed"))
        do {
            _ = try RunCommand.parse(["--transport", "smtp"])
            Issue.record("--transport smtp was accepted")
        } catch {
            #expect(RunCommand.exitCode(for: error) == .validationFailure)
            #expect(RunCommand.exitCode(for: error).rawValue == 64)
        }
    }

    @Test("a file given as --scenarios-dir says to pass it as a path")
    func fileAsScenariosDir() throws {
        let f = try RunFixture()
        defer { f.remove() }
        let file = f.scenarios.appendingPathComponent("flows/create-room.yaml").path
        #expect(Self.message(["--scenarios-dir", file]).contains("mimi-harness run \(file)"))
    }

    @Test("defaults: in-process transport, no seed override, Reports/latest, vectors and scenarios")
    func defaults() throws {
        let c = try RunCommand.parse([])
        #expect(c.transport == "inprocess")
        #expect(c.seed == nil)
        #expect(c.reportDir == "Reports/latest")
        #expect(!c.noVectors && !c.noScenarios)
        #expect(try RunCommand.parse(["--transport", "http", "--seed", "18446744073709551615"]).seed == UInt64.max)
    }

    // MARK: exit status

    @Test("exit 0 only when nothing failed or errored and something ran")
    func exitStatus() {
        func summary(_ statuses: [CaseStatus]) -> Summary { Summary(statuses.map { CaseResult(id: "x/0", status: $0) }) }
        #expect(RunCommand.exitStatus(summary([.passed, .unsupported, .skipped])) == 0)
        #expect(RunCommand.exitStatus(summary([.unsupported])) == 0)
        #expect(RunCommand.exitStatus(summary([.passed, .failed])) == 1)
        #expect(RunCommand.exitStatus(summary([.passed, .error])) == 1)
        #expect(RunCommand.exitStatus(summary([])) == 1)
    }

    // MARK: narrowing

    @Test("paths sort into scenario and vector paths")
    func classify() throws {
        let f = try RunFixture()
        defer { f.remove() }
        let outsideYAML = f.dir.appendingPathComponent("mine/extra.yaml")
        try FileManager.default.createDirectory(at: outsideYAML.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("id: extra\n".utf8).write(to: outsideYAML)
        let sel = try RunSelection.classify(
            ["Scenarios/flows", "Scenarios/policy/banned-cannot-rejoin.yaml", "mine", "mine/extra.yaml",
             "vectors/vendor/tree-math.json", "vectors"],
            scenariosRoot: f.scenarios, vectorRoots: [], workingDirectory: f.dir.path)
        #expect(sel.scenarioPaths.map(\.lastPathComponent) == ["flows", "banned-cannot-rejoin.yaml", "mine", "extra.yaml"])
        #expect(sel.vectorPaths.map(\.lastPathComponent) == ["tree-math.json", "vectors"])
        // A .json file inside the scenarios folder is a scenario; inside a vectors root a .yaml would be a vector.
        let inRoots = try RunSelection.classify([f.scenarios.appendingPathComponent("x.json").path, f.vectors.appendingPathComponent("y.yaml").path],
                                                scenariosRoot: f.scenarios, vectorRoots: [f.vectors], workingDirectory: "/")
        #expect(inRoots.scenarioPaths.count == 1 && inRoots.vectorPaths.count == 1)
    }

    @Test("a scenario path runs that scenario only, with id scenarios/<path without extension>, and no vectors")
    func narrowToScenario() async throws {
        let f = try RunFixture()
        defer { f.remove() }
        let (results, _) = try await f.run([f.scenarios.appendingPathComponent("policy/banned-cannot-rejoin.yaml").path])
        #expect(results.cases.map(\.id) == ["scenarios/policy/banned-cannot-rejoin"])
    }

    @Test("a scenario folder runs the files below it")
    func narrowToFolder() async throws {
        let f = try RunFixture()
        defer { f.remove() }
        let (results, _) = try await f.run([f.scenarios.appendingPathComponent("flows").path])
        #expect(results.cases.map(\.id) == ["scenarios/flows/create-room"])
    }

    @Test("a vector file runs that file only, and no scenarios; the run passes")
    func narrowToVectorFile() async throws {
        let f = try RunFixture()
        defer { f.remove() }
        let (results, printed) = try await f.run([f.vectors.appendingPathComponent("tree-math.json").path])
        #expect(results.cases.map(\.id) == ["mls/tree-math/0"])
        #expect(results.summary.passed == 1)
        #expect(RunCommand.exitStatus(results.summary) == 0)
        #expect(printed.contains("PASS: 1 passed, 0 failed, 0 unsupported"))
        #expect(!printed.contains("Scenarios:"))
    }

    @Test("a scenario path with --no-scenarios, or a vector path with --no-vectors, is a usage error")
    func conflictingPaths() async throws {
        let f = try RunFixture()
        defer { f.remove() }
        await #expect(throws: ValidationError.self) {
            _ = try await f.run([f.scenarios.appendingPathComponent("flows").path, "--no-scenarios"])
        }
        await #expect(throws: ValidationError.self) {
            _ = try await f.run([f.vectors.appendingPathComponent("tree-math.json").path, "--no-vectors"])
        }
    }

    // MARK: the whole run

    @Test("no paths: every vector and every scenario; all report formats written; exit 1 while the world is missing")
    func everything() async throws {
        let f = try RunFixture(brokenScenario: true)
        defer { f.remove() }
        let (results, printed) = try await f.run(["--seed", "42"])
        #expect(results.cases.map(\.id) == ["mls/tree-math/0", "scenarios/flows/broken",
                                            "scenarios/flows/create-room", "scenarios/policy/banned-cannot-rejoin"])
        #expect(results.seed == 42)
        #expect(results.command.hasPrefix("run --seed 42 --report-dir "))
        for name in ["results.json", "junit.xml", "summary.md", "report.html"] {
            #expect(FileManager.default.fileExists(atPath: f.report.appendingPathComponent(name).path), "\(name) missing")
        }
        let stored = try JSONDecoder().decode(RunResults.self, from: Data(contentsOf: f.report.appendingPathComponent("results.json")))
        #expect(stored.summary == results.summary)
        // Missing world: every loadable scenario is an error with the reason (never passed, never a bundle) …
        let room = try #require(results.cases.first { $0.id == "scenarios/flows/create-room" })
        #expect(room.status == .error)
        #expect(room.message?.contains(EmbeddedWorld.unavailableReason) == true)
        #expect(room.message?.contains("harness defect") == true)
        #expect(room.requirements.contains("MIMI-PROTO-externalSenders-hub"))
        #expect(room.source == "Scenarios/flows/create-room.yaml")
        #expect(!FileManager.default.fileExists(atPath: f.report.appendingPathComponent("bundles").path))
        // … and a broken file is an error at its line and column.
        let broken = try #require(results.cases.first { $0.id == "scenarios/flows/broken" })
        #expect(broken.status == .error)
        #expect(broken.message?.contains("Scenarios/flows/broken.yaml:3:") == true)
        #expect(RunCommand.exitStatus(results.summary) == 1)
        // The table: vectors per file, scenarios per folder.
        #expect(printed.contains("World:     missing: "))
        #expect(printed.contains("\nScenarios/flows/ "))
        #expect(printed.contains("\nScenarios/policy/ "))
        #expect(printed.contains("\ntree-math.json "))
        #expect(printed.contains("FAIL: 1 passed, 0 failed, 0 unsupported, 0 skipped, 3 error (4 cases)"))
    }

    @Test("a scenario that does not pass writes a bundle with the --seed; stale bundles of an earlier run go")
    func bundles() async throws {
        let f = try RunFixture()
        defer { f.remove() }
        let stale = f.report.appendingPathComponent("bundles/scenarios-old")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: stale.appendingPathComponent("bundle.json"))
        let keep = f.report.appendingPathComponent("bundles/notes.txt")
        try Data("mine".utf8).write(to: keep)

        let (results, printed) = try await f.run([f.scenarios.appendingPathComponent("flows").path, "--seed", "9"],
                                                 world: .given(BrokenWorldFactory()))
        let c = try #require(results.cases.first)
        #expect(c.status == .error)
        #expect(c.message?.contains("the test world refuses to start") == true)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
        #expect(FileManager.default.fileExists(atPath: keep.path))
        let bundleDirs = try FileManager.default.contentsOfDirectory(atPath: f.report.appendingPathComponent("bundles").path)
            .filter { $0 != "notes.txt" }
        #expect(bundleDirs.count == 1)
        let manifest = f.report.appendingPathComponent("bundles").appendingPathComponent(bundleDirs.first ?? "")
            .appendingPathComponent(ReproductionBundle.manifestName)
        let bundle = try JSONSerialization.jsonObject(with: Data(contentsOf: manifest)) as? [String: Any]
        #expect((bundle?["seed"] as? NSNumber)?.uint64Value == 9)
        #expect(printed.contains("World:     broken-test-world (--transport inprocess)"))
        #expect(printed.contains("/bundles/"))
    }

    @Test("no scenarios folder: an error case that says how to fix it, and the vectors still run")
    func missingScenariosFolder() async throws {
        let f = try RunFixture()
        defer { f.remove() }
        try FileManager.default.removeItem(at: f.scenarios)
        let command = try RunCommand.parse(["--vectors-dir", f.vectors.path, "--report-dir", f.report.path, "--no-generated",
                                            "--requirements", RunFixture.registry])
        // Without --scenarios-dir the root is looked up from the working directory; force a missing one.
        var c = command
        c.scenariosDir = f.scenarios.path
        let results = try await c.execute(output: { _ in }, progressMode: .silent, world: .given(nil))
        let missing = try #require(results.cases.first { $0.id == "scenarios/directory" })
        #expect(missing.status == .error)
        #expect(missing.message?.contains("--no-scenarios") == true)
        #expect(results.summary.passed == 1)
    }
}
