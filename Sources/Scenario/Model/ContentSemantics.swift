import MIMIContent

/// The meaning of one MIMI content message (draft-ietf-mimi-content-08 `mimiContent`), without the salt and
/// the sender/room URIs: what a receiver must end up with, compared field by field with what was sent.
///
/// The world encodes it with the harness's CBOR codec and decodes what clients receive back into it, so
/// "received equals sent" is checked on decoded semantics as well as on the message ID.
public struct ContentSemantics: Sendable, Hashable, Codable {
    /// `replaces`: the message ID (32 bytes) of the first version of the message edited or deleted.
    public var replaces: [UInt8]?
    /// `topicId` (empty = no topic).
    public var topicId: [UInt8]
    public var expires: Expiration?
    public var inReplyTo: [UInt8]?
    public var body: PartSemantics

    public init(replaces: [UInt8]? = nil, topicId: [UInt8] = [], expires: Expiration? = nil, inReplyTo: [UInt8]? = nil,
                body: PartSemantics) {
        self.replaces = replaces
        self.topicId = topicId
        self.expires = expires
        self.inReplyTo = inReplyTo
        self.body = body
    }

    /// `Expiration = [relative: bool, time: uint .size 4]`.
    public struct Expiration: Sendable, Hashable, Codable {
        public var relative: Bool
        public var time: UInt32
        public init(relative: Bool, time: UInt32) {
            self.relative = relative
            self.time = time
        }
    }
}

/// One `NestedPart` (draft-ietf-mimi-content-08 §"Message body").
public indirect enum PartSemantics: Sendable, Hashable, Codable {
    case null(disposition: Disposition, language: String)
    case single(disposition: Disposition, language: String, contentType: String, content: [UInt8])
    case external(disposition: Disposition, language: String, ExternalSemantics)
    case multi(disposition: Disposition, language: String, semantics: MultiSemantics, parts: [PartSemantics])

    /// baseDispos values 0–8.
    public enum Disposition: Int, Sendable, Hashable, Codable, CaseIterable {
        case unspecified = 0, render, reaction, profile, inline, icon, attachment, session, preview

        public var name: String { String(describing: self) }
        public init?(name: String) {
            guard let d = Self.allCases.first(where: { $0.name == name }) else { return nil }
            self = d
        }
    }

    /// partSemantics: chooseOne 0, singleUnit 1, processAll 2.
    public enum MultiSemantics: Int, Sendable, Hashable, Codable, CaseIterable {
        case chooseOne = 0, singleUnit, processAll

        public var name: String { String(describing: self) }
        public init?(name: String) {
            guard let s = Self.allCases.first(where: { $0.name == name }) else { return nil }
            self = s
        }
    }

    /// The media types every receiver must handle (draft-ietf-mimi-content-08 §"Required media types").
    public static let plainText = "text/plain;charset=utf-8"
    public static let markdown = "text/markdown;variant=GFM-MIMI"
}

/// An `ExternalPart` (draft-ietf-mimi-content-08 §4.5): the content model's own type, compared field by field.
public typealias ExternalSemantics = ExternalPart
