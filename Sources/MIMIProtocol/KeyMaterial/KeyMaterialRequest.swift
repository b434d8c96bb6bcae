import MLS
import TLSCodec

/// `KeyMaterialRequest` (draft-ietf-mimi-protocol-06 §"Fetch Key Material"): body of `/keyMaterial/{targetUser}`,
/// claiming KeyPackages for every client of one user, signed by the requester.
///
/// `acceptableCiphersuites` must be non-empty; the decoder rejects an empty list with `invalidValue`. `roomId` is
/// an empty URI when the fetch is not for a room (the draft gives it no `optional`).
public struct KeyMaterialRequest: Hashable, Sendable, TLSCodable {
    public var requestingUser: IdentifierUri
    public var targetUser: IdentifierUri
    public var roomID: RoomId
    public var acceptableCiphersuites: [UInt16]
    public var requiredCapabilities: RequiredCapabilities
    public var requesterSignatureKey: [UInt8]
    public var requesterCredential: Credential
    public var signature: [UInt8]

    public init(requestingUser: IdentifierUri, targetUser: IdentifierUri, roomID: RoomId,
                acceptableCiphersuites: [UInt16], requiredCapabilities: RequiredCapabilities,
                requesterSignatureKey: [UInt8], requesterCredential: Credential, signature: [UInt8] = []) {
        self.requestingUser = requestingUser
        self.targetUser = targetUser
        self.roomID = roomID
        self.acceptableCiphersuites = acceptableCiphersuites
        self.requiredCapabilities = requiredCapabilities
        self.requesterSignatureKey = requesterSignatureKey
        self.requesterCredential = requesterCredential
        self.signature = signature
    }

    /// The SignWithLabel label.
    public static let signatureLabel = "KeyMaterialRequestTBS"

    public init(from reader: inout TLSReader) throws {
        _ = try reader.read(ProtocolKind.self, "protocol")
        requestingUser = try reader.read(IdentifierUri.self, "requestingUser")
        targetUser = try reader.read(IdentifierUri.self, "targetUser")
        roomID = try reader.read(RoomId.self, "roomId")
        let start = reader.offset
        acceptableCiphersuites = try reader.readUInt16List("acceptableCiphersuites")
        try reader.require(!acceptableCiphersuites.isEmpty, "acceptableCiphersuites",
                           "at least one cipher suite is required (draft-ietf-mimi-protocol-06 §Fetch Key Material)", at: start)
        requiredCapabilities = try reader.read(RequiredCapabilities.self, "requiredCapabilities")
        requesterSignatureKey = try reader.readOpaque("requesterSignatureKey")
        requesterCredential = try reader.read(Credential.self, "requesterCredential")
        signature = try reader.readOpaque("key_material_request_signature")
    }

    public func encode(to writer: inout TLSWriter) {
        encodeTBS(to: &writer)
        writer.writeOpaque(signature)
    }

    private func encodeTBS(to writer: inout TLSWriter) {
        writer.write(ProtocolKind.mls10)
        writer.write(requestingUser)
        writer.write(targetUser)
        writer.write(roomID)
        writer.writeUInt16List(acceptableCiphersuites)
        writer.write(requiredCapabilities)
        writer.writeOpaque(requesterSignatureKey)
        writer.write(requesterCredential)
    }

    /// `KeyMaterialRequestTBS`: every field but the signature.
    public var tbs: [UInt8] {
        var w = TLSWriter()
        encodeTBS(to: &w)
        return w.bytes
    }
}
