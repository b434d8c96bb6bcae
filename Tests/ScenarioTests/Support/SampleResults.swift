import Results
@testable import Scenario

/// A run with every kind of case, for the report writers.
enum SampleResults {
    static func run(matrix: Bool = false) -> RunResults {
        var cases: [CaseResult] = [
            CaseResult(id: "mls/key-schedule/0", status: .passed, cipherSuite: 1, requirements: ["RFC9420 §8"], durationSeconds: 0.01,
                       source: "mls/key-schedule.json"),
            CaseResult(id: "mls/key-schedule/1", status: .unsupported, cipherSuite: 4, requirements: ["RFC9420 §8"],
                       message: "cipher suite 4 (X448) is not implemented", source: "mls/key-schedule.json"),
            CaseResult(id: "scenarios/flows/add-remote-user", status: .failed,
                       requirements: ["MIMI-PROTO-fanout-app", CheckRequirements.epochAdvance], durationSeconds: 0.2,
                       message: "Scenarios/flows/add-remote-user.yaml:15:5: step 3 (expect): the hub's epoch of clubhouse [RFC9420-12.4.2-epochAdvance]",
                       expected: "2", actual: "1", party: "a.example", source: "Scenarios/flows/add-remote-user.yaml",
                       warnings: ["reproduction bundle: Reports/latest/bundles/x (mimi-harness replay Reports/latest/bundles/x)"],
                       checks: [
                        CheckRecord(requirement: CheckRequirements.epochAuthenticator, description: "step 2: authenticators agree", passed: true),
                        CheckRecord(requirement: CheckRequirements.epochAdvance, description: "step 3: <hub> epoch | \"x\"", passed: false,
                                    expected: "2", actual: "1"),
                       ],
                       transcript: [
                        TranscriptEntry(index: 0, from: "a.example", to: "b.example", method: "POST", path: "/keyMaterial/b.example/u/bob",
                                        status: 200, bodyHex: "000102030405060708090a0b0c0d0e0f10", decoded: "KeyMaterialRequest { <script>alert(1)</script> }"),
                       ]),
            CaseResult(id: "scenarios/negative/broken", status: .error, message: "Scenarios/negative/broken.yaml:3:7: expected seed (a non-negative integer), found \"x\"",
                       source: "Scenarios/negative/broken.yaml"),
        ]
        if matrix {
            cases = ["sim", "acme"].flatMap { hub in ["sim", "acme"].map { follower in
                CaseResult(id: "scenarios/flows/leave[hub=\(hub),follower=\(follower)]",
                           status: hub == "acme" && follower == "sim" ? .failed : .passed, message: nil)
            } }
        }
        return RunResults(command: "run", seed: 7, cases: cases, warnings: ["a run warning & <b>markup</b>"])
    }

    static func coverage(_ results: RunResults) throws -> ReportCoverage {
        Coverage(registry: try Registry.shared(), cases: results.cases).report
    }
}

enum Registry {
    static func shared() throws -> RequirementRegistry {
        try RequirementRegistry.load(Fixtures.packageRoot.appendingPathComponent(RequirementRegistry.relativePath))
    }
}
