import TLSCodec

/// `Frank` (draft-ietf-mimi-protocol-06 §"Franking"): the hub's binding of an accepted application message, returned
/// in ``SubmitMessageResponse`` and fanned out with the message.
public struct Frank: Hashable, Sendable, TLSCodable {
    /// `uint8 server_frank[32]`.
    public var serverFrank: [UInt8]
    public var frankingSignatureCiphersuite: UInt16
    public var frankingIntegritySignature: [UInt8]

    public init(serverFrank: [UInt8], frankingSignatureCiphersuite: UInt16, frankingIntegritySignature: [UInt8]) {
        self.serverFrank = serverFrank
        self.frankingSignatureCiphersuite = frankingSignatureCiphersuite
        self.frankingIntegritySignature = frankingIntegritySignature
    }

    public init(from reader: inout TLSReader) throws {
        serverFrank = try reader.readBytes(32, "server_frank")
        frankingSignatureCiphersuite = try reader.readUInt16("franking_signature_ciphersuite")
        frankingIntegritySignature = try reader.readOpaque("franking_integrity_signature")
    }

    /// Writes the frank; `serverFrank` must be 32 bytes (shorter values are zero-padded, longer truncated, so the
    /// encoding always has the fixed size).
    public func encode(to writer: inout TLSWriter) {
        writer.writeBytes(Frank.fixed32(serverFrank))
        writer.writeUInt16(frankingSignatureCiphersuite)
        writer.writeOpaque(frankingIntegritySignature)
    }

    static func fixed32(_ bytes: [UInt8]) -> [UInt8] {
        Array((bytes + [UInt8](repeating: 0, count: 32)).prefix(32))
    }
}

/// `FrankAAD` (draft-ietf-mimi-protocol-06 §"Franking"): the `frank_aad` SafeAAD item (component 0x0020) a client
/// puts in a PrivateMessage's authenticated data: `HMAC-SHA256(salt, application_data)`.
public struct FrankAAD: Hashable, Sendable, TLSCodable {
    /// `uint8 franking_tag[32]`.
    public var frankingTag: [UInt8]

    public init(frankingTag: [UInt8]) { self.frankingTag = frankingTag }

    public init(from reader: inout TLSReader) throws {
        frankingTag = try reader.readBytes(32, "franking_tag")
    }

    public func encode(to writer: inout TLSWriter) { writer.writeBytes(Frank.fixed32(frankingTag)) }
}

/// `ServerFrankingContext` (draft-ietf-mimi-protocol-06 §"Franking"): what the hub binds into `server_frank`.
public struct ServerFrankingContext: Hashable, Sendable, TLSCodable {
    public var senderURI: IdentifierUri
    public var roomURI: IdentifierUri
    public var acceptedTimestamp: UInt64

    public init(senderURI: IdentifierUri, roomURI: IdentifierUri, acceptedTimestamp: UInt64) {
        self.senderURI = senderURI
        self.roomURI = roomURI
        self.acceptedTimestamp = acceptedTimestamp
    }

    public init(from reader: inout TLSReader) throws {
        senderURI = try reader.read(IdentifierUri.self, "sender_uri")
        roomURI = try reader.read(IdentifierUri.self, "room_uri")
        acceptedTimestamp = try reader.readUInt64("accepted_timestamp")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(senderURI)
        writer.write(roomURI)
        writer.writeUInt64(acceptedTimestamp)
    }
}

/// `FrankingIntegrityTBS` (draft-ietf-mimi-protocol-06 §"Franking"): signed by the hub's franking key with label
/// "FrankingIntegrityTBS".
public struct FrankingIntegrityTBS: Hashable, Sendable, TLSCodable {
    /// `opaque server_frank[32]`.
    public var serverFrank: [UInt8]
    public var frankingSignatureCiphersuite: UInt16
    public var context: ServerFrankingContext

    public init(serverFrank: [UInt8], frankingSignatureCiphersuite: UInt16, context: ServerFrankingContext) {
        self.serverFrank = serverFrank
        self.frankingSignatureCiphersuite = frankingSignatureCiphersuite
        self.context = context
    }

    public init(from reader: inout TLSReader) throws {
        serverFrank = try reader.readBytes(32, "server_frank")
        frankingSignatureCiphersuite = try reader.readUInt16("franking_signature_ciphersuite")
        context = try reader.read(ServerFrankingContext.self, "context")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeBytes(Frank.fixed32(serverFrank))
        writer.writeUInt16(frankingSignatureCiphersuite)
        writer.write(context)
    }

    /// The label for SignWithLabel/VerifyWithLabel.
    public static let signatureLabel = "FrankingIntegrityTBS"
}
