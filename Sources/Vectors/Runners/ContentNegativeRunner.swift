import Foundation
import Results
import CBOR
import MIMIContent
import TLSCodec

/// One negative vector made by the project (`Vectors/generated/mimi-content-negative/*.json`): an input that breaks
/// exactly one rule and the stable code of the error the harness must report for it.
public struct ContentNegativeVector: Codable, Sendable {
    /// `cbor` (generic CBOR decoding), `content` (decode, then validate one message), `status` (message-status
    /// report) or `conversation` (several messages, cross-message rules).
    public let kind: String
    public let rule: String
    public let requirement: String
    public let draft: String?
    /// Hex of the input (`cbor`, `content`, `status`).
    public let input_hex: String?
    /// Messages of a `conversation` vector; `id` is a claimed message ID that overrides the computed one (used to
    /// model a loop, which SHA-256 makes impossible to build honestly).
    public let messages: [Message]?
    /// `cbor.<code>`, `content.<code>` or `validation.<code>`.
    public let expected_error: String
    /// Receiver clock (UNIX seconds) for the expiry and timestamp checks.
    public let now: UInt64?
    public let hub_timestamp_ms: UInt64?
    public let room_created_ms: UInt64?
    public let members: [String]?

    public struct Message: Codable, Sendable {
        public let hex: String
        public let id: String?
        public let label: String?
    }
}

/// Runs the project's negative vectors: each input must be rejected with exactly the named error (a decoding error
/// code, or an error-severity validation finding when the input decodes).
public struct ContentNegativeRunner: VectorRunner {
    public init() {}
    public var name: String { "mimi-content-negative" }

    public func accepts(relativePath p: String) -> Bool {
        p.contains("mimi-content-negative/") && p.hasSuffix(".json")
    }

    public func run(_ source: VectorSource) -> [CaseResult] {
        let path = source.relativePath
        let tail = path.range(of: "mimi-content-negative/").map { String(path[$0.lowerBound...]) } ?? path
        let id = String(tail.dropLast(".json".count))
        var requirements: [String] = []
        let vector: ContentNegativeVector
        do {
            vector = try JSONDecoder().decode(ContentNegativeVector.self, from: Data(source.bytes))
            requirements = [vector.requirement]
        } catch {
            return [CaseResult(id: id, status: .error, message: "\(path): \(VectorJSON.describe(error))", source: path)]
        }
        return [ContentCase.run(id: id, source: path, requirements: requirements) { checks in
            let actual = try Self.outcome(vector)
            try ContentCase.check(&checks, vector.requirement, "rejected: \(vector.rule)",
                                  expected: vector.expected_error, actual: actual.contains(vector.expected_error) ? vector.expected_error : (actual.isEmpty ? "accepted" : actual.joined(separator: ", ")))
        }]
    }

    /// The identifiers of every error the harness reports for the vector's input (empty when it is accepted).
    public static func outcome(_ v: ContentNegativeVector) throws -> [String] {
        let draft = v.draft.flatMap(ContentDraft.init(argument:)) ?? .default
        switch v.kind {
        case "cbor":
            do {
                _ = try CBORDecoder.decode(try [UInt8](hex: v.input_hex ?? ""))
                return []
            } catch let e as CBORError {
                return [e.identifier]
            }
        case "status":
            do {
                _ = try MessageStatusReport.decode(try [UInt8](hex: v.input_hex ?? ""))
                return []
            } catch let e as ContentError {
                return [e.identifier]
            }
        case "content":
            let context = ValidationContext(draft: draft, now: v.now, hubTimestampMillis: v.hub_timestamp_ms,
                                            roomCreatedMillis: v.room_created_ms, members: v.members.map(Set.init))
            do {
                let findings = try ContentValidator.validate(try [UInt8](hex: v.input_hex ?? ""), context: context)
                return findings.filter(\.isError).map(\.identifier)
            } catch let e as ContentError {
                return [e.identifier]
            }
        case "conversation":
            var received: [ReceivedMessage] = []
            for (i, msg) in (v.messages ?? []).enumerated() {
                let bytes = try [UInt8](hex: msg.hex)
                let m = try ContentDecoder.decode(bytes, draft: draft)
                let id = try msg.id.flatMap { MessageID(try [UInt8](hex: $0)) }
                    ?? MimiContent.messageID(of: bytes, salt: m.salt, extensions: m.extensions, draft: draft)
                received.append(ReceivedMessage(id: id, content: m, label: msg.label ?? "message[\(i)]"))
            }
            return ConversationValidator.validate(received, draft: draft).filter(\.isError).map(\.identifier)
        default:
            throw VectorFileError(file: "negative vector", detail: "unknown kind '\(v.kind)'")
        }
    }
}
