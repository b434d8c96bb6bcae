import Foundation
@testable import HarnessCLI
import Scenario

/// A temporary project for `mimi-harness run` tests: a Scenarios/ folder with two scenario files copied from the
/// library (and optionally a broken one), a vectors folder with one file, and a report directory.
struct RunFixture {
    let dir: URL
    var scenarios: URL { dir.appendingPathComponent("Scenarios") }
    var vectors: URL { dir.appendingPathComponent("vectors/vendor") }
    var report: URL { dir.appendingPathComponent("R") }
    static var packageRoot: URL { JUnitSchema.packageRoot }
    static var registry: String { packageRoot.appendingPathComponent("docs/requirements.yaml").path }

    init(brokenScenario: Bool = false) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("mimi-run-\(UUID().uuidString)")
        let fm = FileManager.default
        for rel in ["flows/create-room.yaml", "policy/banned-cannot-rejoin.yaml"] {
            let to = scenarios.appendingPathComponent(rel)
            try fm.createDirectory(at: to.deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: Self.packageRoot.appendingPathComponent("Scenarios/" + rel), to: to)
        }
        if brokenScenario {
            try Data("id: negative/broken\ntitle: broken\nseed: [1, 2]\n".utf8)
                .write(to: scenarios.appendingPathComponent("flows/broken.yaml"))
        }
        try fm.createDirectory(at: vectors, withIntermediateDirectories: true)
        // One tree-math case written here (the one-leaf tree; RFC 9420 Appendix C), so it passes; the file is not in
        // the manifest, so it runs with an "unverified source" warning.
        let oneLeaf = "[{\"n_leaves\": 1, \"n_nodes\": 1, \"root\": 0, \"left\": [null], \"right\": [null], "
            + "\"parent\": [null], \"sibling\": [null]}]"
        try Data(oneLeaf.utf8).write(to: vectors.appendingPathComponent("tree-math.json"))
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }

    /// Common options pointing every input at the fixture.
    var base: [String] {
        ["--scenarios-dir", scenarios.path, "--vectors-dir", vectors.path, "--report-dir", report.path,
         "--requirements", Self.registry, "--no-generated"]
    }

    func run(_ args: [String], world: RunCommand.WorldChoice = .given(nil)) async throws -> (RunResults, String) {
        let command = try RunCommand.parse(args + base)
        var printed = ""
        let results = try await command.execute(output: { printed += $0 }, progressMode: .silent, world: world)
        return (results, printed)
    }
}

import Results

/// A world factory whose worlds cannot be built: each scenario ends `error` and writes a reproduction bundle.
struct BrokenWorldFactory: ScenarioWorldFactory {
    struct Broken: Error, CustomStringConvertible {
        var description: String { "the test world refuses to start" }
    }

    let name = "broken-test-world"
    func implementations(for scenario: Scenario) -> [String: String] { [:] }
    func makeWorld(for scenario: Scenario, seed: UInt64) async throws -> any ScenarioWorld { throw Broken() }
}
