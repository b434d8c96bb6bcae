import CBOR

/// A MIMI content message (draft-ietf-mimi-content-08 §4.1, `mimiContent`): a 7-element CBOR array.
public struct MimiContent: Sendable, Hashable {
    /// Per-message random salt, exactly 16 octets (§4.1).
    public var salt: [UInt8]
    /// {1} The first version of the message this one edits, deletes or unlikes (§4.1, §5.5-5.7).
    public var replaces: MessageID?
    /// {2} Topic (thread) identifier; empty means none (§4.1, §5.11).
    public var topicId: [UInt8]
    /// {3} Expiration hint (§4.1, §5.8).
    public var expires: Expiration?
    /// {4} The message this one replies or reacts to (§4.1).
    public var inReplyTo: MessageID?
    /// {6} The extensions map (§4.3).
    public var extensions: MimiExtensions
    /// {7} The body (§4.4).
    public var nestedPart: NestedPart

    public init(salt: [UInt8], replaces: MessageID? = nil, topicId: [UInt8] = [], expires: Expiration? = nil,
                inReplyTo: MessageID? = nil, extensions: MimiExtensions = MimiExtensions(), nestedPart: NestedPart) {
        self.salt = salt
        self.replaces = replaces
        self.topicId = topicId
        self.expires = expires
        self.inReplyTo = inReplyTo
        self.extensions = extensions
        self.nestedPart = nestedPart
    }
}

/// `Expiration = [relative: bool, time: uint .size 4]` (§4.1): seconds after reading when relative, UNIX seconds
/// when absolute.
public struct Expiration: Sendable, Hashable {
    public var relative: Bool
    public var time: UInt32
    public init(relative: Bool, time: UInt32) {
        self.relative = relative
        self.time = time
    }
}

/// A body part (§4.4 `NestedPart`): disposition, language, then one of the four cardinalities.
public struct NestedPart: Sendable, Hashable {
    public var disposition: Disposition
    /// Empty, or a comma-separated list of RFC 5646 language tags.
    public var language: String
    public var body: PartBody

    public init(disposition: Disposition = .render, language: String = "", body: PartBody) {
        self.disposition = disposition
        self.language = language
        self.body = body
    }

    public var cardinality: Cardinality { body.cardinality }
}

/// The cardinality-specific fields of a part (§4.4): NullPart, SinglePart, ExternalPart or MultiPart.
public enum PartBody: Sendable, Hashable {
    case null
    case single(SinglePart)
    case external(ExternalPart)
    case multi(MultiPart)

    public var cardinality: Cardinality {
        switch self {
        case .null: return .nullpart
        case .single: return .single
        case .external: return .external
        case .multi: return .multi
        }
    }
}

/// §4.4 cardinality values: nullpart 0, single 1, external 2, multi 3.
public enum Cardinality: UInt8, Sendable, Hashable, CaseIterable {
    case nullpart = 0
    case single = 1
    case external = 2
    case multi = 3

    /// The number of elements of a NestedPart array with this cardinality.
    public var arrayLength: Int {
        switch self {
        case .nullpart: return 3
        case .single: return 5
        case .external: return 15
        case .multi: return 5
        }
    }
}

/// `SinglePart = (cardinality: single, contentType: tstr, content: bstr)` (§4.4).
public struct SinglePart: Sendable, Hashable {
    public var contentType: String
    public var content: [UInt8]
    public init(contentType: String, content: [UInt8]) {
        self.contentType = contentType
        self.content = content
    }
}

/// `ExternalPart` (§4.5): content fetched from a URL, usually AEAD-encrypted.
public struct ExternalPart: Sendable, Hashable, Codable {
    public var contentType: String
    public var url: String
    /// UNIX seconds after which the content is invalid; 0 = never.
    public var expires: UInt32
    /// Size of the content in octets; 0 = unknown.
    public var size: UInt64
    /// IANA AEAD algorithm identifier; 0 = not encrypted.
    public var encAlg: UInt16
    public var key: [UInt8]
    public var nonce: [UInt8]
    public var aad: [UInt8]
    /// IANA named-information hash algorithm identifier.
    public var hashAlg: UInt8
    public var contentHash: [UInt8]
    public var description: String
    public var filename: String

    public init(contentType: String, url: String, expires: UInt32 = 0, size: UInt64 = 0, encAlg: UInt16 = 0,
                key: [UInt8] = [], nonce: [UInt8] = [], aad: [UInt8] = [], hashAlg: UInt8 = 0, contentHash: [UInt8] = [],
                description: String = "", filename: String = "") {
        self.contentType = contentType
        self.url = url
        self.expires = expires
        self.size = size
        self.encAlg = encAlg
        self.key = key
        self.nonce = nonce
        self.aad = aad
        self.hashAlg = hashAlg
        self.contentHash = contentHash
        self.description = description
        self.filename = filename
    }
}

/// `MultiPart = (cardinality: multi, partSemantics, parts: [2* NestedPart])` (§4.4).
public struct MultiPart: Sendable, Hashable {
    public var semantics: PartSemantics
    public var parts: [NestedPart]
    public init(semantics: PartSemantics, parts: [NestedPart]) {
        self.semantics = semantics
        self.parts = parts
    }
}

/// Part semantics {9} (§4.4): chooseOne 0, singleUnit 1, processAll 2. Other values are kept so that validation
/// can report them (§9.1: an unknown PartSemantics marks a malicious message).
public enum PartSemantics: Sendable, Hashable {
    case chooseOne
    case singleUnit
    case processAll
    case unknown(UInt64)

    public init(rawValue: UInt64) {
        switch rawValue {
        case 0: self = .chooseOne
        case 1: self = .singleUnit
        case 2: self = .processAll
        default: self = .unknown(rawValue)
        }
    }

    public var rawValue: UInt64 {
        switch self {
        case .chooseOne: return 0
        case .singleUnit: return 1
        case .processAll: return 2
        case .unknown(let v): return v
        }
    }

    public var name: String {
        switch self {
        case .chooseOne: return "chooseOne"
        case .singleUnit: return "singleUnit"
        case .processAll: return "processAll"
        case .unknown(let v): return "unknown(\(v))"
        }
    }
}

/// Disposition {10} (§4.4, registry §8.2.2): 0-8 defined; 9-255 unknown, treated as render (§9.1).
public struct Disposition: Sendable, Hashable, RawRepresentable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let unspecified = Disposition(rawValue: 0)
    public static let render = Disposition(rawValue: 1)
    public static let reaction = Disposition(rawValue: 2)
    public static let profile = Disposition(rawValue: 3)
    public static let inline = Disposition(rawValue: 4)
    public static let icon = Disposition(rawValue: 5)
    public static let attachment = Disposition(rawValue: 6)
    public static let session = Disposition(rawValue: 7)
    public static let preview = Disposition(rawValue: 8)

    static let names = ["unspecified", "render", "reaction", "profile", "inline", "icon", "attachment", "session", "preview"]

    public var isKnown: Bool { rawValue <= 8 }
    /// What a receiver acts on: an unknown value is treated as render (§9.1).
    public var effective: Disposition { isKnown ? self : .render }
    public var name: String { isKnown ? Self.names[Int(rawValue)] : "unknown(\(rawValue))" }

    public init?(name: String) {
        guard let i = Self.names.firstIndex(of: name) else { return nil }
        rawValue = UInt8(i)
    }
}
