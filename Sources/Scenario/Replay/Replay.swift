import Foundation
import Results

/// Re-runs a reproduction bundle with its seed and says whether the failure reproduced: same status, same failing
/// step, check and expected/actual values, and a byte-identical transcript.
public enum Replay {
    public struct Report: Sendable {
        public var bundle: ReproductionBundle
        public var outcome: ScenarioRunOutcome
        public var sameStatus: Bool
        public var sameFailure: Bool
        public var transcriptIdentical: Bool
        /// Index of the first transcript entry that differs, when the transcripts differ.
        public var firstTranscriptDifference: Int?

        /// The failure reproduced exactly.
        public var reproduced: Bool { sameStatus && sameFailure && transcriptIdentical }

        public var summary: String {
            var lines = ["replay of \(bundle.caseId) (seed \(bundle.seed), world \(bundle.world))"]
            lines.append("  status:     recorded \(bundle.status.rawValue), now \(outcome.status.rawValue)")
            if let f = outcome.failure { lines.append("  failure:    " + f.description.replacingOccurrences(of: "\n", with: "\n              ")) }
            lines.append("  same failure: \(sameFailure ? "yes" : "no")")
            lines.append("  transcript: \(transcriptIdentical ? "byte-identical" : "differs at entry \(firstTranscriptDifference.map(String.init) ?? "?")") (\(outcome.transcript.count) entries)")
            lines.append(reproduced ? "REPRODUCED" : "NOT REPRODUCED")
            return lines.joined(separator: "\n")
        }
    }

    public static func run(bundleAt url: URL, factory: any ScenarioWorldFactory) async throws -> Report {
        let (bundle, dir, recordedBytes) = try ReproductionBundle.read(url)
        let scenarioURL = dir.appendingPathComponent(bundle.scenarioFile)
        let scenario = try ScenarioLoader.load(scenarioURL, displayPath: bundle.scenarioFile)
        let world = try await factory.makeWorld(for: scenario, seed: bundle.seed)
        let outcome = await ScenarioExecutor(scenario: scenario).run(in: world)
        let nowBytes = try ReproductionBundle.encodeTranscript(outcome.transcript)
        let identical = nowBytes == recordedBytes
        var firstDiff: Int?
        if !identical {
            let n = min(bundle.transcript.count, outcome.transcript.count)
            firstDiff = (0..<n).first { bundle.transcript[$0] != outcome.transcript[$0] } ?? n
        }
        return Report(bundle: bundle, outcome: outcome, sameStatus: outcome.status == bundle.status,
                      sameFailure: sameFailure(bundle.failure, outcome.failure),
                      transcriptIdentical: identical, firstTranscriptDifference: firstDiff)
    }

    /// Same step, check, requirement, expected, actual and party. The file path may differ (the bundle holds a copy).
    static func sameFailure(_ a: ScenarioFailure?, _ b: ScenarioFailure?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return a.stepIndex == b.stepIndex && a.stepKind == b.stepKind && a.requirement == b.requirement
            && a.message == b.message && a.expected == b.expected && a.actual == b.actual && a.party == b.party
            && a.location.line == b.location.line && a.location.column == b.location.column
    }
}
