/// Counts of cases by status, and of findings: the `summary` object of results.json (see docs/results.schema.json).
public struct Summary: Codable, Sendable, Hashable {
    public var passed = 0
    public var failed = 0
    public var unsupported = 0
    public var skipped = 0
    public var error = 0
    /// Findings over all cases (``Finding``): SHOULD-level and policy checks that did not hold. They never change
    /// ``isSuccess``.
    public var findings = 0

    public init() {}

    public init(_ cases: [CaseResult]) {
        for c in cases {
            add(c.status)
            findings += c.findings.count
        }
    }

    enum CodingKeys: String, CodingKey { case passed, failed, unsupported, skipped, error, findings }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        passed = try c.decode(Int.self, forKey: .passed)
        failed = try c.decode(Int.self, forKey: .failed)
        unsupported = try c.decode(Int.self, forKey: .unsupported)
        skipped = try c.decode(Int.self, forKey: .skipped)
        error = try c.decode(Int.self, forKey: .error)
        findings = try c.decodeIfPresent(Int.self, forKey: .findings) ?? 0
    }

    public mutating func add(_ status: CaseStatus) {
        switch status {
        case .passed: passed += 1
        case .failed: failed += 1
        case .unsupported: unsupported += 1
        case .skipped: skipped += 1
        case .error: error += 1
        }
    }

    public var total: Int { passed + failed + unsupported + skipped + error }
    /// True when nothing failed or errored: the condition for exit code 0.
    public var isSuccess: Bool { failed == 0 && error == 0 }
}

/// A whole run: what results.json holds.
public struct RunResults: Codable, Sendable {
    public var tool: String
    public var version: String
    public var command: String
    public var seed: UInt64?
    public var summary: Summary
    public var cases: [CaseResult]
    /// Run-level warnings (e.g. vector files of unverified source).
    public var warnings: [String]

    public init(tool: String = "mimi-harness", version: String = HarnessVersion.current, command: String,
                seed: UInt64? = nil, cases: [CaseResult], warnings: [String] = []) {
        self.tool = tool
        self.version = version
        self.command = command
        self.seed = seed
        self.cases = cases
        self.summary = Summary(cases)
        self.warnings = warnings
    }
}

/// The harness's version string, recorded in every report.
public enum HarnessVersion {
    public static let current = "0.1.0"
}
