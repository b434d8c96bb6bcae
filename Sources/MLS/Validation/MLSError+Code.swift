extension MLSError {
    /// One case per rule the engine enforces. The raw value is the stable code (`mls.<rawValue>` in reports).
    public enum Code: String, Sendable, Hashable, CaseIterable {
        // MARK: Framing (§6) and the secret tree (§9)
        /// The message's group_id is not this group's.
        case wrongGroupID
        /// A handshake message for another epoch than the current one (§12.1, §12.4.2).
        case wrongEpoch
        /// The sender's leaf is blank or outside the tree (§6.1, §6.3.2).
        case senderNotMember
        /// This sender type may not send this content or wire format (§6.1, §6.3.2, §12.4).
        case senderNotAllowed
        /// The signature over FramedContentTBS does not verify (§6.1).
        case signatureInvalid
        /// A confirmation_tag missing on a Commit or present on other content (§6.1).
        case confirmationTagPresence
        /// The membership_tag of a member's PublicMessage is missing or does not verify (§6.2).
        case membershipTagInvalid
        /// Application data in a PublicMessage (§6.2).
        case applicationAsPublicMessage
        /// The sender data does not decrypt or does not parse (§6.3.2).
        case senderDataInvalid
        /// The PrivateMessage content does not decrypt (§6.3.1).
        case contentDecryptionFailed
        /// The decrypted content does not parse, or its padding has a non-zero byte (§6.3.1).
        case privateContentMalformed
        /// The key of this generation was used and deleted already (§9.2).
        case generationConsumed
        /// The generation is further ahead than the harness ratchets forward (§15.3: a policy of the application).
        case generationTooFarAhead
        /// The ratchet has reached generation 2^32−1 (§9.1: generations are uint32).
        case generationExhausted
        /// An external sender index that external_senders does not list (§12.1.8.1).
        case unknownExternalSender
        /// A proposal type this sender may not send (§6.1, §12.1.8; draft-ietf-mls-extensions for its types).
        case proposalSenderNotAllowed

        // MARK: KeyPackage (§10.1)
        /// The KeyPackage's protocol version differs from the group's (§10.1).
        case keyPackageVersion
        /// The KeyPackage's cipher suite differs from the group's (§10.1).
        case keyPackageCipherSuite
        /// The KeyPackageTBS signature does not verify (§10, §10.1).
        case keyPackageSignature
        /// init_key equals the leaf's encryption_key (§10.1).
        case initKeyEqualsEncryptionKey

        // MARK: LeafNode (§7.2, §7.3)
        /// The LeafNodeTBS signature does not verify (§7.3).
        case leafSignatureInvalid
        /// leaf_node_source is not the one where the leaf appears requires (§7.3, §10, §12.4.2).
        case leafNodeSource
        /// The leaf does not list a type of the group's required_capabilities (§7.3).
        case leafRequiredCapabilities
        /// The leaf's credential type is not supported by every member, or the leaf does not support one in use (§7.3).
        case leafCredentialUnsupported
        /// A LeafNode the member itself sends is outside its lifetime (§7.3: MUST for the sender).
        case leafLifetime
        /// The leaf carries an extension its capabilities do not list (§7.2, §7.3).
        case leafExtensionNotInCapabilities
        /// The leaf's own credential type is not in its capabilities (§7.2).
        case leafCredentialNotInCapabilities
        /// An Update's or a Commit's leaf keeps the encryption_key of the leaf it replaces (§7.3, §12.4.2).
        case leafEncryptionKeyUnchanged
        /// Two members share a signature key (§7.3).
        case duplicateSignatureKey
        /// Two leaves share an encryption key (§7.3).
        case duplicateEncryptionKey

        // MARK: Ratchet tree (§4, §7, §12.4.3)
        /// A ratchet_tree list that is empty, ends with a blank node, or puts a node at the wrong parity (§12.4.3.3).
        case ratchetTreeMalformed
        /// The tree exceeds the largest size the harness represents.
        case treeTooLarge
        /// The tree hash differs from the GroupContext's tree_hash (§12.4.3.1, §12.4.3.3).
        case treeHashMismatch
        /// A non-blank parent node is not parent-hash valid (§7.9.2).
        case parentHashInvalid
        /// An unmerged leaf is blank, not below its parent, or missing at an intermediate node (§12.4.3.1).
        case unmergedLeafInvalid
        /// A parent node's encryption key appears in another node of the tree (§12.4.3.1).
        case parentEncryptionKeyRepeated
        /// A leaf or node index outside the tree, or an operation on a blank leaf (engine state).
        case indexOutOfRange

        // MARK: UpdatePath (§7.5, §7.6, §12.4.2)
        /// The UpdatePath's node count differs from the sender's filtered direct path (§7.6).
        case updatePathLength
        /// An UpdatePathNode's ciphertext count differs from the copath resolution minus the joiners (§7.6).
        case updatePathCiphertextCount
        /// The UpdatePath leaf's parent_hash differs from the one the path gives (§7.9.2).
        case updatePathParentHash
        /// A public key of the UpdatePath already appears in the tree (§12.4.2).
        case updatePathKeyNotFresh
        /// The receiver holds no private key in the resolution of the copath node above it (§7.5, §12.4.2).
        case noDecryptionKey
        /// DecryptWithLabel of a path secret failed (§7.6, §12.4.2).
        case pathSecretDecryption
        /// A public key derived from a path secret differs from the tree's (§7.5, §12.4.3.1).
        case derivedKeyMismatch

        // MARK: Proposals and the proposal list (§12.1, §12.2)
        /// A ProposalRef names no proposal cached in this epoch (§12.4).
        case proposalNotFound
        /// The Commit contains an Update sent by the committer (§12.2).
        case updateByCommitter
        /// The Commit removes the committer (§12.2).
        case committerRemovesItself
        /// Several Update and/or Remove proposals apply to one leaf (§12.2).
        case conflictingUpdateOrRemove
        /// Two Adds carry KeyPackages of the same client: the same signature key (§12.2).
        case duplicateAdd
        /// An Add of a client already in the group, not removed by the same Commit (§12.2).
        case addOfExistingMember
        /// Two PreSharedKey proposals name the same PSK (§12.2).
        case duplicatePSK
        /// More than one GroupContextExtensions proposal (§12.2).
        case multipleGroupContextExtensions
        /// A ReInit together with any other proposal (§12.2).
        case reInitNotAlone
        /// An ExternalInit in a Commit from a member (§12.2).
        case externalInitNotAllowed
        /// A non-default proposal type that a member processing the Commit does not support (§12.2, §13.2).
        case proposalTypeUnsupported
        /// A Remove of a blank leaf or one outside the tree (§12.1.3).
        case removeOfBlankLeaf
        /// A psk_nonce that is not KDF.Nh bytes long (§12.1.4).
        case pskNonceLength
        /// A resumption PSK with usage reinit or branch outside a reinitialization or branch (§12.1.4).
        case pskResumptionUsage
        /// A ReInit to a lower protocol version (§12.1.5).
        case reInitVersionDowngrade
        /// A required_capabilities extension that some member does not support (§11.1, §12.1.7).
        case requiredCapabilityUnsupported
        /// A GroupContext extension that a member (or the joiner) does not support (§13.4).
        case extensionUnsupported
        /// A list of extensions with two of one type (§13.4).
        case duplicateExtension

        // MARK: Commit (§12.4, §12.4.2)
        /// The proposals require an UpdatePath and the Commit has none (§12.4).
        case pathRequired
        /// A PSK the member does not hold (§12.4.2, §12.4.3.1).
        case pskNotFound
        /// More PSKs than PSKLabel.count (uint16) can number (§8.4).
        case tooManyPSKs
        /// The confirmation_tag does not verify (§12.4.2, §12.4.3.1).
        case confirmationTagInvalid

        // MARK: External Commit (§12.2, §12.4.3.2, §8.3)
        /// An external Commit without exactly one ExternalInit (§12.2).
        case externalInitCount
        /// An external Commit with a proposal other than ExternalInit, Remove and PreSharedKey (§12.2).
        case externalCommitProposalType
        /// An external Commit with more than one Remove (§12.2).
        case externalCommitRemoveCount
        /// An external Commit with a proposal by reference (§12.4.3.2).
        case externalCommitByReference
        /// An external Commit without an UpdatePath (§12.4.3.2).
        case externalCommitPath
        /// The ExternalInit kem_output does not decapsulate with the external key (§8.3).
        case externalInitKEMOutput
        /// The GroupInfo has no external_pub extension (§12.4.3.2).
        case missingExternalPub

        // MARK: Welcome (§12.4.3, §12.4.3.1)
        /// No EncryptedGroupSecrets names this KeyPackage (§12.4.3.1).
        case welcomeNotForKeyPackage
        /// The Welcome's, the KeyPackage's and the GroupInfo's cipher suites differ (§12.4.3.1).
        case welcomeCipherSuite
        /// The GroupSecrets or the GroupInfo do not decrypt or do not parse (§12.4.3.1).
        case welcomeDecryptionFailed
        /// The GroupInfo signature does not verify with the signer's leaf (§12.4.3, §12.4.3.1).
        case groupInfoSignatureInvalid
        /// Neither a ratchet_tree extension nor an out-of-band tree (§12.4.3.1).
        case ratchetTreeMissing
        /// The joiner's LeafNode is not in the tree (§12.4.3.1).
        case ownLeafNotFound
        /// A path_secret for no node the joiner shares with the signer's filtered direct path (§12.4.3.1).
        case welcomePathSecret
        /// A reinit or branch resumption PSK that is not the only one, or with a GroupInfo epoch other than 1
        /// (§12.4.3.1).
        case welcomeResumptionPSK
        /// A protocol version other than mls10 (§6).
        case unsupportedVersion

        // MARK: draft-ietf-mls-extensions
        /// A component with a remove together with an update or another remove in one Commit (§4.7).
        case appDataConflictingOperations
        /// A remove of a component that has no data (§4.7).
        case appDataRemoveOfAbsentComponent
        /// A GroupContextExtensions proposal changing app_data_dictionary while app_data_update is required (§4.7).
        case appDataDictionaryTouched
        /// The GroupContext's app_data_dictionary does not decode (§4.6).
        case appDataDictionaryMalformed
        /// The application logic refused an AppDataUpdate or AppEphemeral (§4.7, §4.8).
        case appDataRejectedByApplication
        /// A SelfRemove by value in a Commit (§6.3.1).
        case selfRemoveByValue
        /// A leaf removed by a SelfRemove and by another Remove or SelfRemove (§6.3.1).
        case selfRemoveConflict
        /// A SelfRemove sent as a PrivateMessage (§6.3.1).
        case selfRemoveNotPublic

        // MARK: Engine state and API use (no rule of the RFC)
        /// The group no longer accepts messages: this member was removed, or the group was reinitialized.
        case groupInactive
        /// No pending Commit to merge.
        case noPendingCommit
        /// The member's own message came back; it is processed from the pending Commit, not decrypted.
        case ownMessage
        /// An Update of this member's leaf that this state did not send.
        case unknownOwnUpdate
        /// The epoch counter cannot advance (uint64).
        case epochExhausted
        /// An operation the state does not allow (a Welcome given to ``MLSGroup/process(_:)``, a successor of a group
        /// that was not reinitialized).
        case invalidOperation
        /// A cryptographic operation failed (a key the cipher suite rejects, signing failed).
        case cryptoFailure
    }
}
