import MLS
import TLSCodec

/// `ConsentOperation` (draft-ietf-mimi-protocol-06 §"Convey explicit consent").
public enum ConsentOperation: UInt8, Hashable, Sendable, CaseIterable {
    case cancel = 0
    case request = 1
    case grant = 2
    case revoke = 3
}

/// `ConsentScope` (draft-ietf-mimi-protocol-06 §"Convey explicit consent"): who asks whom, for which room (nil = any).
public struct ConsentScope: Hashable, Sendable, TLSCodable {
    public var requesterURI: IdentifierUri
    public var targetURI: IdentifierUri
    public var roomID: RoomId?

    public init(requesterURI: IdentifierUri, targetURI: IdentifierUri, roomID: RoomId? = nil) {
        self.requesterURI = requesterURI
        self.targetURI = targetURI
        self.roomID = roomID
    }

    public init(from reader: inout TLSReader) throws {
        requesterURI = try reader.read(IdentifierUri.self, "requesterUri")
        targetURI = try reader.read(IdentifierUri.self, "targetUri")
        roomID = try reader.readOptional(RoomId.self, "roomId")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(requesterURI)
        writer.write(targetURI)
        writer.writeOptional(roomID)
    }
}

/// `ConsentEntry` (draft-ietf-mimi-protocol-06 §"Convey explicit consent"): body of `/requestConsent` (request or
/// cancel) and `/updateConsent` (grant or revoke). A grant may carry KeyPackages.
public struct ConsentEntry: Hashable, Sendable, TLSCodable {
    public var operation: ConsentOperation
    public var scope: ConsentScope
    /// Only for `grant` (may be empty).
    public var clientKeyPackages: [KeyPackage]
    public var consentExtensions: AppDataDictionary

    public init(operation: ConsentOperation, scope: ConsentScope, clientKeyPackages: [KeyPackage] = [],
                consentExtensions: AppDataDictionary = AppDataDictionary()) {
        self.operation = operation
        self.scope = scope
        self.clientKeyPackages = operation == .grant ? clientKeyPackages : []
        self.consentExtensions = consentExtensions
    }

    public init(from reader: inout TLSReader) throws {
        operation = try reader.readEnum8(ConsentOperation.self, "consentOperation",
                                         rule: "ConsentOperation must be cancel(0), request(1), grant(2) or revoke(3) (draft-ietf-mimi-protocol-06 §Convey explicit consent)")
        scope = ConsentScope(requesterURI: try reader.read(IdentifierUri.self, "requesterUri"),
                             targetURI: try reader.read(IdentifierUri.self, "targetUri"),
                             roomID: try reader.readOptional(RoomId.self, "roomId"))
        clientKeyPackages = operation == .grant ? try reader.readList(KeyPackage.self, "clientKeyPackages") : []
        consentExtensions = try reader.read(AppDataDictionary.self, "consent_extensions")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(operation.rawValue)
        writer.write(scope)
        if operation == .grant { writer.writeList(clientKeyPackages) }
        writer.write(consentExtensions)
    }
}
