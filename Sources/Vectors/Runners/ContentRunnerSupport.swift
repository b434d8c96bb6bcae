import Foundation
import Results
import CBOR
import MIMIContent

/// A published example that is wrong in itself (not the implementation's fault): reported as `skipped` with
/// "vector defect: …" and a warning, never counted as passed and never hidden (see docs/content.md).
struct VectorDefect: Error, CustomStringConvertible {
    let explanation: String
    let expected: String?
    let actual: String?
    var description: String { "vector defect: \(explanation)" }
}

/// Runs one content case, recording each sub-check, and maps its outcome onto a ``CaseResult``:
/// mismatch → failed, ``VectorDefect`` → skipped (with a warning), any other error → error.
enum ContentCase {
    static func run(id: String, source: String, requirements: [String],
                    _ body: (inout [CheckRecord]) throws -> Void) -> CaseResult {
        let clock = ContinuousClock()
        let start = clock.now
        var checks: [CheckRecord] = []
        var result = CaseResult(id: id, status: .passed, requirements: requirements, source: source)
        do {
            try body(&checks)
        } catch let m as VectorMismatch {
            result.status = .failed
            result.message = m.description
            result.expected = m.expected
            result.actual = m.actual
            if let r = m.requirement, !result.requirements.contains(r) { result.requirements.append(r) }
        } catch let d as VectorDefect {
            result.status = .skipped
            result.message = d.description
            result.expected = d.expected
            result.actual = d.actual
            result.warnings.append(d.description)
        } catch let u as VectorUnsupported {
            result.status = .unsupported
            result.message = u.reason
        } catch {
            result.status = .error
            result.message = "\(source): \(error)"
        }
        result.checks = checks
        let elapsed = clock.now - start
        result.durationSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return result
    }

    /// Records a check and throws ``VectorMismatch`` when it failed.
    static func check(_ checks: inout [CheckRecord], _ requirement: String, _ description: String,
                      expected: String, actual: String) throws {
        let passed = expected == actual
        checks.append(CheckRecord(requirement: requirement, description: description, passed: passed, expected: expected, actual: actual))
        if !passed { throw VectorMismatch(field: description, expected: expected, actual: actual, requirement: requirement) }
    }
}

/// The fields of a content example's sidecar `.json` that the runner checks.
struct ContentSidecar: Decodable {
    struct Inputs: Decodable {
        let salt: String?
        let senderUri: String?
        let roomUri: String?
    }
    struct References: Decodable {
        let replaces: String?
        let inReplyTo: String?
        let topicId: String?
    }
    let name: String?
    let draft: String?
    let kind: String?
    let stated_messageId: String?
    let stated_hub_timestamp: String?
    let inputs: Inputs?
    let references: References?
    let problem: String?
    let inReplyTo: String?

    static func load(_ url: URL) throws -> ContentSidecar {
        do {
            return try JSONDecoder().decode(ContentSidecar.self, from: Data(contentsOf: url))
        } catch {
            throw VectorFileError(file: url.lastPathComponent, detail: "sidecar: \(VectorJSON.describe(error))")
        }
    }

    /// The draft whose message-ID construction the example uses.
    var contentDraft: ContentDraft {
        if let d = draft, d.contains("-07") { return .draft07 }
        return .draft08
    }

    /// The hub timestamp in milliseconds, when the example states one (`"1644387225019 = 2022-…"`).
    var hubTimestampMillis: UInt64? {
        guard let s = stated_hub_timestamp else { return nil }
        return UInt64(s.prefix { $0.isNumber })
    }
}

/// The -08 and -07 message IDs of every content example in a directory, by example name, so that a reference can
/// be traced to the example it names (and a stale -07 reference recognised).
struct ExampleIDIndex {
    var ids08: [String: MessageID] = [:]
    var ids07: [String: MessageID] = [:]

    init(directory: URL) {
        let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
        for f in files where f.pathExtension == "cbor" {
            guard let bytes = try? [UInt8](Data(contentsOf: f)),
                  let decoded = try? ContentDecoder.decodeDetailed(bytes, draft: .draft08) else { continue }
            let name = f.deletingPathExtension().lastPathComponent
            let m = decoded.content
            ids08[name] = try? MimiContent.messageID(of: bytes, salt: m.salt, extensions: m.extensions, draft: .draft08)
            ids07[name] = try? MimiContent.messageID(of: bytes, salt: m.salt, extensions: m.extensions, draft: .draft07)
        }
    }

    func name08(_ id: MessageID) -> String? { ids08.first { $0.value == id }?.key }
    func name07(_ id: MessageID) -> String? { ids07.first { $0.value == id }?.key }
}
