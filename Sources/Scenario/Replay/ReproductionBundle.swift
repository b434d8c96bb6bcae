import Foundation
import Results

/// What a failing case leaves behind so anyone can reproduce it: a copy of the scenario file, the seed, the world
/// and implementation binding, the failure, and the wire transcript (DEVELOPERS.md, "Developers reproduce a bug
/// from one scenario file: same seed, same bytes, same failure").
///
/// Layout of `<report-dir>/bundles/<case>/`: `bundle.json` (this struct), `transcript.json` (the transcript,
/// canonical JSON: the replay compares it byte for byte), and the scenario file under its own name.
public struct ReproductionBundle: Codable, Sendable, Hashable {
    public static let format = "mimi-harness-bundle/1"
    public static let manifestName = "bundle.json"
    public static let transcriptName = "transcript.json"

    public var format: String
    public var caseId: String
    public var scenarioFile: String
    public var seed: UInt64
    public var world: String
    public var implementations: [String: String]
    public var status: CaseStatus
    public var failure: ScenarioFailure?
    public var errorMessage: String?
    public var harnessVersion: String
    /// Not stored in bundle.json (it has its own file).
    public var transcript: [TranscriptEntry]

    enum CodingKeys: String, CodingKey {
        case format, caseId = "case_id", scenarioFile = "scenario_file", seed, world, implementations, status, failure,
             errorMessage = "error_message", harnessVersion = "harness_version"
    }

    public init(caseId: String, scenarioFile: String, seed: UInt64, world: String, implementations: [String: String],
                status: CaseStatus, failure: ScenarioFailure?, errorMessage: String?, transcript: [TranscriptEntry]) {
        self.format = Self.format
        self.caseId = caseId
        self.scenarioFile = scenarioFile
        self.seed = seed
        self.world = world
        self.implementations = implementations
        self.status = status
        self.failure = failure
        self.errorMessage = errorMessage
        self.harnessVersion = HarnessVersion.current
        self.transcript = transcript
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        caseId = try c.decode(String.self, forKey: .caseId)
        scenarioFile = try c.decode(String.self, forKey: .scenarioFile)
        seed = try c.decode(UInt64.self, forKey: .seed)
        world = try c.decode(String.self, forKey: .world)
        implementations = try c.decodeIfPresent([String: String].self, forKey: .implementations) ?? [:]
        status = try c.decode(CaseStatus.self, forKey: .status)
        failure = try c.decodeIfPresent(ScenarioFailure.self, forKey: .failure)
        errorMessage = try c.decodeIfPresent(String.self, forKey: .errorMessage)
        harnessVersion = try c.decodeIfPresent(String.self, forKey: .harnessVersion) ?? ""
        transcript = []
    }

    /// The canonical encoding of a transcript, compared byte for byte by the replay.
    public static func encodeTranscript(_ t: [TranscriptEntry]) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try e.encode(t)
    }

    /// A directory name for a case id (`scenarios/flows/leave` → `scenarios-flows-leave`).
    public static func directoryName(for caseId: String) -> String {
        String(caseId.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." ? $0 : "-" })
    }

    /// Writes the bundle below `directory` and returns the bundle's own directory.
    @discardableResult
    public func write(into directory: URL, scenarioText: String) throws -> URL {
        let dir = directory.appendingPathComponent(Self.directoryName(for: caseId), isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        try e.encode(self).write(to: dir.appendingPathComponent(Self.manifestName))
        try Self.encodeTranscript(transcript).write(to: dir.appendingPathComponent(Self.transcriptName))
        try Data(scenarioText.utf8).write(to: dir.appendingPathComponent(scenarioFile))
        return dir
    }

    /// Reads a bundle directory (or its bundle.json).
    public static func read(_ url: URL) throws -> (bundle: ReproductionBundle, directory: URL, transcriptBytes: Data) {
        var dir = url
        if url.lastPathComponent == manifestName { dir = url.deletingLastPathComponent() }
        let manifest = try Data(contentsOf: dir.appendingPathComponent(manifestName))
        var b = try JSONDecoder().decode(ReproductionBundle.self, from: manifest)
        guard b.format == format else { throw ReplayError("unsupported bundle format \(b.format); expected \(format)") }
        let tBytes = try Data(contentsOf: dir.appendingPathComponent(transcriptName))
        b.transcript = try JSONDecoder().decode([TranscriptEntry].self, from: tBytes)
        return (b, dir, tBytes)
    }
}

/// A bundle that cannot be replayed (missing files, wrong format, no world to run it in).
public struct ReplayError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
