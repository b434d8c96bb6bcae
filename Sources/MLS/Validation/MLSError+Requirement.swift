extension MLSError.Code {
    /// Where a check's rule comes from.
    public enum Source: Sendable, Hashable {
        /// A rule of RFC 9420 with its own registry entry `RFC9420-<section>-<code>`.
        case rfc9420(section: String)
        /// A rule of RFC 9420 whose registry entry predates the per-check ids and is kept (scenarios and vectors cite
        /// it).
        case registry(id: String)
        /// A rule of draft-ietf-mls-extensions (not in the registry, which holds no entries of that draft).
        case mlsExtensions(section: String)
        /// A limit of the harness: registry entry `HARNESS-mls-<code>`.
        case harnessLimit
        /// Engine state or API use: no rule of a specification.
        case engine
    }

    /// The source of this check's rule.
    public var source: Source {
        switch self {
        case .wrongGroupID: .registry(id: "RFC9420-6-validateFraming")
        case .membershipTagInvalid: .registry(id: "RFC9420-6.2-membershipTag")
        case .applicationAsPublicMessage: .registry(id: "RFC9420-6.2-appNotPublic")
        case .unknownExternalSender: .registry(id: "RFC9420-12.1.8-externalSenders")
        case .ratchetTreeMalformed: .registry(id: "RFC9420-12.4.3.3-ratchetTree")
        case .parentHashInvalid, .updatePathParentHash: .registry(id: "RFC9420-7.9-parentHash")
        case .confirmationTagInvalid: .registry(id: "RFC9420-12.4.2-confirmationTag")
        case .unsupportedVersion: .rfc9420(section: "6")
        case .senderNotMember, .senderNotAllowed, .signatureInvalid, .confirmationTagPresence: .rfc9420(section: "6.1")
        case .contentDecryptionFailed, .privateContentMalformed: .rfc9420(section: "6.3.1")
        case .senderDataInvalid: .rfc9420(section: "6.3.2")
        case .leafCredentialNotInCapabilities: .rfc9420(section: "7.2")
        case .leafSignatureInvalid, .leafNodeSource, .leafRequiredCapabilities, .leafCredentialUnsupported, .leafLifetime,
             .leafExtensionNotInCapabilities, .leafEncryptionKeyUnchanged, .duplicateSignatureKey, .duplicateEncryptionKey:
            .rfc9420(section: "7.3")
        case .noDecryptionKey, .derivedKeyMismatch: .rfc9420(section: "7.5")
        case .updatePathLength, .updatePathCiphertextCount: .rfc9420(section: "7.6")
        case .externalInitKEMOutput: .rfc9420(section: "8.3")
        case .tooManyPSKs: .rfc9420(section: "8.4")
        case .generationExhausted: .rfc9420(section: "9.1")
        case .generationConsumed: .rfc9420(section: "9.2")
        case .keyPackageVersion, .keyPackageCipherSuite, .keyPackageSignature, .initKeyEqualsEncryptionKey:
            .rfc9420(section: "10.1")
        case .requiredCapabilityUnsupported: .rfc9420(section: "12.1.7")
        case .proposalSenderNotAllowed: .rfc9420(section: "12.1.8")
        case .removeOfBlankLeaf: .rfc9420(section: "12.1.3")
        case .pskNonceLength, .pskResumptionUsage: .rfc9420(section: "12.1.4")
        case .reInitVersionDowngrade: .rfc9420(section: "12.1.5")
        case .updateByCommitter, .committerRemovesItself, .conflictingUpdateOrRemove, .duplicateAdd, .addOfExistingMember,
             .duplicatePSK, .multipleGroupContextExtensions, .reInitNotAlone, .externalInitNotAllowed,
             .proposalTypeUnsupported, .externalInitCount, .externalCommitProposalType, .externalCommitRemoveCount:
            .rfc9420(section: "12.2")
        case .proposalNotFound, .pathRequired: .rfc9420(section: "12.4")
        case .wrongEpoch, .pskNotFound, .updatePathKeyNotFresh, .pathSecretDecryption: .rfc9420(section: "12.4.2")
        case .treeHashMismatch, .unmergedLeafInvalid, .parentEncryptionKeyRepeated, .welcomeNotForKeyPackage,
             .welcomeCipherSuite, .welcomeDecryptionFailed, .groupInfoSignatureInvalid, .ratchetTreeMissing,
             .ownLeafNotFound, .welcomePathSecret, .welcomeResumptionPSK:
            .rfc9420(section: "12.4.3.1")
        case .externalCommitByReference, .externalCommitPath, .missingExternalPub: .rfc9420(section: "12.4.3.2")
        case .extensionUnsupported, .duplicateExtension: .rfc9420(section: "13.4")
        case .appDataDictionaryMalformed: .mlsExtensions(section: "4.6")
        case .appDataConflictingOperations, .appDataRemoveOfAbsentComponent, .appDataDictionaryTouched,
             .appDataRejectedByApplication:
            .mlsExtensions(section: "4.7")
        case .selfRemoveByValue, .selfRemoveConflict, .selfRemoveNotPublic: .mlsExtensions(section: "6.3.1")
        case .generationTooFarAhead, .treeTooLarge: .harnessLimit
        case .indexOutOfRange, .groupInactive, .noPendingCommit, .ownMessage, .unknownOwnUpdate, .epochExhausted,
             .invalidOperation, .cryptoFailure:
            .engine
        }
    }

    /// The requirement id of docs/requirements.yaml (`RFC9420-12.2-duplicateAdd`, `HARNESS-mls-treeTooLarge`), or for
    /// a draft-ietf-mls-extensions rule its citation (`draft-ietf-mls-extensions §6.3.1`); nil for engine state.
    public var requirement: String? {
        switch source {
        case .rfc9420(let section): "RFC9420-\(section)-\(rawValue)"
        case .registry(let id): id
        case .mlsExtensions(let section): "draft-ietf-mls-extensions §\(section)"
        case .harnessLimit: "HARNESS-mls-\(rawValue)"
        case .engine: nil
        }
    }
}
