import TLSCodec

/// A rejected message, proposal, Commit or Welcome, or a misuse of the group API (RFC 9420 §6, §10.1, §11, §12).
/// Every case names the RFC 9420 (or draft-ietf-mls-extensions) rule it enforces (``rule``), so a rejection table can assert the exact error.
public enum GroupError: Error, Hashable, Sendable, CustomStringConvertible {
    // MARK: Framing (§6)
    /// The message's group_id is not this group's (§6: the recipient MUST check it).
    case wrongGroupID
    /// The message's epoch is not one this member can process (§6, §12.4.2: a Commit must be for the current epoch).
    case wrongEpoch(expected: UInt64, actual: UInt64)
    /// The sender's leaf is blank or outside the tree (§6: the sender must be a member).
    case senderNotMember(leaf: UInt32)
    /// The signature over FramedContentTBS does not verify (§6.1).
    case signatureInvalid
    /// The membership_tag of a PublicMessage from a member does not verify (§6.2).
    case membershipTagInvalid
    /// Application data sent as a PublicMessage (§6.2: application messages MUST use PrivateMessage).
    case applicationAsPublicMessage
    /// The PrivateMessage could not be decrypted or its sender data is invalid (§6.3.1, §6.3.2).
    case decryptionFailed(String)
    /// An external sender index that the external_senders extension does not list (§12.1.8.1).
    case unknownExternalSender(UInt32)
    /// This sender type may not send this content or wire format (§6, §12.1.8, §12.4.3.2).
    case senderNotAllowed(String)
    /// The member's own message came back (§6.3: a member cannot decrypt its own PrivateMessage; use the pending
    /// Commit instead).
    case ownMessage
    /// A Commit that is not for this epoch's state: a different message type was expected (§6).
    case unexpectedContent(String)

    // MARK: KeyPackages (§10.1)
    /// A KeyPackage fails validation (§10.1): version, suite, signature, leaf node or init key.
    case invalidKeyPackage(String)

    // MARK: Proposal list (§12.2)
    /// A ProposalRef in a Commit names no cached proposal of this epoch (§12.4.2).
    case proposalNotFound(ref: [UInt8])
    /// Two Adds carry the same signature key, or an Add's signature key is already a member's (§12.2).
    case duplicateAdd
    /// The Commit contains an Update sent by the committer (§12.2).
    case updateByCommitter
    /// Several Update and/or Remove proposals act on the same leaf (§12.2).
    case conflictingUpdateOrRemove(leaf: UInt32)
    /// A Remove names a blank leaf or one outside the tree (§12.2, §12.1.3).
    case removeOfBlankLeaf(UInt32)
    /// The committer removes itself (§12.2).
    case committerRemovesItself
    /// Two PreSharedKey proposals name the same PSK (§12.2).
    case duplicatePSK
    /// A PSK's nonce is not Nh bytes long (§12.1.4).
    case pskNonceLength(Int)
    /// A resumption PSK with usage other than `application` in a regular Commit (§12.1.4).
    case invalidResumptionUsage
    /// A PSK the member does not have (§12.4.2, §12.4.3.1).
    case pskNotFound(String)
    /// More than one GroupContextExtensions proposal (§12.2).
    case multipleGroupContextExtensions
    /// A ReInit with other proposals, or more than one ReInit (§12.2).
    case reInitNotAlone
    /// A ReInit to a lower protocol version (§12.1.5).
    case reInitVersionDowngrade
    /// An ExternalInit outside an external Commit (§12.2).
    case externalInitNotAllowed
    /// A member does not support an extension or proposal type the Commit uses (§12.1.7, §12.2, §7.2).
    case unsupportedByMember(leaf: UInt32, what: String)
    /// A proposal of a type this sender may not send (§12.1.2, §12.1.8: e.g. Update from an external sender).
    case proposalSenderNotAllowed(String)
    /// The Commit needs a path and has none (§12.4: any Update, Remove, ExternalInit or GroupContextExtensions, or
    /// an empty proposal list).
    case pathRequired
    /// The confirmation_tag does not verify (§12.4.2, §12.4.3.1).
    case confirmationTagInvalid
    /// A Commit whose UpdatePath's leaf does not validate (§7.3, §12.4.2).
    case invalidUpdatePathLeaf(String)

    // MARK: draft-ietf-mls-extensions
    /// An AppDataUpdate or AppEphemeral rule (draft-ietf-mls-extensions §4.6–§4.8).
    case appData(AppDataError)
    /// A SelfRemove proposal by value in a Commit (draft-ietf-mls-extensions §6.3.1: "only allowed in a Commit by
    /// reference").
    case selfRemoveByValue
    /// A Remove of a leaf whose member also sent a SelfRemove, or two SelfRemoves of one leaf, in one Commit
    /// (draft-ietf-mls-extensions §6.3.1: "the Remove proposal is invalid").
    case selfRemoveConflict(leaf: UInt32)
    /// A SelfRemove proposal sent as a PrivateMessage (draft-ietf-mls-extensions §6.3.1: "MUST be sent in an MLS
    /// PublicMessage").
    case selfRemoveNotPublic

    // MARK: External Commits (§12.4.3.2)
    /// An external Commit must carry exactly one ExternalInit and only Remove and PreSharedKey besides, all by value,
    /// with a path; a Remove must remove the joiner's old leaf.
    case invalidExternalCommit(String)
    /// The GroupInfo carries no external_pub extension (§12.4.3.2).
    case missingExternalPub

    // MARK: Welcome (§12.4.3.1)
    /// No EncryptedGroupSecrets of the Welcome names this KeyPackage (§12.4.3.1).
    case welcomeNotForThisKeyPackage
    /// The Welcome's cipher suite differs from the KeyPackage's (§12.4.3.1).
    case welcomeSuiteMismatch
    /// The GroupSecrets or GroupInfo could not be decrypted (§12.4.3.1).
    case welcomeDecryptionFailed(String)
    /// The GroupInfo signature does not verify with the signer's leaf (§12.4.3.1).
    case groupInfoSignatureInvalid
    /// Neither the ratchet_tree extension nor an out-of-band tree was given (§12.4.3.1).
    case ratchetTreeMissing
    /// The joiner's own LeafNode is not in the tree (§12.4.3.1).
    case ownLeafNotFound
    /// The GroupContext is inconsistent with the joiner (suite, version) or an extension is unsupported (§12.4.3.1).
    case groupContextInvalid(String)

    // MARK: State
    /// The group no longer accepts messages: this member was removed, or the group was reinitialized (§12.1.3,
    /// §11.2).
    case groupInactive
    /// No pending Commit to merge or discard.
    case noPendingCommit

    // MARK: Wrapped
    /// A ratchet-tree rule (§4, §7).
    case tree(TreeError)
    /// A TreeKEM rule (§7.4–§7.6, §12.4.2).
    case treeKEM(TreeKEMError)

    /// The RFC 9420 rule this error enforces.
    public var rule: String {
        switch self {
        case .wrongGroupID, .wrongEpoch, .senderNotMember, .senderNotAllowed, .ownMessage, .unexpectedContent:
            "RFC9420 §6"
        case .signatureInvalid: "RFC9420 §6.1"
        case .membershipTagInvalid, .applicationAsPublicMessage: "RFC9420 §6.2"
        case .decryptionFailed: "RFC9420 §6.3"
        case .unknownExternalSender: "RFC9420 §12.1.8.1"
        case .invalidKeyPackage: "RFC9420 §10.1"
        case .proposalNotFound: "RFC9420 §12.4.2"
        case .duplicateAdd, .updateByCommitter, .conflictingUpdateOrRemove, .removeOfBlankLeaf, .committerRemovesItself,
             .duplicatePSK, .multipleGroupContextExtensions, .reInitNotAlone, .externalInitNotAllowed:
            "RFC9420 §12.2"
        case .pskNonceLength, .invalidResumptionUsage: "RFC9420 §12.1.4"
        case .pskNotFound: "RFC9420 §12.4.2"
        case .reInitVersionDowngrade: "RFC9420 §12.1.5"
        case .unsupportedByMember: "RFC9420 §12.1.7"
        case .proposalSenderNotAllowed: "RFC9420 §12.1.8"
        case .pathRequired: "RFC9420 §12.4"
        case .confirmationTagInvalid: "RFC9420 §12.4.2"
        case .invalidUpdatePathLeaf: "RFC9420 §7.3"
        case .invalidExternalCommit, .missingExternalPub: "RFC9420 §12.4.3.2"
        case .welcomeNotForThisKeyPackage, .welcomeSuiteMismatch, .welcomeDecryptionFailed, .groupInfoSignatureInvalid,
             .ratchetTreeMissing, .ownLeafNotFound, .groupContextInvalid:
            "RFC9420 §12.4.3.1"
        case .groupInactive: "RFC9420 §12.1.3"
        case .noPendingCommit: "RFC9420 §12.4.1"
        case .appData(let e): e.rule
        case .selfRemoveByValue, .selfRemoveConflict, .selfRemoveNotPublic: "draft-ietf-mls-extensions §6.3.1"
        case .tree(let e): e.rule
        case .treeKEM(let e): e.rule
        }
    }

    public var description: String {
        let what: String = switch self {
        case .wrongGroupID: "the message's group_id is not this group's"
        case .wrongEpoch(let e, let a): "the message is for epoch \(a); expected epoch \(e)"
        case .senderNotMember(let l): "sender leaf \(l) is not a member"
        case .signatureInvalid: "the FramedContentTBS signature does not verify"
        case .membershipTagInvalid: "the membership_tag does not verify"
        case .applicationAsPublicMessage: "application data MUST NOT be sent as a PublicMessage"
        case .decryptionFailed(let r): "the PrivateMessage could not be decrypted: \(r)"
        case .unknownExternalSender(let i): "external sender \(i) is not listed in external_senders"
        case .senderNotAllowed(let r): "sender not allowed: \(r)"
        case .ownMessage: "the message was sent by this member"
        case .unexpectedContent(let r): "unexpected content: \(r)"
        case .invalidKeyPackage(let r): "invalid KeyPackage: \(r)"
        case .proposalNotFound(let r): "no cached proposal has reference \(r.hex)"
        case .duplicateAdd: "two Adds carry the same signature key, or an Add's key is already a member's"
        case .updateByCommitter: "the Commit contains an Update from the committer"
        case .conflictingUpdateOrRemove(let l): "several Update/Remove proposals act on leaf \(l)"
        case .removeOfBlankLeaf(let l): "Remove of blank leaf \(l)"
        case .committerRemovesItself: "the committer removes itself"
        case .duplicatePSK: "two PreSharedKey proposals name the same PSK"
        case .pskNonceLength(let n): "psk_nonce is \(n) bytes; it MUST be Nh bytes"
        case .invalidResumptionUsage: "a resumption PSK in a regular Commit must have usage application"
        case .pskNotFound(let r): "PSK not available: \(r)"
        case .multipleGroupContextExtensions: "more than one GroupContextExtensions proposal"
        case .reInitNotAlone: "a ReInit must be the only proposal of its Commit"
        case .reInitVersionDowngrade: "a ReInit must not lower the protocol version"
        case .externalInitNotAllowed: "ExternalInit is allowed only in an external Commit"
        case .unsupportedByMember(let l, let w): "member at leaf \(l) does not support \(w)"
        case .proposalSenderNotAllowed(let r): "proposal sender not allowed: \(r)"
        case .pathRequired: "the Commit's proposals require an UpdatePath"
        case .confirmationTagInvalid: "the confirmation_tag does not verify"
        case .invalidUpdatePathLeaf(let r): "the UpdatePath LeafNode is invalid: \(r)"
        case .invalidExternalCommit(let r): "invalid external Commit: \(r)"
        case .missingExternalPub: "the GroupInfo has no external_pub extension"
        case .welcomeNotForThisKeyPackage: "no EncryptedGroupSecrets names this KeyPackage"
        case .welcomeSuiteMismatch: "the Welcome's cipher suite differs from the KeyPackage's"
        case .welcomeDecryptionFailed(let r): "the Welcome could not be decrypted: \(r)"
        case .groupInfoSignatureInvalid: "the GroupInfo signature does not verify"
        case .ratchetTreeMissing: "no ratchet tree: neither a ratchet_tree extension nor an out-of-band tree"
        case .ownLeafNotFound: "the joiner's LeafNode is not in the tree"
        case .groupContextInvalid(let r): "invalid GroupContext: \(r)"
        case .groupInactive: "the group is no longer active for this member"
        case .noPendingCommit: "there is no pending Commit"
        case .appData(let e): e.detail
        case .selfRemoveByValue: "a SelfRemove proposal is allowed in a Commit only by reference"
        case .selfRemoveConflict(let l): "leaf \(l) is removed by a SelfRemove and by another Remove or SelfRemove"
        case .selfRemoveNotPublic: "a SelfRemove proposal must be sent as a PublicMessage"
        case .tree(let e): e.description
        case .treeKEM(let e): e.description
        }
        return "\(what) (\(rule))"
    }
}
