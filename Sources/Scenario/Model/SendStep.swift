/// `send`: a client sends an application message with MIMI content (draft-ietf-mimi-content-08) to a room,
/// through /submitMessage and the hub's fan-out (draft-ietf-mimi-protocol-06).
public struct SendStep: Sendable, Hashable {
    public var by: ClientRef
    public var room: String
    /// Name later steps use to refer to this message (`as: m1`).
    public var label: String?
    public var content: ContentSpec
    /// Whether the client asks for a frank (frank_aad in the SafeAAD); default true.
    public var frank: Bool
    /// Topic identifier (content `topicId`), UTF-8.
    public var topic: String?

    public init(by: ClientRef, room: String, label: String? = nil, content: ContentSpec, frank: Bool = true,
                topic: String? = nil) {
        self.by = by
        self.room = room
        self.label = label
        self.content = content
        self.frank = frank
        self.topic = topic
    }
}

/// The content kinds a scenario can send, at the level people think of them (draft-ietf-mimi-content-08
/// §"Message examples"). Message references are labels of earlier `send` steps.
public indirect enum ContentSpec: Sendable, Hashable {
    case text(String)
    case markdown(String)
    case reply(to: String, body: ContentSpec)
    case reaction(to: String, emoji: String)
    /// `replaces` the first version of `of` with a new body.
    case edit(of: String, body: ContentSpec)
    /// `replaces` with a NullPart.
    case delete(of: String)
    /// Retracts a reaction: `replaces` the reaction with a NullPart of disposition reaction.
    case unlike(of: String)
    case expiring(body: ContentSpec, expiration: ContentSemantics.Expiration)
    case attachment(AttachmentSpec)
    case multipart(semantics: PartSemantics.MultiSemantics, parts: [ContentSpec])
    /// A single part with an explicit media type (UTF-8 content).
    case part(contentType: String, content: [UInt8], disposition: PartSemantics.Disposition)

    /// The labels this content refers to.
    public var references: [String] {
        switch self {
        case .text, .markdown, .attachment, .part: return []
        case .reply(let to, let body): return [to] + body.references
        case .reaction(let to, _): return [to]
        case .edit(let of, let body): return [of] + body.references
        case .delete(let of), .unlike(let of): return [of]
        case .expiring(let body, _): return body.references
        case .multipart(_, let parts): return parts.flatMap(\.references)
        }
    }

    /// The kind name used in the file (`text`, `reply`, …).
    public var kindName: String {
        switch self {
        case .text: return "text"
        case .markdown: return "markdown"
        case .reply: return "reply"
        case .reaction: return "reaction"
        case .edit: return "edit"
        case .delete: return "delete"
        case .unlike: return "unlike"
        case .expiring: return "expiring"
        case .attachment: return "attachment"
        case .multipart: return "multipart"
        case .part: return "part"
        }
    }
}

/// An attachment as an ExternalPart (draft-ietf-mimi-content-08 §"External content"): the world uploads nothing,
/// but fills the key, nonce and content hash from the seed when `encrypted` is set.
public struct AttachmentSpec: Sendable, Hashable {
    public var contentType: String
    public var url: String
    public var size: UInt64
    public var filename: String
    public var description: String
    public var encrypted: Bool

    public init(contentType: String, url: String, size: UInt64 = 0, filename: String = "", description: String = "",
                encrypted: Bool = true) {
        self.contentType = contentType
        self.url = url
        self.size = size
        self.filename = filename
        self.description = description
        self.encrypted = encrypted
    }
}
