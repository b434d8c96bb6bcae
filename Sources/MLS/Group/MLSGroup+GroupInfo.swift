import MLSCrypto
import TLSCodec

extension MLSGroup {
    /// A signed GroupInfo of the current epoch (RFC 9420 §12.4.3): the GroupContext, optional ratchet_tree
    /// (§12.4.3.3) and external_pub (§12.4.3.2) extensions, the confirmation tag, and this member as signer.
    func makeGroupInfo(confirmationTag: [UInt8], ratchetTree: Bool, externalPub: Bool) throws -> GroupInfo {
        var extensions: [Extension] = []
        if ratchetTree { extensions.append(Extension(tree.ratchetTreeExtension)) }
        if externalPub { extensions.append(Extension(ExternalPub(externalPub: try epochSecrets.externalKeyPair().publicKey))) }
        var info = GroupInfo(groupContext: groupContext, extensions: extensions, confirmationTag: confirmationTag,
                             signer: myLeaf, signature: [])
        info.signature = try cipherSuite.signWithLabel(privateKey: identity.signaturePrivateKey, label: "GroupInfoTBS",
                                                       content: info.tbs.tlsEncoded)
        return info
    }

    /// The confirmation tag of the current epoch: MAC(confirmation_key, confirmed_transcript_hash) (§8.2).
    var confirmationTag: [UInt8] {
        TranscriptHash.confirmationTag(cipherSuite: cipherSuite, confirmationKey: epochSecrets.confirmationKey,
                                       confirmed: confirmedTranscriptHash)
    }

    /// A GroupInfo for the current epoch, e.g. for external joiners (§12.4.3.2: include external_pub), with the tree
    /// in the ratchet_tree extension or not.
    public func groupInfo(ratchetTree: Bool = true, externalPub: Bool = true) throws -> GroupInfo {
        try makeGroupInfo(confirmationTag: confirmationTag, ratchetTree: ratchetTree, externalPub: externalPub)
    }

    /// The Welcome of a Commit (§12.4.3.1): the GroupInfo sealed with the welcome key and nonce, and for each joiner
    /// GroupSecrets {joiner_secret, path_secret of the lowest common ancestor on the committer's filtered direct
    /// path, PSK IDs} sealed with EncryptWithLabel(init_key, "Welcome", encrypted_group_info).
    mutating func makeWelcome(groupInfo: GroupInfo, joiners: [(leaf: UInt32, keyPackage: KeyPackage)], secrets: EpochSecrets,
                              pathSecrets: [UInt32: [UInt8]], tree newTree: RatchetTree,
                              psks pskIDs: [PreSharedKeyID]) throws -> MLSMessage {
        let (key, nonce) = try secrets.welcomeKeyAndNonce()
        let encryptedGroupInfo = try cipherSuite.aead.seal(key: key, nonce: nonce, aad: [], plaintext: groupInfo.tlsEncoded)
        let filtered = newTree.filteredDirectPath(leaf: myLeaf)
        var entries: [EncryptedGroupSecrets] = []
        let encryptor = cipherSuite.labeledEncryptor(label: "Welcome", context: encryptedGroupInfo)  // info hashed once
        for (leaf, kp) in joiners {
            var pathSecret: PathSecret?
            if let node = filtered.first(where: { RatchetTree.isInSubtree(leaf * 2, of: $0.node) })?.node,
               let secret = pathSecrets[node] {
                pathSecret = PathSecret(pathSecret: secret)
            }
            let gs = GroupSecrets(joinerSecret: secrets.joinerSecret, pathSecret: pathSecret, psks: pskIDs)
            let sealed = try encryptor.encrypt(publicKey: kp.initKey, plaintext: gs.tlsEncoded, using: &rng)
            entries.append(EncryptedGroupSecrets(newMember: cipherSuite.makeKeyPackageRef(kp.tlsEncoded),
                                                 encryptedGroupSecrets: HPKECiphertext(kemOutput: sealed.kemOutput,
                                                                                       ciphertext: sealed.ciphertext)))
        }
        return MLSMessage(.welcome(Welcome(cipherSuite: cipherSuite.id, secrets: entries,
                                           encryptedGroupInfo: encryptedGroupInfo)))
    }
}
