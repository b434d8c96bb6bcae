import MLS
import TLSCodec

/// `GroupInfoRequest` (draft-ietf-mimi-protocol-06 §"Claim group key information"): body of `/groupInfo/{roomId}`,
/// signed by the requester; the response is encrypted to `groupInfoPublicKey`.
///
/// The draft's TBS form has `optional<opaque> joiningCode<V>` while the signed form drops `optional`; both are read
/// as `optional` here, so the TBS is exactly the request minus its signature (docs/protocol-choices.md).
public struct GroupInfoRequest: Hashable, Sendable, TLSCodable {
    public var cipherSuite: UInt16
    public var requestingSignatureKey: [UInt8]
    public var requestingCredential: Credential
    public var groupInfoPublicKey: [UInt8]
    public var joiningCode: [UInt8]?
    public var signature: [UInt8]

    public init(cipherSuite: UInt16, requestingSignatureKey: [UInt8], requestingCredential: Credential,
                groupInfoPublicKey: [UInt8], joiningCode: [UInt8]? = nil, signature: [UInt8] = []) {
        self.cipherSuite = cipherSuite
        self.requestingSignatureKey = requestingSignatureKey
        self.requestingCredential = requestingCredential
        self.groupInfoPublicKey = groupInfoPublicKey
        self.joiningCode = joiningCode
        self.signature = signature
    }

    /// The SignWithLabel label.
    public static let signatureLabel = "GroupInfoRequestTBS"

    public init(from reader: inout TLSReader) throws {
        _ = try reader.read(ProtocolKind.self, "protocol")
        cipherSuite = try reader.readUInt16("cipher_suite")
        requestingSignatureKey = try reader.readOpaque("requestingSignatureKey")
        requestingCredential = try reader.read(Credential.self, "requestingCredential")
        groupInfoPublicKey = try reader.readOpaque("groupInfoPublicKey")
        joiningCode = try reader.readOptional("joiningCode") { try $0.readOpaque("") }
        signature = try reader.readOpaque("signature")
    }

    public func encode(to writer: inout TLSWriter) {
        encodeTBS(to: &writer)
        writer.writeOpaque(signature)
    }

    private func encodeTBS(to writer: inout TLSWriter) {
        writer.write(ProtocolKind.mls10)
        writer.writeUInt16(cipherSuite)
        writer.writeOpaque(requestingSignatureKey)
        writer.write(requestingCredential)
        writer.writeOpaque(groupInfoPublicKey)
        writer.writeOptional(joiningCode) { w, c in w.writeOpaque(c) }
    }

    /// `GroupInfoRequestTBS`.
    public var tbs: [UInt8] {
        var w = TLSWriter()
        encodeTBS(to: &w)
        return w.bytes
    }
}

/// `PendingProposal` (draft-ietf-mimi-protocol-06 §"Claim group key information"): a proposal the hub holds for the
/// next commit, with its acceptance time.
public struct PendingProposal: Hashable, Sendable, TLSCodable {
    public var proposal: MLSMessage
    public var hubAcceptedTime: UInt64

    public init(proposal: MLSMessage, hubAcceptedTime: UInt64) {
        self.proposal = proposal
        self.hubAcceptedTime = hubAcceptedTime
    }

    public init(from reader: inout TLSReader) throws {
        proposal = try reader.read(MLSMessage.self, "proposal")
        hubAcceptedTime = try reader.readUInt64("hub_accepted_time")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(proposal)
        writer.writeUInt64(hubAcceptedTime)
    }
}

/// `GroupInfoRatchetTreeTBE` (draft-ietf-mimi-protocol-06 §"Claim group key information"): the plaintext encrypted
/// with EncryptWithLabel(groupInfoPublicKey, "GroupInfo and ratchet_tree encryption", room_id, ·).
public struct GroupInfoRatchetTreeTBE: Hashable, Sendable, TLSCodable {
    public var groupInfo: GroupInfo
    public var ratchetTreeOption: RatchetTreeOption
    public var pendingProposals: [PendingProposal]

    public init(groupInfo: GroupInfo, ratchetTreeOption: RatchetTreeOption, pendingProposals: [PendingProposal] = []) {
        self.groupInfo = groupInfo
        self.ratchetTreeOption = ratchetTreeOption
        self.pendingProposals = pendingProposals
    }

    /// The EncryptWithLabel label.
    public static let encryptionLabel = "GroupInfo and ratchet_tree encryption"

    public init(from reader: inout TLSReader) throws {
        groupInfo = try reader.read(GroupInfo.self, "groupInfo")
        ratchetTreeOption = try reader.read(RatchetTreeOption.self, "ratchetTreeOption")
        pendingProposals = try reader.readList(PendingProposal.self, "pending_proposals")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(groupInfo)
        writer.write(ratchetTreeOption)
        writer.writeList(pendingProposals)
    }
}
