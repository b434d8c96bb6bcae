import Foundation
import Results
import Testing
@testable import Scenario

/// The issue's "done when" checks, against the embedded simulated providers. They switch on by themselves once
/// SimProviders plugs its world into ``EmbeddedWorld/factory(transport:)``; until then they are skipped with that
/// reason.
@Suite struct EmbeddedWorldTests {
    static let available = EmbeddedWorld.factory(transport: .inprocess) != nil
    static let reason: Comment = "no embedded world yet: \(EmbeddedWorld.unavailableReason)"

    static func factory(_ t: EmbeddedWorld.Transport) throws -> any ScenarioWorldFactory {
        try #require(EmbeddedWorld.factory(transport: t))
    }

    @Test(.enabled(if: available, reason), arguments: EmbeddedWorld.Transport.allCases)
    func everyLibraryScenarioPasses(transport: EmbeddedWorld.Transport) async throws {
        let runner = ScenarioRunner(factory: try Self.factory(transport), knownRequirements: try Registry.shared().ids)
        let results = await runner.runAll(under: ScenarioLibraryTests.scenariosDir)
        #expect(results.count >= 40)
        for r in results where r.status != .passed {
            Issue.record("\(transport.rawValue) \(r.id): \(r.message ?? "") expected \(r.expected ?? "") actual \(r.actual ?? "") blamed \(r.party ?? "")")
        }
    }

    @Test(.enabled(if: available, reason))
    func sameSeedGivesByteIdenticalTranscripts() async throws {
        let factory = try Self.factory(.inprocess)
        for (url, rel) in ScenarioLoader.scenarioFiles(under: ScenarioLibraryTests.scenariosDir).prefix(12) {
            let s = try ScenarioLoader.load(url, displayPath: rel)
            let a = await ScenarioExecutor(scenario: s).run(in: try await factory.makeWorld(for: s, seed: s.seed))
            let b = await ScenarioExecutor(scenario: s).run(in: try await factory.makeWorld(for: s, seed: s.seed))
            #expect(!a.transcript.isEmpty, "\(rel): empty transcript")
            #expect(try ReproductionBundle.encodeTranscript(a.transcript) == ReproductionBundle.encodeTranscript(b.transcript),
                    "\(rel): transcripts differ between two runs with seed \(s.seed)")
        }
    }

    @Test(.enabled(if: available, reason))
    func wrongExpectedEpochFailsAndReplayReproducesIt() async throws {
        let factory = try Self.factory(.inprocess)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mimi-embedded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let source = ScenarioLibraryTests.scenariosDir.appendingPathComponent("flows/add-remote-user.yaml")
        let wrong = try String(contentsOf: source, encoding: .utf8).replacingOccurrences(of: "      epoch: 1\n", with: "      epoch: 7\n")
        let file = dir.appendingPathComponent("wrong-epoch.yaml")
        try Data(wrong.utf8).write(to: file)
        let result = await ScenarioRunner(factory: factory, bundleDirectory: dir.appendingPathComponent("bundles"))
            .run(file: file, relativePath: "negative/wrong-epoch.yaml")
        #expect(result.status == .failed)
        #expect(result.expected == "7")
        #expect(result.actual == "1")
        let bundle = dir.appendingPathComponent("bundles/scenarios-negative-wrong-epoch")
        let report = try await Replay.run(bundleAt: bundle, factory: factory)
        #expect(report.reproduced, "\(report.summary)")
    }
}
