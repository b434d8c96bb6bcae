import Crypto

/// A MIMI message ID (draft-ietf-mimi-content-08 §3.3): one octet naming the hash algorithm (0x01 = SHA-256 in the
/// IANA named-information registry) followed by the first 31 octets of the hash output; 32 octets in all.
public struct MessageID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let bytes: [UInt8]

    /// The size of every message ID (`MessageId = bstr .size 32`).
    public static let size = 32
    /// The IANA named-information identifier of SHA-256, the only algorithm the draft defines.
    public static let sha256: UInt8 = 0x01

    /// Wraps 32 octets; nil for any other length.
    public init?(_ bytes: [UInt8]) {
        guard bytes.count == Self.size else { return nil }
        self.bytes = bytes
    }

    public var hashAlgorithm: UInt8 { bytes[0] }
    public var hex: String { bytes.map { String($0 >> 4, radix: 16) + String($0 & 0xf, radix: 16) }.joined() }
    public var description: String { hex }

    /// Lexical order, used to break timestamp ties (draft-ietf-mimi-content-08 §5.11).
    public static func < (a: MessageID, b: MessageID) -> Bool { a.bytes.lexicographicallyPrecedes(b.bytes) }

    /// Computes the ID of an encoded message (§3.3):
    /// `0x01 || SHA-256(len16(s) || s || len16(r) || r || message || salt)[0..30]` for -08, and the same without the
    /// two big-endian 16-bit lengths for -07. `s` and `r` are the UTF-8 octets of the sender and room URIs; the
    /// length counts octets.
    public static func compute(message: [UInt8], salt: [UInt8], senderUri: String, roomUri: String,
                               draft: ContentDraft = .default) throws(ContentError) -> MessageID {
        let s = Array(senderUri.utf8)
        let r = Array(roomUri.utf8)
        var input: [UInt8] = []
        input.reserveCapacity(s.count + r.count + message.count + salt.count + 4)
        switch draft {
        case .draft08:
            guard s.count <= 0xffff else { throw ContentError.uriTooLong("senderUri", length: s.count) }
            guard r.count <= 0xffff else { throw ContentError.uriTooLong("roomUri", length: r.count) }
            input += [UInt8(s.count >> 8), UInt8(s.count & 0xff)] + s + [UInt8(r.count >> 8), UInt8(r.count & 0xff)] + r
        case .draft07:
            input += s + r
        }
        input += message
        input += salt
        let digest = Array(SHA256.hash(data: input))
        return MessageID(uncheckedBytes: [sha256] + digest.prefix(31))
    }
}

extension MessageID {
    /// For values whose length is 32 by construction (a SHA-256 prefix).
    fileprivate init(uncheckedBytes: [UInt8]) { bytes = uncheckedBytes }
}

extension ContentError {
    /// A URI longer than the 16-bit length prefix of the -08 message ID input (§3.3).
    static func uriTooLong(_ field: String, length: Int) -> ContentError {
        ContentError(.uriTooLong, at: nil, field: field,
                     "\(field) is \(length) octets; the -08 message ID prefixes it with a 16-bit length",
                     requirement: "draft-ietf-mimi-content-08 §3.3")
    }

    /// No URI for the message ID input (§3.3).
    static func missingUri(_ field: String) -> ContentError {
        ContentError(.missingUri, at: nil, field: field,
                     "no \(field): the message ID needs the sender and room URIs; give them explicitly",
                     requirement: "draft-ietf-mimi-content-08 §3.3")
    }
}
