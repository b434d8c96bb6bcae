/// The revision of draft-ietf-mimi-content whose rules apply. -08 (the editor's copy) is the default; -07 is the
/// last published revision. They differ in the message ID (§3.3: -08 adds 16-bit length prefixes), in the
/// extension value size limit (-07 §4.3 `any .size (0..4095)`, removed in -08) and in the CBOR restrictions of
/// -08 §6, which -07 does not have.
public enum ContentDraft: String, Sendable, Hashable, CaseIterable, Codable {
    case draft07 = "07"
    case draft08 = "08"

    public static let `default` = ContentDraft.draft08

    /// `draft-ietf-mimi-content-08`.
    public var name: String { "draft-ietf-mimi-content-\(rawValue)" }

    /// Parses `07`, `08`, `-07`, `draft-07` and `draft-ietf-mimi-content-07`.
    public init?(argument: String) {
        let digits = argument.filter(\.isNumber)
        switch digits.suffix(2) {
        case "07", "7": self = .draft07
        case "08", "8": self = .draft08
        default: return nil
        }
    }
}

/// A requirement of the content draft (or of a document it depends on) that a check enforces: the document,
/// section, RFC 2119 level (or `discard` for the §9.1 "treat as malicious, log and discard" list) and a short text.
public struct ContentRequirement: Sendable, Hashable, Codable, CustomStringConvertible {
    public let document: String
    public let section: String
    public let level: String
    public let text: String

    public init(document: String, section: String, level: String, text: String) {
        self.document = document
        self.section = section
        self.level = level
        self.text = text
    }

    /// `draft-ietf-mimi-content-08 §6.3 MUST NOT`.
    public var citation: String { "\(document) §\(section) \(level)" }
    public var description: String { "\(citation): \(text)" }
}
