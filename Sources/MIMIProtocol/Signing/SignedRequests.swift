import MLS
import MLSCrypto
import TLSCodec

/// SignWithLabel/VerifyWithLabel (RFC 9420 §5.1.2) over the TBS forms of draft-ietf-mimi-protocol-06's signed
/// request and response bodies.
extension KeyMaterialRequest {
    /// Sets ``signature`` to SignWithLabel(privateKey, "KeyMaterialRequestTBS", tbs). The draft does not say which
    /// suite's signature scheme applies; the caller passes the suite of `requesterSignatureKey`.
    public mutating func sign(privateKey: [UInt8], suite: CipherSuite) throws {
        signature = try suite.signWithLabel(privateKey: privateKey, label: Self.signatureLabel, content: tbs)
    }

    /// Whether ``signature`` verifies under ``requesterSignatureKey``.
    public func verifySignature(suite: CipherSuite) throws -> Bool {
        try suite.verifyWithLabel(publicKey: requesterSignatureKey, label: Self.signatureLabel, content: tbs, signature: signature)
    }
}

extension GroupInfoRequest {
    /// Sets ``signature`` to SignWithLabel(privateKey, "GroupInfoRequestTBS", tbs) under ``cipherSuite``.
    public mutating func sign(privateKey: [UInt8]) throws {
        signature = try CipherSuite(cipherSuite).signWithLabel(privateKey: privateKey, label: Self.signatureLabel, content: tbs)
    }

    /// Whether ``signature`` verifies under ``requestingSignatureKey`` with ``cipherSuite``'s scheme.
    public func verifySignature() throws -> Bool {
        try CipherSuite(cipherSuite).verifyWithLabel(publicKey: requestingSignatureKey, label: Self.signatureLabel,
                                                     content: tbs, signature: signature)
    }
}

extension GroupInfoResponse {
    /// Builds a success response: encrypts `content` to `groupInfoPublicKey` with EncryptWithLabel(…, "GroupInfo and
    /// ratchet_tree encryption", context = room_id) and signs it with the hub's key (label "GroupInfoResponseTBS").
    public static func success(roomID: [UInt8], suite: CipherSuite, hubSender: ExternalSender, hubSignaturePrivateKey: [UInt8],
                               groupInfoPublicKey: [UInt8], content: GroupInfoRatchetTreeTBE,
                               using rng: inout DeterministicRandom) throws -> GroupInfoResponse {
        let sealed = try suite.encryptWithLabel(publicKey: groupInfoPublicKey, label: GroupInfoRatchetTreeTBE.encryptionLabel,
                                                context: roomID, plaintext: content.tlsEncoded, using: &rng)
        var response = GroupInfoResponse(roomID: roomID, outcome: .success(Success(
            cipherSuite: suite.id, hubSender: hubSender,
            encryptedGroupInfoAndTree: HPKECiphertext(kemOutput: sealed.kemOutput, ciphertext: sealed.ciphertext))))
        let signature = try suite.signWithLabel(privateKey: hubSignaturePrivateKey, label: signatureLabel, content: response.tbs)
        if case .success(var body) = response.outcome {
            body.signature = signature
            response.outcome = .success(body)
        }
        return response
    }

    /// Whether a success response's signature verifies under its `hub_sender` key; false for failure codes.
    public func verifySignature() throws -> Bool {
        guard case .success(let body) = outcome else { return false }
        return try CipherSuite(body.cipherSuite).verifyWithLabel(publicKey: body.hubSender.signatureKey,
                                                                 label: Self.signatureLabel, content: tbs, signature: body.signature)
    }

    /// Decrypts and strictly decodes the GroupInfo, tree and pending proposals of a success response.
    public func decryptContent(groupInfoPrivateKey: [UInt8]) throws -> GroupInfoRatchetTreeTBE? {
        guard case .success(let body) = outcome else { return nil }
        let suite = try CipherSuite(body.cipherSuite)
        let plaintext = try suite.decryptWithLabel(privateKey: groupInfoPrivateKey, label: GroupInfoRatchetTreeTBE.encryptionLabel,
                                                   context: roomID, kemOutput: body.encryptedGroupInfoAndTree.kemOutput,
                                                   ciphertext: body.encryptedGroupInfoAndTree.ciphertext)
        return try GroupInfoRatchetTreeTBE(tlsDecoding: plaintext)
    }
}
