/// One conformance case: a vector case, a scenario or a single check, with its verdict and the evidence (issue 2
/// item 7; the `case` object of docs/results.schema.json).
///
/// `id` is stable across runs and names the source and index (`mls/key-schedule/3`, `scenarios/flows/leave`).
/// On failure `message` says what went wrong and `expected`/`actual` hold the values compared (hex for bytes).
public struct CaseResult: Codable, Sendable, Hashable {
    public var id: String
    public var status: CaseStatus
    /// MLS cipher suite, where the case has one.
    public var cipherSuite: UInt16?
    /// Requirement ids or citations the case checks (e.g. `RFC9420 §8.5`).
    public var requirements: [String]
    public var durationSeconds: Double
    public var message: String?
    public var expected: String?
    public var actual: String?
    /// The party that sent the offending message, when a failure is blamed on one.
    public var party: String?
    /// Source file the case came from (vector file or scenario file).
    public var source: String?
    /// Non-fatal remarks (e.g. "unverified source").
    public var warnings: [String]
    /// SHOULD-level and policy checks that did not hold: shown beside failures, never failing the case.
    public var findings: [Finding]
    /// The sub-checks the case made, in order.
    public var checks: [CheckRecord]
    /// Wire transcript, when the case exchanged messages.
    public var transcript: [TranscriptEntry]

    public init(id: String, status: CaseStatus, cipherSuite: UInt16? = nil, requirements: [String] = [],
                durationSeconds: Double = 0, message: String? = nil, expected: String? = nil, actual: String? = nil,
                party: String? = nil, source: String? = nil, warnings: [String] = [], findings: [Finding] = [],
                checks: [CheckRecord] = [], transcript: [TranscriptEntry] = []) {
        self.id = id
        self.status = status
        self.cipherSuite = cipherSuite
        self.requirements = requirements
        self.durationSeconds = durationSeconds
        self.message = message
        self.expected = expected
        self.actual = actual
        self.party = party
        self.source = source
        self.warnings = warnings
        self.findings = findings
        self.checks = checks
        self.transcript = transcript
    }

    enum CodingKeys: String, CodingKey {
        case id, status, cipherSuite = "cipher_suite", requirements, durationSeconds = "duration_seconds", message,
             expected, actual, party, source, warnings, findings, checks, transcript
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        status = try c.decode(CaseStatus.self, forKey: .status)
        cipherSuite = try c.decodeIfPresent(UInt16.self, forKey: .cipherSuite)
        requirements = try c.decodeIfPresent([String].self, forKey: .requirements) ?? []
        durationSeconds = try c.decodeIfPresent(Double.self, forKey: .durationSeconds) ?? 0
        message = try c.decodeIfPresent(String.self, forKey: .message)
        expected = try c.decodeIfPresent(String.self, forKey: .expected)
        actual = try c.decodeIfPresent(String.self, forKey: .actual)
        party = try c.decodeIfPresent(String.self, forKey: .party)
        source = try c.decodeIfPresent(String.self, forKey: .source)
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
        findings = try c.decodeIfPresent([Finding].self, forKey: .findings) ?? []
        checks = try c.decodeIfPresent([CheckRecord].self, forKey: .checks) ?? []
        transcript = try c.decodeIfPresent([TranscriptEntry].self, forKey: .transcript) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(cipherSuite, forKey: .cipherSuite)
        try c.encode(requirements, forKey: .requirements)
        try c.encode(durationSeconds, forKey: .durationSeconds)
        try c.encodeIfPresent(message, forKey: .message)
        try c.encodeIfPresent(expected, forKey: .expected)
        try c.encodeIfPresent(actual, forKey: .actual)
        try c.encodeIfPresent(party, forKey: .party)
        try c.encodeIfPresent(source, forKey: .source)
        if !warnings.isEmpty { try c.encode(warnings, forKey: .warnings) }
        if !findings.isEmpty { try c.encode(findings, forKey: .findings) }
        if !checks.isEmpty { try c.encode(checks, forKey: .checks) }
        if !transcript.isEmpty { try c.encode(transcript, forKey: .transcript) }
    }
}

/// One requirement check made inside a case, with its citation and verdict.
public struct CheckRecord: Codable, Sendable, Hashable {
    public var requirement: String
    public var description: String
    public var passed: Bool
    public var expected: String?
    public var actual: String?

    public init(requirement: String, description: String, passed: Bool, expected: String? = nil, actual: String? = nil) {
        self.requirement = requirement
        self.description = description
        self.passed = passed
        self.expected = expected
        self.actual = actual
    }
}

/// One message exchanged during a case (Autobahn-style wire log): who sent it to whom, and the bytes.
public struct TranscriptEntry: Codable, Sendable, Hashable {
    public var index: Int
    public var from: String
    public var to: String
    public var method: String?
    public var path: String?
    public var status: Int?
    /// Hex of the body bytes.
    public var bodyHex: String
    /// Human-readable decoded form of the body.
    public var decoded: String?

    public init(index: Int, from: String, to: String, method: String? = nil, path: String? = nil, status: Int? = nil,
                bodyHex: String, decoded: String? = nil) {
        self.index = index
        self.from = from
        self.to = to
        self.method = method
        self.path = path
        self.status = status
        self.bodyHex = bodyHex
        self.decoded = decoded
    }

    enum CodingKeys: String, CodingKey {
        case index, from, to, method, path, status, bodyHex = "body_hex", decoded
    }
}
