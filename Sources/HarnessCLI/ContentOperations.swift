import Foundation
import CBOR
import MIMIContent

/// The work behind `mimi-harness content …`, as functions that return text, so tests can call them directly.
public enum ContentOperations {
    /// Output of a subcommand: what to print, and whether the input was acceptable (exit status 0).
    public struct Output: Sendable {
        public let text: String
        public let ok: Bool
    }

    /// `decode`: annotated EDN for a MIMI content message; otherwise generic EDN of any strictly decoded CBOR item
    /// (message-status reports included), with a note saying why it is not a content message.
    public static func decode(_ bytes: [UInt8], draft: ContentDraft = .default, plain: Bool = false) -> Output {
        if !plain, let decoded = try? ContentDecoder.decodeDetailed(bytes, draft: draft) {
            let id = try? MimiContent.messageID(of: bytes, salt: decoded.content.salt, extensions: decoded.content.extensions, draft: draft)
            return Output(text: ContentEDN.render(decoded.content, messageID: id), ok: true)
        }
        do {
            let value = try CBORDecoder.decode(bytes, options: ContentDecoder.cborOptions(for: draft))
            var text = EDN.renderPretty(value) + "\n"
            if !plain, let report = try? MessageStatusReport.decode(bytes) {
                text = "# application/mimi-message-status: " + report.entries.map { "\($0.messageId.hex.prefix(12))… \($0.status.name)" }.joined(separator: ", ") + "\n" + text
            } else if !plain {
                do { _ = try ContentDecoder.decode(bytes, draft: draft) } catch { text = "# not a MIMI content message: \(error)\n" + text }
            }
            return Output(text: text, ok: true)
        } catch {
            return Output(text: "invalid CBOR: \(error)\n", ok: false)
        }
    }

    /// `validate`: the decoding error, or every finding; not ok when there is an error (or, with `strict`, any
    /// finding at all).
    public static func validate(_ bytes: [UInt8], context: ValidationContext, strict: Bool = false) -> Output {
        let decoded: ContentDecoder.Decoded
        do {
            decoded = try ContentDecoder.decodeDetailed(bytes, draft: context.draft)
        } catch {
            return Output(text: "invalid: \(error)\n", ok: false)
        }
        let findings = ContentValidator.validate(decoded, context: context)
        let errors = findings.filter(\.isError).count
        var text = ""
        if let id = try? MimiContent.messageID(of: bytes, salt: decoded.content.salt, extensions: decoded.content.extensions, draft: context.draft) {
            text += "message ID (\(context.draft.name)): \(id.hex)\n"
        }
        text += "kind: \(MessageKind(decoded.content).rawValue), parts: \(PartIndex.enumerate(decoded.content.nestedPart).count)\n"
        for f in findings { text += f.description + "\n" }
        let ok = errors == 0 && (!strict || findings.isEmpty)
        text += ok ? "valid (\(findings.count) warning(s))\n" : "invalid: \(errors) error(s), \(findings.count - errors) warning(s)\n"
        return Output(text: text, ok: ok)
    }

    /// `encode`: the deterministic encoding of the message a YAML or JSON description describes.
    public static func encode(spec: String, seed: UInt64 = 0) throws -> [UInt8] {
        try ContentSpec.build(yaml: spec, seed: seed).encoded
    }

    /// `id`: the message ID as lowercase hex.
    public static func messageID(_ bytes: [UInt8], draft: ContentDraft, senderUri: String? = nil, roomUri: String? = nil) throws -> String {
        let m = try ContentDecoder.decode(bytes, draft: draft)
        return try MimiContent.messageID(of: bytes, salt: m.salt, extensions: m.extensions, draft: draft,
                                         senderUri: senderUri, roomUri: roomUri).hex
    }
}
