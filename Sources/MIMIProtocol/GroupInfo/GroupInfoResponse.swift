import MLS
import TLSCodec

/// `GroupInfoCode` (draft-ietf-mimi-protocol-06 §"Claim group key information").
public enum GroupInfoCode: UInt8, Hashable, Sendable, CaseIterable {
    case success = 1
    case notAuthorized = 2
    case noSuchRoom = 3
}

/// `GroupInfoResponse` (draft-ietf-mimi-protocol-06 §"Claim group key information"): on success, the hub's external
/// sender entry, the encrypted GroupInfo and tree, and the hub's signature over everything before it.
public struct GroupInfoResponse: Hashable, Sendable, TLSCodable {
    /// The success body.
    public struct Success: Hashable, Sendable {
        public var cipherSuite: UInt16
        public var hubSender: ExternalSender
        public var encryptedGroupInfoAndTree: HPKECiphertext
        public var signature: [UInt8]

        public init(cipherSuite: UInt16, hubSender: ExternalSender, encryptedGroupInfoAndTree: HPKECiphertext,
                    signature: [UInt8] = []) {
            self.cipherSuite = cipherSuite
            self.hubSender = hubSender
            self.encryptedGroupInfoAndTree = encryptedGroupInfoAndTree
            self.signature = signature
        }
    }

    /// The outcome: success with its body, or a failure code (notAuthorized, noSuchRoom) with no body.
    public enum Outcome: Hashable, Sendable {
        case success(Success)
        case notAuthorized
        case noSuchRoom
    }

    public var roomID: [UInt8]
    public var outcome: Outcome

    public init(roomID: [UInt8], outcome: Outcome) {
        self.roomID = roomID
        self.outcome = outcome
    }

    /// The SignWithLabel label.
    public static let signatureLabel = "GroupInfoResponseTBS"

    public var status: GroupInfoCode {
        switch outcome {
        case .success: .success
        case .notAuthorized: .notAuthorized
        case .noSuchRoom: .noSuchRoom
        }
    }

    public init(from reader: inout TLSReader) throws {
        _ = try reader.read(ProtocolKind.self, "version")
        roomID = try reader.readOpaque("room_id")
        let code = try reader.readEnum8(GroupInfoCode.self, "status",
                                        rule: "GroupInfoCode must be success(1), notAuthorized(2) or noSuchRoom(3) (draft-ietf-mimi-protocol-06 §Claim group key information)")
        switch code {
        case .success:
            let suite = try reader.readUInt16("cipher_suite")
            let sender = try reader.read(ExternalSender.self, "hub_sender")
            let ciphertext = try reader.read(HPKECiphertext.self, "encrypted_groupinfo_and_tree")
            let signature = try reader.readOpaque("signature")
            outcome = .success(Success(cipherSuite: suite, hubSender: sender, encryptedGroupInfoAndTree: ciphertext,
                                       signature: signature))
        case .notAuthorized: outcome = .notAuthorized
        case .noSuchRoom: outcome = .noSuchRoom
        }
    }

    public func encode(to writer: inout TLSWriter) {
        encodeTBS(to: &writer)
        if case .success(let s) = outcome { writer.writeOpaque(s.signature) }
    }

    private func encodeTBS(to writer: inout TLSWriter) {
        writer.write(ProtocolKind.mls10)
        writer.writeOpaque(roomID)
        writer.writeUInt8(status.rawValue)
        if case .success(let s) = outcome {
            writer.writeUInt16(s.cipherSuite)
            writer.write(s.hubSender)
            writer.write(s.encryptedGroupInfoAndTree)
        }
    }

    /// `GroupInfoResponseTBS`: everything but the signature.
    public var tbs: [UInt8] {
        var w = TLSWriter()
        encodeTBS(to: &w)
        return w.bytes
    }
}
