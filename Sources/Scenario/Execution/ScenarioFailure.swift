import Results

/// Why a scenario failed: at which step, which check (with its requirement), expected vs actual, and the party
/// blamed (the sender of the offending message, or the party whose answer was wrong).
public struct ScenarioFailure: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// 0-based index of the failing top-level step.
    public var stepIndex: Int
    public var location: SourceLocation
    public var stepKind: String
    public var requirement: String
    public var message: String
    public var expected: String
    public var actual: String
    public var party: String?

    public init(stepIndex: Int, location: SourceLocation, stepKind: String, requirement: String, message: String,
                expected: String, actual: String, party: String?) {
        self.stepIndex = stepIndex
        self.location = location
        self.stepKind = stepKind
        self.requirement = requirement
        self.message = message
        self.expected = expected
        self.actual = actual
        self.party = party
    }

    public var description: String {
        var s = "\(location): step \(stepIndex + 1) (\(stepKind)): \(message) [\(requirement)]"
        s += "\n  expected: \(expected)\n  actual:   \(actual)"
        if let party { s += "\n  blamed:   \(party)" }
        return s
    }
}

/// The whole outcome of running one scenario.
public struct ScenarioRunOutcome: Sendable {
    public var status: CaseStatus
    public var failure: ScenarioFailure?
    /// Set when the world itself broke (status `error`).
    public var errorMessage: String?
    public var checks: [CheckRecord]
    public var transcript: [TranscriptEntry]
    public var stepsRun: Int

    public init(status: CaseStatus, failure: ScenarioFailure? = nil, errorMessage: String? = nil, checks: [CheckRecord],
                transcript: [TranscriptEntry], stepsRun: Int) {
        self.status = status
        self.failure = failure
        self.errorMessage = errorMessage
        self.checks = checks
        self.transcript = transcript
        self.stepsRun = stepsRun
    }
}
