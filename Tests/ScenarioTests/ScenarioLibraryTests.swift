import Foundation
import Testing
@testable import Scenario

@Suite struct ScenarioLibraryTests {
    static var scenariosDir: URL { Fixtures.packageRoot.appendingPathComponent("Scenarios") }

    @Test func everyScenarioFileLoadsAndCitesKnownRequirements() throws {
        let registry = try Registry.shared()
        let files = ScenarioLoader.scenarioFiles(under: Self.scenariosDir)
        #expect(files.count >= 40)
        var ids: Set<String> = []
        for (url, rel) in files {
            do {
                let s = try ScenarioLoader.load(url, displayPath: "Scenarios/" + rel, knownRequirements: registry.ids)
                let caseId = ScenarioLoader.caseId(relativePath: rel)
                #expect("scenarios/" + s.id == caseId, "\(rel): id \(s.id) does not match its path")
                #expect(ids.insert(s.id).inserted, "\(rel): duplicate id")
                #expect(!s.requirements.isEmpty, "\(rel) cites no requirement")
            } catch {
                Issue.record("\(error)")
            }
        }
        #expect(files.contains { $0.relativePath.hasPrefix("flows/") })
    }

    @Test func schemaAndModelAgreeOnStepNamesAndContentKinds() throws {
        let data = try Data(contentsOf: Self.scenariosDir.appendingPathComponent("schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let defs = try #require(schema["$defs"] as? [String: Any])
        let step = try #require(defs["step"] as? [String: Any])
        let stepNames = try #require((step["properties"] as? [String: Any])?.keys)
        #expect(Set(stepNames) == Set(StepKind.allCases.map(\.rawValue)))
        let steps = try #require(defs["steps"] as? [String: Any])
        #expect(Set(steps.keys) == Set(StepKind.allCases.map(\.rawValue)))
        let send = try #require((steps["send"] as? [String: Any])?["oneOf"] as? [[String: Any]])
        let kinds = send.compactMap { ($0["required"] as? [String])?.first }
        #expect(Set(kinds) == Set(ScenarioParser.contentKinds))
        let rejection = try #require((defs["rejection"] as? [String: Any])?["enum"] as? [String])
        #expect(rejection == ResponseCodes.rejections)
        let top = try #require((schema["properties"] as? [String: Any])?.keys)
        #expect(Set(top) == Set(ScenarioParser.topKeys))
    }
}

/// Runs the whole library against the fake world: the fake has the room semantics the files assume (epochs,
/// membership, roles, default and cooperative policies, consent, tampering, injection), so this keeps the expected
/// epochs, members and participants of all scenarios consistent with each other and with the executor.
@Suite struct ScenarioLibraryOnFakeWorldTests {
    @Test func everyLibraryScenarioPassesAgainstTheFakeWorld() async throws {
        let registry = try Registry.shared()
        let runner = ScenarioRunner(factory: FakeWorldFactory(), knownRequirements: registry.ids)
        let results = await runner.runAll(under: ScenarioLibraryTests.scenariosDir)
        #expect(results.count >= 40)
        for r in results where r.status != .passed {
            Issue.record("\(r.id): \(r.message ?? "") expected \(r.expected ?? "") actual \(r.actual ?? "")")
        }
    }
}

@Suite struct ScenarioSelectionTests {
    @Test func pathsNarrowTheRunAndKeepCaseIds() throws {
        let root = ScenarioLibraryTests.scenariosDir
        let all = try ScenarioSelection.files([], root: root)
        #expect(all.count == ScenarioLoader.scenarioFiles(under: root).count)
        let some = try ScenarioSelection.files(["Scenarios/flows", "Scenarios/policy/banned-cannot-rejoin.yaml", "Scenarios/flows/bob-leaves.yaml"],
                                               root: root, workingDirectory: Fixtures.packageRoot.path)
        #expect(some.map(\.relativePath).contains("flows/bob-leaves.yaml"))
        #expect(some.map(\.relativePath).contains("policy/banned-cannot-rejoin.yaml"))
        #expect(Set(some.map(\.relativePath)).count == some.count)
        #expect(some.allSatisfy { $0.relativePath.hasPrefix("flows/") || $0.relativePath.hasPrefix("policy/") })
        #expect(throws: ScenarioSelection.Problem.self) {
            try ScenarioSelection.files(["Scenarios/nope"], root: root, workingDirectory: Fixtures.packageRoot.path)
        }
        #expect(throws: ScenarioSelection.Problem.self) {
            try ScenarioSelection.files(["Scenarios/README.md"], root: root, workingDirectory: Fixtures.packageRoot.path)
        }
    }
}
