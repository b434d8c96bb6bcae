import TLSCodec

/// `Uri` (draft-ietf-mimi-protocol-06 §"Room Metadata"; room-policy-03): `struct { opaque uri<V>; }`, the same
/// encoding as ``IdentifierUri``.
public typealias Uri = IdentifierUri

/// `RichDescription` (draft-ietf-mimi-protocol-06 §"Room Metadata"): a description in a media type and language.
/// An empty media type means `text/plain;charset=utf-8`.
public struct RichDescription: Hashable, Sendable, TLSCodable {
    public var mediaType: [UInt8]
    public var languageTag: [UInt8]
    public var descriptionContent: [UInt8]

    public init(mediaType: String = "", languageTag: String = "", descriptionContent: [UInt8]) {
        self.mediaType = Array(mediaType.utf8)
        self.languageTag = Array(languageTag.utf8)
        self.descriptionContent = descriptionContent
    }

    public init(from reader: inout TLSReader) throws {
        mediaType = try reader.readOpaque("media_type")
        languageTag = try reader.readOpaque("language_tag")
        descriptionContent = try reader.readOpaque("description_content")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(mediaType)
        writer.writeOpaque(languageTag)
        writer.writeOpaque(descriptionContent)
    }
}

/// `RoomMetaData` (draft-ietf-mimi-protocol-06 §"Room Metadata"): the `room_metadata` component (0x0023). Its
/// update replaces the data wholesale; only one update per commit is allowed.
public struct RoomMetaData: Hashable, Sendable, TLSCodable {
    public var roomURI: Uri
    public var roomName: String
    public var roomDescriptions: [RichDescription]
    /// An https URI, or empty.
    public var roomAvatar: Uri
    public var roomSubject: String
    public var roomMood: String

    public init(roomURI: Uri, roomName: String = "", roomDescriptions: [RichDescription] = [],
                roomAvatar: Uri = "", roomSubject: String = "", roomMood: String = "") {
        self.roomURI = roomURI
        self.roomName = roomName
        self.roomDescriptions = roomDescriptions
        self.roomAvatar = roomAvatar
        self.roomSubject = roomSubject
        self.roomMood = roomMood
    }

    public init(from reader: inout TLSReader) throws {
        roomURI = try reader.read(Uri.self, "room_uri")
        roomName = try reader.field("room_name") { try $0.readUTF8("string") }
        roomDescriptions = try reader.readList(RichDescription.self, "room_descriptions")
        roomAvatar = try reader.read(Uri.self, "room_avatar")
        roomSubject = try reader.field("room_subject") { try $0.readUTF8("string") }
        roomMood = try reader.field("room_mood") { try $0.readUTF8("string") }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(roomURI)
        writer.writeUTF8(roomName)
        writer.writeList(roomDescriptions)
        writer.write(roomAvatar)
        writer.writeUTF8(roomSubject)
        writer.writeUTF8(roomMood)
    }
}
