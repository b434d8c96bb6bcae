import MLSCrypto
import TLSCodec

extension MLSGroup {
    /// Frames, signs and protects `body` as this member (RFC 9420 §6): a PublicMessage with a membership tag, or a
    /// PrivateMessage; application data is always a PrivateMessage (§6.2). `confirmationTag` computes a commit's tag
    /// from its signed content. Returns the message and its AuthenticatedContent (for ProposalRefs and the transcript
    /// hash).
    mutating func frame(_ body: FramedContentBody, authenticatedData: [UInt8], wireFormat requested: WireFormat? = nil,
                        confirmationTag: (AuthenticatedContent) throws -> [UInt8]? = { _ in nil })
        throws -> (message: MLSMessage, authenticated: AuthenticatedContent) {
        guard status == .active else { throw MLSError(.groupInactive, "the group is no longer active for this member") }
        let wireFormat: WireFormat = body.contentType == .application ? .privateMessage
            : (requested ?? configuration.handshakeWireFormat)
        let content = FramedContent(groupID: groupID, epoch: epoch, sender: .member(leafIndex: myLeaf),
                                    authenticatedData: authenticatedData, body: body)
        var authenticated = try MessageFraming.sign(content, wireFormat: wireFormat, groupContext: serializedContext,
                                                    suite: cipherSuite, signaturePrivateKey: identity.signaturePrivateKey)
        if body.contentType == .commit { authenticated.auth.confirmationTag = try confirmationTag(authenticated) }
        switch wireFormat {
        case .privateMessage:
            let pm = try MessageFraming.protectPrivate(authenticated, paddingBlock: configuration.paddingBlock,
                                                       secretTree: &secretTree,
                                                       senderDataSecret: epochSecrets.senderDataSecret,
                                                       suite: cipherSuite, using: &rng)
            return (MLSMessage(.privateMessage(pm)), authenticated)
        default:
            let pm = try MessageFraming.protectPublic(authenticated, groupContext: serializedContext, suite: cipherSuite,
                                                      membershipKey: epochSecrets.membershipKey)
            return (MLSMessage(.publicMessage(pm)), authenticated)
        }
    }

    /// Protects application data as a PrivateMessage (§6.3).
    public mutating func protect(_ data: [UInt8], authenticatedData: [UInt8] = []) throws -> MLSMessage {
        var copy = self
        let out = try copy.frame(.application(data), authenticatedData: authenticatedData).message
        self = copy
        return out
    }

    /// Verifies and, for a PrivateMessage, decrypts a message of this group (§6): group ID, epoch, sender membership
    /// or external-sender listing, membership tag and signature. Returns the AuthenticatedContent. Application data
    /// may come from a kept past epoch; handshake messages must be for the current epoch.
    mutating func unprotect(_ message: MLSMessage) throws -> AuthenticatedContent {
        switch message.body {
        case .publicMessage(let pm):
            return try unprotectPublic(pm)
        case .privateMessage(let pm):
            return try unprotectPrivate(pm)
        default:
            throw MLSError(.invalidOperation, "wire format \(message.wireFormat) is not a PublicMessage or PrivateMessage")
        }
    }

    private func unprotectPublic(_ pm: PublicMessage) throws -> AuthenticatedContent {
        let content = pm.content
        guard content.groupID == groupID else { throw MLSError(.wrongGroupID, "the PublicMessage is for another group_id") }
        guard content.contentType != .application else {
            throw MLSError(.applicationAsPublicMessage, "application data MUST NOT be sent as a PublicMessage")
        }
        guard content.epoch == epoch else {
            throw MLSError(.wrongEpoch, "the message is for epoch \(content.epoch); the group is at \(epoch)")
        }
        let key: [UInt8]
        switch content.sender {
        case .member(let leaf):
            guard let node = tree.leaf(leaf) else { throw MLSError(.senderNotMember, "sender leaf \(leaf) is not a member") }
            key = node.signatureKey
        case .external(let index):
            guard content.contentType == .proposal else {
                throw MLSError(.senderNotAllowed, "an external sender may send only proposals")
            }
            let senders = (try? groupContext.extensions.find(ExternalSenders.self))?.senders ?? []
            guard Int(index) < senders.count else {
                throw MLSError(.unknownExternalSender, "external sender \(index) is not listed in external_senders")
            }
            key = senders[Int(index)].signatureKey
        case .newMemberProposal:
            guard case .proposal(.add(let add)) = content.body else {
                throw MLSError(.senderNotAllowed, "new_member_proposal may send only an Add")
            }
            key = add.keyPackage.leafNode.signatureKey
        case .newMemberCommit:
            guard case .commit(let commit) = content.body else {
                throw MLSError(.senderNotAllowed, "new_member_commit may send only a Commit")
            }
            guard let path = commit.path else { throw MLSError(.externalCommitPath, "the external Commit has no UpdatePath") }
            key = path.leafNode.signatureKey
        }
        let authenticated = try PublicMessageProtection.unprotect(cipherSuite: cipherSuite, pm, groupID: groupID, epoch: epoch,
                                                                  groupContext: serializedContext,
                                                                  membershipKey: epochSecrets.membershipKey)
        try MessageFraming.verify(authenticated, groupContext: serializedContext, suite: cipherSuite, publicKey: key)
        return authenticated
    }

    private mutating func unprotectPrivate(_ pm: PrivateMessage) throws -> AuthenticatedContent {
        guard pm.groupID == groupID else { throw MLSError(.wrongGroupID, "the PrivateMessage is for another group_id") }
        if pm.epoch == epoch {
            let authenticated = try MessageFraming.decrypt(pm, epoch: epoch, secretTree: &secretTree,
                                                           senderDataSecret: epochSecrets.senderDataSecret,
                                                           suite: cipherSuite)
            return try checkDecrypted(authenticated, tree: tree, context: serializedContext)
        }
        guard pm.contentType == .application, let i = pastEpochs.firstIndex(where: { $0.epoch == pm.epoch }) else {
            throw MLSError(.wrongEpoch, "the PrivateMessage is for epoch \(pm.epoch); the group is at \(epoch)")
        }
        var past = pastEpochs[i]
        let authenticated = try MessageFraming.decrypt(pm, epoch: pm.epoch, secretTree: &past.secretTree,
                                                       senderDataSecret: past.senderDataSecret, suite: cipherSuite)
        pastEpochs[i] = past
        return try checkDecrypted(authenticated, tree: past.tree, context: past.groupContext)
    }

    private func checkDecrypted(_ authenticated: AuthenticatedContent, tree: RatchetTree,
                                context: [UInt8]) throws -> AuthenticatedContent {
        guard case .member(let leaf) = authenticated.content.sender else {
            throw MLSError(.senderNotAllowed, "a PrivateMessage sender must be a member (RFC 9420 §6.3.2)")
        }
        guard let node = tree.leaf(leaf) else { throw MLSError(.senderNotMember, "sender leaf \(leaf) is blank") }
        try MessageFraming.verify(authenticated, groupContext: context, suite: cipherSuite, publicKey: node.signatureKey)
        return authenticated
    }
}
