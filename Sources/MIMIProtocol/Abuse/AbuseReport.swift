import MLS
import TLSCodec

/// `AbusiveMessage` (draft-ietf-mimi-protocol-06 §"Reporting Abuse"): a decrypted message with its frank.
public struct AbusiveMessage: Hashable, Sendable, TLSCodable {
    /// The MIMI content bytes the reporter decrypted.
    public var messageContent: [UInt8]
    public var frank: Frank
    public var acceptedTimestamp: UInt64

    public init(messageContent: [UInt8], frank: Frank, acceptedTimestamp: UInt64) {
        self.messageContent = messageContent
        self.frank = frank
        self.acceptedTimestamp = acceptedTimestamp
    }

    public init(from reader: inout TLSReader) throws {
        messageContent = try reader.readOpaque("message_content")
        frank = try reader.read(Frank.self, "frank")
        acceptedTimestamp = try reader.readUInt64("accepted_timestamp")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(messageContent)
        writer.write(frank)
        writer.writeUInt64(acceptedTimestamp)
    }
}

/// `AbuseReport` (draft-ietf-mimi-protocol-06 §"Reporting Abuse"): body of `/reportAbuse/{roomId}`.
///
/// `AbuseType` is `enum { reserved(0), (255) }` with its taxonomy still TODO, so the code is kept as a raw octet
/// and not restricted (docs/protocol-choices.md).
public struct AbuseReport: Hashable, Sendable, TLSCodable {
    public var reportingUser: IdentifierUri
    public var allegedAbuserURI: IdentifierUri
    public var reasonCode: UInt8
    public var note: [UInt8]
    public var messages: [AbusiveMessage]
    public var abuseExtensions: AppDataDictionary

    public init(reportingUser: IdentifierUri, allegedAbuserURI: IdentifierUri, reasonCode: UInt8 = 0,
                note: [UInt8] = [], messages: [AbusiveMessage], abuseExtensions: AppDataDictionary = AppDataDictionary()) {
        self.reportingUser = reportingUser
        self.allegedAbuserURI = allegedAbuserURI
        self.reasonCode = reasonCode
        self.note = note
        self.messages = messages
        self.abuseExtensions = abuseExtensions
    }

    public init(from reader: inout TLSReader) throws {
        reportingUser = try reader.read(IdentifierUri.self, "reportingUser")
        allegedAbuserURI = try reader.read(IdentifierUri.self, "allegedAbuserUri")
        reasonCode = try reader.readUInt8("reasonCode")
        note = try reader.readOpaque("note")
        messages = try reader.readList(AbusiveMessage.self, "messages")
        abuseExtensions = try reader.read(AppDataDictionary.self, "abuse_extensions")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(reportingUser)
        writer.write(allegedAbuserURI)
        writer.writeUInt8(reasonCode)
        writer.writeOpaque(note)
        writer.writeList(messages)
        writer.write(abuseExtensions)
    }
}
