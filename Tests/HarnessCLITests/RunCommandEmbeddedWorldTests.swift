import Foundation
@testable import HarnessCLI
import Results
import Scenario
import Testing

/// `mimi-harness run` against the embedded simulated world (issue 6, "Done when"): a library scenario passes over both
/// transports and the run exits 0; a deliberately wrong scenario (wrong expected epoch) fails with expected vs
/// actual and writes a bundle that replay reproduces.
@Suite("mimi-harness run on the embedded world",
       .enabled(if: EmbeddedWorld.factory(transport: .inprocess) != nil, "no embedded world in this build"))
struct RunCommandEmbeddedWorldTests {
    @Test("a library scenario passes, the run exits 0 and writes no bundle", arguments: EmbeddedWorld.Transport.allCases)
    func passes(transport: EmbeddedWorld.Transport) async throws {
        let f = try RunFixture()
        defer { f.remove() }
        let (results, printed) = try await f.run([f.scenarios.appendingPathComponent("flows/create-room.yaml").path,
                                                  "--transport", transport.rawValue], world: .embedded)
        #expect(results.cases.map(\.id) == ["scenarios/flows/create-room"])
        #expect(results.cases.first?.status == .passed, "\(results.cases.first?.message ?? "")")
        #expect(RunCommand.exitStatus(results.summary) == 0)
        #expect(!FileManager.default.fileExists(atPath: f.report.appendingPathComponent("bundles").path))
        #expect(printed.contains("--transport \(transport.rawValue)"))
    }

    @Test("a wrong expected epoch fails with expected vs actual; its bundle replays to the same failure")
    func wrongEpochReproduces() async throws {
        let f = try RunFixture()
        defer { f.remove() }
        let file = f.scenarios.appendingPathComponent("flows/create-room.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains("epoch: 0"))
        try Data(text.replacingOccurrences(of: "epoch: 0", with: "epoch: 5").utf8).write(to: file)

        let (results, printed) = try await f.run([file.path, "--seed", "77"], world: .embedded)
        let c = try #require(results.cases.first)
        #expect(c.status == .failed)
        #expect(c.expected?.contains("5") == true)
        #expect(c.actual?.contains("0") == true)
        #expect(c.message?.contains("Scenarios/flows/create-room.yaml:") == true)
        #expect(RunCommand.exitStatus(results.summary) == 1)
        #expect(printed.contains("expected: "))

        let bundles = f.report.appendingPathComponent("bundles")
        let names = try FileManager.default.contentsOfDirectory(atPath: bundles.path)
        #expect(names.count == 1)
        let bundle = bundles.appendingPathComponent(try #require(names.first))
        let factory = try #require(EmbeddedWorld.factory(transport: .inprocess))
        let replay = try await Replay.run(bundleAt: bundle, factory: factory)
        #expect(replay.bundle.seed == 77)
        #expect(replay.reproduced, "\(replay.summary)")
    }
}
