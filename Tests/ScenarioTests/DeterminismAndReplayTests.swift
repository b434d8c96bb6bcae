import Foundation
import Results
import Testing
@testable import Scenario

@Suite struct DeterminismAndReplayTests {
    func tempDir() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mimi-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func sameSeedGivesByteIdenticalTranscripts() async throws {
        let s = try Fixtures.load(Fixtures.basic)
        let a = await ScenarioExecutor(scenario: s).run(in: FakeWorld(scenario: s, seed: 42))
        let b = await ScenarioExecutor(scenario: s).run(in: FakeWorld(scenario: s, seed: 42))
        let c = await ScenarioExecutor(scenario: s).run(in: FakeWorld(scenario: s, seed: 43))
        #expect(!a.transcript.isEmpty)
        #expect(try ReproductionBundle.encodeTranscript(a.transcript) == ReproductionBundle.encodeTranscript(b.transcript))
        #expect(try ReproductionBundle.encodeTranscript(a.transcript) != ReproductionBundle.encodeTranscript(c.transcript))
    }

    @Test func aFailingCaseWritesABundleThatReplayReproduces() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = Fixtures.basic(replacing: "      epoch: 1\n", with: "      epoch: 2\n")
        let file = dir.appendingPathComponent("wrong-epoch.yaml")
        try Data(text.utf8).write(to: file)
        let bundles = dir.appendingPathComponent("bundles")
        let runner = ScenarioRunner(factory: FakeWorldFactory(), bundleDirectory: bundles)
        let result = await runner.run(file: file, relativePath: "negative/wrong-epoch.yaml")

        #expect(result.id == "scenarios/negative/wrong-epoch")
        #expect(result.status == .failed)
        #expect(result.expected == "2")
        #expect(result.actual == "1")
        #expect(result.party == "a.example")
        #expect(result.message?.hasPrefix("Scenarios/negative/wrong-epoch.yaml:15:5: step 3 (expect)") == true)
        #expect(result.requirements.contains(CheckRequirements.epochAdvance))
        #expect(!result.transcript.isEmpty)

        let bundleDir = bundles.appendingPathComponent("scenarios-negative-wrong-epoch")
        for name in ["bundle.json", "transcript.json", "wrong-epoch.yaml"] {
            #expect(FileManager.default.fileExists(atPath: bundleDir.appendingPathComponent(name).path), "\(name) missing")
        }
        #expect(result.warnings.contains { $0.contains("mimi-harness replay") })

        let report = try await Replay.run(bundleAt: bundleDir, factory: FakeWorldFactory())
        #expect(report.reproduced, "\(report.summary)")
        #expect(report.transcriptIdentical)
        #expect(report.bundle.seed == 42)
        #expect(report.summary.hasSuffix("REPRODUCED"))
    }

    @Test func replayNoticesWhenTheFailureDoesNotReproduce() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        var faults = FakeWorld.Faults()
        faults.divergentAuthenticator = ClientRef(user: "bob", device: 1)
        let file = dir.appendingPathComponent("basic.yaml")
        try Data(Fixtures.basic.utf8).write(to: file)
        let runner = ScenarioRunner(factory: FakeWorldFactory(faults: faults), bundleDirectory: dir)
        let result = await runner.run(file: file, relativePath: "basic.yaml")
        #expect(result.status == .failed)
        // Fixed implementation: the same bundle now passes.
        let report = try await Replay.run(bundleAt: dir.appendingPathComponent("scenarios-basic/bundle.json"), factory: FakeWorldFactory())
        #expect(!report.reproduced)
        #expect(report.outcome.status == .passed)
        #expect(report.summary.hasSuffix("NOT REPRODUCED"))
    }

    @Test func seedOverrideChangesTheRun() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("basic.yaml")
        try Data(Fixtures.basic.utf8).write(to: file)
        let a = await ScenarioRunner(factory: FakeWorldFactory()).run(file: file, relativePath: "basic.yaml")
        let b = await ScenarioRunner(factory: FakeWorldFactory(), seedOverride: 7).run(file: file, relativePath: "basic.yaml")
        #expect(a.status == .passed && b.status == .passed)
        #expect(a.transcript != b.transcript)
    }

    @Test func aFileThatDoesNotLoadIsAnErrorCaseWithItsPosition() async throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("broken.yaml")
        try Data(Fixtures.basic(replacing: "seed: 42", with: "seed: x").utf8).write(to: file)
        let r = await ScenarioRunner(factory: FakeWorldFactory()).run(file: file, relativePath: "negative/broken.yaml")
        #expect(r.status == .error)
        #expect(r.message == "Scenarios/negative/broken.yaml:4:7: expected seed (a non-negative integer), found \"x\"")
    }
}

@Suite struct MatrixRecordingTests {
    @Test func matrixRunsRecordTheBindingInCaseIds() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mimi-matrix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("basic.yaml")
        try Data(Fixtures.basic.utf8).write(to: file)
        let r = await ScenarioRunner(factory: FakeWorldFactory(), recordBinding: true).run(file: file, relativePath: "flows/basic.yaml")
        #expect(r.id == "scenarios/flows/basic[hub=fake,follower=fake]")
        #expect(CaseBinding(caseId: r.id).base == "scenarios/flows/basic")
    }
}
