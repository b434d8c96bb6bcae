import Foundation
import Results
import CBOR
import MIMIContent
import TLSCodec

/// Runs the published MIMI content examples (draft-ietf-mimi-content-08 §5 and Appendix B, `mimi-content/<dir>/*.cbor`
/// with their `.json` sidecars), the stale inline hex of the -08 markdown (`md-inline-stale/*.hex`), the implied
/// values example, and the message-status example (`mimi-message-status/status.cbor`,
/// draft-mahy-mimi-message-status-01).
///
/// Each content example must decode under the strict rules, re-encode byte for byte, yield the message ID its
/// sidecar states, carry the salt, URIs and references the sidecar lists, and raise no error finding. A stated value
/// that is wrong in the example itself is reported as a vector defect (`skipped`, with the explanation).
public struct ContentExampleRunner: VectorRunner {
    public init() {}
    public var name: String { "mimi-content" }

    public func accepts(relativePath p: String) -> Bool {
        if p.contains("mimi-message-status/") { return p.hasSuffix(".cbor") }
        guard p.contains("mimi-content/") else { return false }
        if p.contains("/md-inline-stale/") { return p.hasSuffix(".hex") }
        return p.hasSuffix(".cbor")
    }

    /// Files beside the examples that this runner reads as sidecars rather than as cases.
    public static func isSidecar(relativePath p: String) -> Bool {
        guard p.contains("mimi-content/") || p.contains("mimi-message-status/") else { return false }
        if p.hasSuffix("INDEX.md") || p.hasSuffix(".cddl") { return true }
        if p.contains("/md-inline-stale/") { return p.hasSuffix(".json") }
        return [".json", ".edn", ".pretty", ".hex"].contains { p.hasSuffix($0) }
    }

    public func run(_ source: VectorSource) -> [CaseResult] {
        let id = String(source.relativePath.dropLast(source.url.pathExtension.count + 1))
        let path = source.relativePath
        if path.contains("mimi-message-status/") {
            return [ContentCase.run(id: id, source: path, requirements: ["draft-mahy-mimi-message-status-01 §3"]) { checks in
                try runStatus(source, &checks)
            }]
        }
        if path.contains("/md-inline-stale/") {
            return [ContentCase.run(id: id, source: path, requirements: ["draft-ietf-mimi-content-08 §3.3", "draft-ietf-mimi-content-08 §5"]) { checks in
                try runStaleInline(source, &checks)
            }]
        }
        return [ContentCase.run(id: id, source: path, requirements: ["draft-ietf-mimi-content-08 §3.3", "draft-ietf-mimi-content-08 §6.1"]) { checks in
            let sidecar = try ContentSidecar.load(source.url.deletingPathExtension().appendingPathExtension("json"))
            if let kind = sidecar.kind, kind.contains("MessageDerivedValues") {
                try runDerived(source, &checks)
            } else {
                try runExample(source, sidecar, &checks)
            }
        }]
    }

    func runExample(_ source: VectorSource, _ sidecar: ContentSidecar, _ checks: inout [CheckRecord]) throws {
        let draft = sidecar.contentDraft
        let decoded = try ContentDecoder.decodeDetailed(source.bytes, draft: draft)
        let m = decoded.content
        try ContentCase.check(&checks, "\(draft.name) §6.1 MUST", "re-encodes byte-identically (deterministic CBOR)",
                              expected: source.bytes.hex, actual: m.encoded.hex)
        if let i = sidecar.inputs {
            if let salt = i.salt { try ContentCase.check(&checks, "\(draft.name) §4.1", "salt", expected: salt, actual: m.salt.hex) }
            if let s = i.senderUri { try ContentCase.check(&checks, "\(draft.name) §4.3", "senderUri (extension 1)", expected: s, actual: m.extensions.senderUri ?? "(none)") }
            if let r = i.roomUri { try ContentCase.check(&checks, "\(draft.name) §4.3", "roomUri (extension 2)", expected: r, actual: m.extensions.roomUri ?? "(none)") }
        }
        let index = ExampleIDIndex(directory: source.url.deletingLastPathComponent())
        if let refs = sidecar.references {
            try ContentCase.check(&checks, "\(draft.name) §4.1", "replaces", expected: refs.replaces ?? "null", actual: m.replaces?.hex ?? "null")
            try ContentCase.check(&checks, "\(draft.name) §4.1", "inReplyTo", expected: refs.inReplyTo ?? "null", actual: m.inReplyTo?.hex ?? "null")
            try ContentCase.check(&checks, "\(draft.name) §4.1", "topicId", expected: refs.topicId ?? "", actual: m.topicId.hex)
        }
        // A reference must name another example by its ID under the same draft (a -07 ID here is a stale example).
        for (field, ref) in [("replaces", m.replaces), ("inReplyTo", m.inReplyTo)] {
            guard let ref, draft == .draft08, index.name08(ref) == nil, let stale = index.name07(ref) else { continue }
            throw VectorDefect(explanation: "\(field) holds the -07 message ID of '\(stale)' (\(ref.hex)); its -08 ID is \(index.ids08[stale]?.hex ?? "?")",
                               expected: index.ids08[stale]?.hex, actual: ref.hex)
        }
        let computed = try MimiContent.messageID(of: source.bytes, salt: m.salt, extensions: m.extensions, draft: draft)
        if let stated = sidecar.stated_messageId {
            if stated != computed.hex {
                let other = try MimiContent.messageID(of: source.bytes, salt: m.salt, extensions: m.extensions,
                                                      draft: draft == .draft08 ? .draft07 : .draft08)
                if stated == other.hex {
                    throw VectorDefect(explanation: "the stated message ID is the \(draft == .draft08 ? "-07" : "-08") construction of this message, not the \(draft.name) one",
                                       expected: computed.hex, actual: stated)
                }
            }
            try ContentCase.check(&checks, "\(draft.name) §3.3 MUST", "message ID (\(draft.name) construction)", expected: stated, actual: computed.hex)
        }
        let context = ValidationContext(draft: draft, now: sidecar.hubTimestampMillis.map { $0 / 1000 },
                                        hubTimestampMillis: sidecar.hubTimestampMillis)
        let errors = ContentValidator.validate(decoded, context: context).filter(\.isError)
        try ContentCase.check(&checks, "HARNESS-content-examplesValid", "semantic validation (\(draft.name) §6, §9.1) finds no error",
                              expected: "no errors", actual: errors.isEmpty ? "no errors" : errors.map(\.description).joined(separator: "; "))
    }

    func runStaleInline(_ source: VectorSource, _ checks: inout [CheckRecord]) throws {
        let text = String(decoding: source.bytes, as: UTF8.self).filter { !$0.isWhitespace }
        let bytes = try [UInt8](hex: text)
        let decoded = try ContentDecoder.decodeDetailed(bytes)
        let m = decoded.content
        try ContentCase.check(&checks, "draft-ietf-mimi-content-08 §6.1 MUST", "re-encodes byte-identically",
                              expected: bytes.hex, actual: m.encoded.hex)
        let dir = source.url.deletingLastPathComponent().deletingLastPathComponent()
        let sibling = try ContentSidecar.load(dir.appendingPathComponent(source.stem + ".json"))
        let index = ExampleIDIndex(directory: dir)
        let computed = try MimiContent.messageID(of: bytes, salt: m.salt, extensions: m.extensions, draft: .draft08)
        guard let stated = sibling.stated_messageId else { throw VectorUnsupported("no stated message ID for \(source.stem)") }
        if computed.hex != stated, let ref = m.inReplyTo, index.name08(ref) == nil, let stale = index.name07(ref) {
            throw VectorDefect(explanation: "the inline hex of '\(source.stem)' in the -08 markdown carries inReplyTo = \(ref.hex), the -07 ID of '\(stale)' (its -08 ID is \(index.ids08[stale]?.hex ?? "?")), so its ID is \(computed.hex), not the stated \(stated); examples/\(source.stem).cbor is correct",
                               expected: stated, actual: computed.hex)
        }
        try ContentCase.check(&checks, "draft-ietf-mimi-content-08 §3.3 MUST", "message ID (-08 construction)", expected: stated, actual: computed.hex)
    }

    func runDerived(_ source: VectorSource, _ checks: inout [CheckRecord]) throws {
        let v = try MessageDerivedValues.decode(source.bytes)
        try ContentCase.check(&checks, "draft-ietf-mimi-content-08 §6.1 MUST", "re-encodes byte-identically",
                              expected: source.bytes.hex, actual: v.encoded.hex)
        let index = ExampleIDIndex(directory: source.url.deletingLastPathComponent())
        let target = source.stem.hasPrefix("implied-") ? String(source.stem.dropFirst("implied-".count)) : source.stem
        guard let expected = index.ids08[target] else { throw VectorUnsupported("no example '\(target)' beside \(source.stem)") }
        if v.messageId != expected, index.ids07[target] == v.messageId {
            throw VectorDefect(explanation: "\(source.stem) holds the -07 message ID of '\(target)' (\(v.messageId.hex)); its -08 ID, as the .edn shows, is \(expected.hex)",
                               expected: expected.hex, actual: v.messageId.hex)
        }
        try ContentCase.check(&checks, "draft-ietf-mimi-content-08 §3.3 MUST", "messageId equals the -08 ID of '\(target)'",
                              expected: expected.hex, actual: v.messageId.hex)
    }

    func runStatus(_ source: VectorSource, _ checks: inout [CheckRecord]) throws {
        let report = try MessageStatusReport.decode(source.bytes)
        try ContentCase.check(&checks, "draft-mahy-mimi-message-status-01 §3", "re-encodes byte-identically",
                              expected: source.bytes.hex, actual: report.encoded.hex)
        let examples = source.url.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("mimi-content/draft-08-editors-copy")
        let index = ExampleIDIndex(directory: examples)
        guard !index.ids08.isEmpty else {
            throw VectorUnsupported("the content examples (mimi-content/draft-08-editors-copy) are not beside the status example, so its message IDs cannot be traced")
        }
        for (i, e) in report.entries.enumerated() {
            let name = index.name08(e.messageId)
            if name == nil, let stale = index.name07(e.messageId) {
                throw VectorDefect(explanation: "entry \(i) names the -07 ID of '\(stale)'", expected: index.ids08[stale]?.hex, actual: e.messageId.hex)
            }
            guard let name else {
                throw VectorMismatch(field: "entry \(i) messageId", expected: "the -08 ID of a content example",
                                     actual: e.messageId.hex, requirement: "draft-mahy-mimi-message-status-01 §3")
            }
            checks.append(CheckRecord(requirement: "draft-mahy-mimi-message-status-01 §3",
                                      description: "entry \(i): the -08 ID of '\(name)' is \(e.status.name)", passed: true))
        }
    }
}
