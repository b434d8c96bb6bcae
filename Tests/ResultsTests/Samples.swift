import Results

/// A run with one case of every status and every optional field, including text that needs escaping.
enum Samples {
    static let hostile = "a<b & c>\"d\" 'e' \u{0}\u{1B}[31m\tline1\nline2 ü 🎉"

    static var run: RunResults {
        let cases = [
            CaseResult(id: "mls/key-schedule/0", status: .passed, cipherSuite: 1, requirements: ["RFC9420 §8"],
                       durationSeconds: 0.001, source: "mls/key-schedule.json"),
            CaseResult(id: "mls/key-schedule/1", status: .failed, cipherSuite: 2, requirements: ["RFC9420 §8.5"],
                       durationSeconds: 0.002, message: "exporter.secret: computed value differs from the vector",
                       expected: "00ff", actual: "00fe", party: "alice", source: "mls/key-schedule.json",
                       checks: [CheckRecord(requirement: "RFC9420 §8.5", description: "exporter", passed: false,
                                            expected: "00ff", actual: "00fe")]),
            CaseResult(id: "mls/key-schedule/3", status: .unsupported, cipherSuite: 4, requirements: ["RFC9420 §8"],
                       message: "cipher suite 4 (X448) is not supported", source: "mls/key-schedule.json"),
            CaseResult(id: "mls/key-schedule/checksum", status: .error, message: hostile,
                       expected: "aa", actual: "bb", source: "mls/key-schedule.json", warnings: ["checksum mismatch"]),
            CaseResult(id: "scenarios/flows/leave", status: .skipped, message: "needs a remote hub",
                       source: "Scenarios/flows.yaml",
                       transcript: [TranscriptEntry(index: 0, from: "alice", to: "hub", method: "POST", path: "/x",
                                                    status: 200, bodyHex: "0001", decoded: "x")]),
            CaseResult(id: "loose", status: .passed),
        ]
        return RunResults(command: "vectors --report-dir R", seed: 7, cases: cases, warnings: ["unverified source: x.json"])
    }
}
