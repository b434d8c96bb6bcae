import MLSCrypto
import TLSCodec

extension MLSGroup {
    /// Sends `proposal` as this member (RFC 9420 §12.1) and caches it by its ProposalRef for a later Commit.
    public mutating func propose(_ proposal: Proposal, authenticatedData: [UInt8] = []) throws -> MLSMessage {
        var copy = self
        let out = try copy.proposeUnchecked(proposal, authenticatedData: authenticatedData)
        self = copy
        return out.message
    }

    private mutating func proposeUnchecked(_ proposal: Proposal, authenticatedData: [UInt8])
        throws -> (message: MLSMessage, ref: [UInt8]) {
        if case .update = proposal {} else if case .externalInit = proposal {
            throw MLSError(.externalInitNotAllowed, "a member does not propose ExternalInit (RFC 9420 §12.1.6)")
        }
        // SelfRemove MUST be a PublicMessage (draft-ietf-mls-extensions §6.3.1), so the DS and joiners can read it.
        let wireFormat: WireFormat? = if case .selfRemove = proposal { .publicMessage } else { nil }
        let framed = try frame(.proposal(proposal), authenticatedData: authenticatedData, wireFormat: wireFormat)
        let ref = cipherSuite.makeProposalRef(framed.authenticated.tlsEncoded)
        proposalCache[ref] = CachedProposal(proposal: proposal, sender: .member(leafIndex: myLeaf))
        return (framed.message, ref)
    }

    /// Proposes an Update of this member's leaf (§12.1.2): a fresh encryption key, source `update`, signed with the
    /// group ID and leaf index. The new private key is kept until a Commit applies the Update.
    public mutating func proposeUpdate(authenticatedData: [UInt8] = []) throws -> MLSMessage {
        var copy = self
        guard let current = copy.tree.leaf(copy.myLeaf) else { throw MLSError(.ownLeafNotFound, "this member's leaf is blank") }
        let pair = try copy.cipherSuite.generateKEMKeyPair(using: &copy.rng)
        var leaf = current
        leaf.encryptionKey = pair.publicKey
        leaf.source = .update
        leaf = try LeafNodeSigner.sign(leaf, suite: copy.cipherSuite, groupID: copy.groupID, leafIndex: copy.myLeaf,
                                       signaturePrivateKey: copy.identity.signaturePrivateKey)
        let out = try copy.proposeUnchecked(.update(Update(leafNode: leaf)), authenticatedData: authenticatedData)
        copy.pendingUpdateKeys[out.ref] = NodeKeyPair(privateKey: pair.privateKey, publicKey: pair.publicKey)
        self = copy
        return out.message
    }

    /// A PreSharedKey proposal for an external PSK with a fresh nonce (§12.1.4).
    public mutating func externalPSKProposal(id: [UInt8]) -> Proposal {
        .preSharedKey(PreSharedKey(psk: PreSharedKeyID(key: .external(pskID: id), pskNonce: rng.bytes(cipherSuite.hashLength))))
    }

    /// A PreSharedKey proposal for this group's resumption PSK of `epoch` (usage application, §12.1.4).
    public mutating func resumptionPSKProposal(epoch: UInt64) -> Proposal {
        .preSharedKey(PreSharedKey(psk: PreSharedKeyID(key: .resumption(usage: .application, pskGroupID: groupID,
                                                                         pskEpoch: epoch),
                                                       pskNonce: rng.bytes(cipherSuite.hashLength))))
    }

    /// Caches a proposal received in a verified message (§12.1), after the checks it allows on its own: who may send
    /// it (§12.1.8; draft-ietf-mls-extensions §7.3: AppDataUpdate and AppEphemeral also from external senders,
    /// SelfRemove only from a member and as a PublicMessage).
    mutating func cacheReceivedProposal(_ authenticated: AuthenticatedContent) throws -> (Proposal, [UInt8]) {
        guard case .proposal(let proposal) = authenticated.content.body else {
            throw MLSError(.invalidOperation, "not a proposal")
        }
        let sender = authenticated.content.sender
        switch (proposal, sender) {
        case (.update, .member), (.add, _), (.remove, .member), (.remove, .external), (.preSharedKey, .member),
             (.preSharedKey, .external), (.reInit, .member), (.reInit, .external), (.groupContextExtensions, .member),
             (.groupContextExtensions, .external), (.other, .member), (.appDataUpdate, .member), (.appDataUpdate, .external),
             (.appEphemeral, .member), (.appEphemeral, .external):
            break
        case (.selfRemove, .member):
            guard authenticated.wireFormat == .publicMessage else {
                throw MLSError(.selfRemoveNotPublic, "a SelfRemove proposal must be sent as a PublicMessage")
            }
        default:
            throw MLSError(.proposalSenderNotAllowed, "\(proposal.proposalType) from \(sender)")
        }
        if case .newMemberProposal = sender, case .add = proposal {} else if case .newMemberProposal = sender {
            throw MLSError(.proposalSenderNotAllowed, "new_member_proposal may only propose Add")
        }
        let ref = cipherSuite.makeProposalRef(authenticated.tlsEncoded)
        proposalCache[ref] = CachedProposal(proposal: proposal, sender: sender)
        return (proposal, ref)
    }
}
