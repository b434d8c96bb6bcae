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
        guard welcome.cipherSuite == kp.cipherSuite else { throw GroupError.welcomeSuiteMismatch }
        suite = try CipherSuite(welcome.cipherSuite)
        let ref = suite.makeKeyPackageRef(kp.tlsEncoded)
        guard let entry = welcome.secrets.first(where: { $0.newMember == ref }) else {
            throw GroupError.welcomeNotForThisKeyPackage
        }
        do {
            let plain = try suite.decryptWithLabel(privateKey: initPrivateKey, label: "Welcome",
                                                   context: welcome.encryptedGroupInfo,
                                                   kemOutput: entry.encryptedGroupSecrets.kemOutput,
                                                   ciphertext: entry.encryptedGroupSecrets.ciphertext)
            groupSecrets = try GroupSecrets(tlsDecoding: plain)
        } catch {
            throw GroupError.welcomeDecryptionFailed("GroupSecrets: \(error)")
        }
        for id in groupSecrets.psks where id.pskNonce.count != suite.hashLength {
            throw GroupError.pskNonceLength(id.pskNonce.count)
        }
        pskSecret = try psks.pskSecret(for: groupSecrets.psks, suite: suite)
        let welcomeSecret = try KeySchedule.welcomeSecret(cipherSuite: suite, joinerSecret: groupSecrets.joinerSecret,
                                                          pskSecret: pskSecret)
        let (key, nonce) = try KeySchedule.welcomeKeyAndNonce(cipherSuite: suite, welcomeSecret: welcomeSecret)
        do {
            let plain = try suite.aead.open(key: key, nonce: nonce, aad: [], ciphertext: welcome.encryptedGroupInfo)
            groupInfo = try GroupInfo(tlsDecoding: plain)
        } catch {
            throw GroupError.welcomeDecryptionFailed("GroupInfo: \(error)")
        }
        let context = groupInfo.groupContext
        guard context.cipherSuite == suite.id else { throw GroupError.groupContextInvalid("cipher suite differs from the Welcome's") }
        guard context.version == .mls10 else { throw GroupError.groupContextInvalid("version \(context.version)") }
    }

    /// Verifies the GroupInfo signature with the signer's signature key (§12.4.3.1).
    public func verifyGroupInfoSignature(signerKey: [UInt8]) throws {
        let ok = (try? suite.verifyWithLabel(publicKey: signerKey, label: "GroupInfoTBS", content: groupInfo.tbs.tlsEncoded,
                                             signature: groupInfo.signature)) ?? false
        guard ok else { throw GroupError.groupInfoSignatureInvalid }
    }

    /// The epoch secrets from the joiner secret and PSK secret, with the confirmation tag checked (§8, §12.4.3.1).
    public func epochSecrets() throws -> EpochSecrets {
        let context = groupInfo.groupContext
        let secrets = try KeySchedule.fromJoinerSecret(cipherSuite: suite, joinerSecret: groupSecrets.joinerSecret,
                                                       pskSecret: pskSecret, groupContext: context.tlsEncoded)
        guard TranscriptHash.verifyConfirmationTag(cipherSuite: suite, confirmationKey: secrets.confirmationKey,
                                                   confirmed: context.confirmedTranscriptHash,
                                                   tag: groupInfo.confirmationTag) else {
            throw GroupError.confirmationTagInvalid
        }
        return secrets
    }
}
