import MLSCrypto
import TLSCodec

/// The first steps of joining from a Welcome (RFC 9420 §12.4.3.1), which need no ratchet tree: find this
/// KeyPackage's EncryptedGroupSecrets by KeyPackageRef, open the GroupSecrets with the init key, derive the PSK
/// and welcome secrets, and open the GroupInfo.
public struct WelcomeOpening: Sendable {
    public var suite: CipherSuite
    public var groupSecrets: GroupSecrets
    public var groupInfo: GroupInfo
    public var pskSecret: [UInt8]

    /// Opens `welcome` for the KeyPackage `keyPackage` with its init private key.
    public init(welcome: Welcome, keyPackage kp: KeyPackage, initPrivateKey: [UInt8], psks: PSKStore) throws {
        guard welcome.cipherSuite == kp.cipherSuite else {
            throw MLSError(.welcomeCipherSuite, "the Welcome's cipher suite \(welcome.cipherSuite) differs from the KeyPackage's \(kp.cipherSuite)")
        }
        suite = try CipherSuite(welcome.cipherSuite)
        let ref = suite.makeKeyPackageRef(kp.tlsEncoded)
        guard let entry = welcome.secrets.first(where: { $0.newMember == ref }) else {
            throw MLSError(.welcomeNotForKeyPackage, "no EncryptedGroupSecrets of the Welcome names this KeyPackage")
        }
        do {
            let plain = try suite.decryptWithLabel(privateKey: initPrivateKey, label: "Welcome",
                                                   context: welcome.encryptedGroupInfo,
                                                   kemOutput: entry.encryptedGroupSecrets.kemOutput,
                                                   ciphertext: entry.encryptedGroupSecrets.ciphertext)
            groupSecrets = try GroupSecrets(tlsDecoding: plain)
        } catch {
            throw MLSError(.welcomeDecryptionFailed, "the GroupSecrets do not decrypt or parse: \(error)")
        }
        try Self.checkPSKs(groupSecrets.psks, suite: suite)
        pskSecret = try psks.pskSecret(for: groupSecrets.psks, suite: suite)
        let welcomeSecret = try KeySchedule.welcomeSecret(cipherSuite: suite, joinerSecret: groupSecrets.joinerSecret,
                                                          pskSecret: pskSecret)
        let (key, nonce) = try KeySchedule.welcomeKeyAndNonce(cipherSuite: suite, welcomeSecret: welcomeSecret)
        do {
            let plain = try suite.aead.open(key: key, nonce: nonce, aad: [], ciphertext: welcome.encryptedGroupInfo)
            groupInfo = try GroupInfo(tlsDecoding: plain)
        } catch {
            throw MLSError(.welcomeDecryptionFailed, "the GroupInfo does not decrypt or parse: \(error)")
        }
        let context = groupInfo.groupContext
        guard context.cipherSuite == suite.id else {
            throw MLSError(.welcomeCipherSuite, "the GroupInfo's cipher suite \(context.cipherSuite) differs from the KeyPackage's \(suite.id)")
        }
        guard context.version == .mls10 else { throw MLSError(.unsupportedVersion, "the GroupContext's version is \(context.version)") }
        if groupSecrets.psks.contains(where: \.isReinitOrBranch), context.epoch != 1 {
            throw MLSError(.welcomeResumptionPSK, "a reinit or branch resumption PSK with a GroupInfo of epoch \(context.epoch), not 1")
        }
    }

    /// Verifies the GroupInfo signature with the signer's signature key (§12.4.3.1).
    public func verifyGroupInfoSignature(signerKey: [UInt8]) throws {
        let ok = (try? suite.verifyWithLabel(publicKey: signerKey, label: "GroupInfoTBS", content: groupInfo.tbs.tlsEncoded,
                                             signature: groupInfo.signature)) ?? false
        guard ok else { throw MLSError(.groupInfoSignatureInvalid, "the GroupInfo signature does not verify") }
    }

    /// The epoch secrets from the joiner secret and PSK secret, with the confirmation tag checked (§8, §12.4.3.1).
    public func epochSecrets() throws -> EpochSecrets {
        let context = groupInfo.groupContext
        let secrets = try KeySchedule.fromJoinerSecret(cipherSuite: suite, joinerSecret: groupSecrets.joinerSecret,
                                                       pskSecret: pskSecret, groupContext: context.tlsEncoded)
        guard TranscriptHash.verifyConfirmationTag(cipherSuite: suite, confirmationKey: secrets.confirmationKey,
                                                   confirmed: context.confirmedTranscriptHash,
                                                   tag: groupInfo.confirmationTag) else {
            throw MLSError(.confirmationTagInvalid, "the GroupInfo's confirmation_tag does not verify")
        }
        return secrets
    }

    /// The PSKs of GroupSecrets (§12.4.3.1): nonces of KDF.Nh bytes (§8.4), and at most one resumption PSK of usage
    /// reinit or branch ("verify that it is the only such PSK").
    static func checkPSKs(_ psks: [PreSharedKeyID], suite: CipherSuite) throws {
        for id in psks where id.pskNonce.count != suite.hashLength {
            throw MLSError(.pskNonceLength, "a psk_nonce of the GroupSecrets is \(id.pskNonce.count) bytes; it MUST be \(suite.hashLength)")
        }
        let successor = psks.filter(\.isReinitOrBranch).count
        guard successor <= 1 else {
            throw MLSError(.welcomeResumptionPSK, "the GroupSecrets carry \(successor) resumption PSKs of usage reinit or branch")
        }
    }
}

extension PreSharedKeyID {
    /// A resumption PSK of usage reinit or branch (§11.2, §11.3).
    var isReinitOrBranch: Bool {
        if case .resumption(let usage, _, _) = key { return usage != .application }
        return false
    }
}
