import Foundation
import Results

/// Runs scenario files against worlds from a factory and turns each into a ``CaseResult``
/// (id `scenarios/<path without extension>`; see ``ScenarioLoader/caseId(relativePath:)``).
///
/// A file that does not load is an `error` case whose message is the `file:line:column: expected …` list.
/// A failing case writes a reproduction bundle when `bundleDirectory` is set.
public struct ScenarioRunner: Sendable {
    public var factory: any ScenarioWorldFactory
    /// Overrides every scenario's seed (`--seed`).
    public var seedOverride: UInt64?
    /// Where failing cases write reproduction bundles (`<report-dir>/bundles`).
    public var bundleDirectory: URL?
    /// Requirement ids scenarios may cite; unknown ids are load errors when set.
    public var knownRequirements: Set<String>?
    /// Record the implementation binding in case ids (interop matrix runs; see ``ImplementationBinding``).
    public var recordBinding: Bool

    public init(factory: any ScenarioWorldFactory, seedOverride: UInt64? = nil, bundleDirectory: URL? = nil,
                knownRequirements: Set<String>? = nil, recordBinding: Bool = false) {
        self.factory = factory
        self.seedOverride = seedOverride
        self.bundleDirectory = bundleDirectory
        self.knownRequirements = knownRequirements
        self.recordBinding = recordBinding
    }

    /// Loads and runs one file; `relativePath` is its path below the scenarios root.
    public func run(file url: URL, relativePath: String) async -> CaseResult {
        let baseId = ScenarioLoader.caseId(relativePath: relativePath)
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(url, displayPath: "Scenarios/" + relativePath, knownRequirements: knownRequirements)
        } catch {
            return CaseResult(id: baseId, status: .error, message: "\(error)", source: "Scenarios/" + relativePath)
        }
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return await run(scenario, caseId: baseId, scenarioText: text, fileName: url.lastPathComponent)
    }

    /// Runs a loaded scenario. `scenarioText` is copied into the reproduction bundle on failure.
    public func run(_ scenario: Scenario, caseId baseId: String, scenarioText: String, fileName: String) async -> CaseResult {
        let seed = seedOverride ?? scenario.seed
        let binding = ImplementationBinding(scenario: scenario, implementations: factory.implementations(for: scenario))
        let id = recordBinding ? binding.caseId(base: baseId) : baseId
        let clock = ContinuousClock()
        let start = clock.now
        var result = CaseResult(id: id, status: .passed, requirements: scenario.requirements, source: scenario.source)
        let outcome: ScenarioRunOutcome
        do {
            let world = try await factory.makeWorld(for: scenario, seed: seed)
            outcome = await ScenarioExecutor(scenario: scenario).run(in: world)
        } catch {
            outcome = ScenarioRunOutcome(status: .error, errorMessage: "cannot set up the world: \(error)", checks: [],
                                         transcript: [], stepsRun: 0)
        }
        let elapsed = clock.now - start
        result.durationSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        result.status = outcome.status
        result.checks = outcome.checks
        result.transcript = outcome.transcript
        for c in outcome.checks where !result.requirements.contains(c.requirement) { result.requirements.append(c.requirement) }
        if let f = outcome.failure {
            result.message = "\(f.location): step \(f.stepIndex + 1) (\(f.stepKind)): \(f.message) [\(f.requirement)]"
            result.expected = f.expected
            result.actual = f.actual
            result.party = f.party
        } else if let e = outcome.errorMessage {
            result.message = e
        }
        if outcome.status != .passed, let dir = bundleDirectory {
            let bundle = ReproductionBundle(caseId: id, scenarioFile: fileName, seed: seed, world: factory.name,
                                            implementations: binding.implementations, status: outcome.status,
                                            failure: outcome.failure, errorMessage: outcome.errorMessage,
                                            transcript: outcome.transcript)
            do {
                let url = try bundle.write(into: dir, scenarioText: scenarioText)
                result.warnings.append("reproduction bundle: \(url.path) (mimi-harness replay \(url.path))")
            } catch {
                result.warnings.append("could not write the reproduction bundle: \(error)")
            }
        }
        return result
    }

    /// Runs every scenario below `root` (sorted by path).
    public func runAll(under root: URL, progress: (@Sendable (CaseResult) -> Void)? = nil) async -> [CaseResult] {
        var out: [CaseResult] = []
        for (url, rel) in ScenarioLoader.scenarioFiles(under: root) {
            let r = await run(file: url, relativePath: rel)
            progress?(r)
            out.append(r)
        }
        return out
    }
}
