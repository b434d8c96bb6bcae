import MLSCrypto
import TLSCodec

/// Proposals from outside the group (RFC 9420 §12.1.8): an external sender listed in the group's external_senders
/// extension, or a would-be member proposing its own Add (`new_member_proposal`). Both are PublicMessages without a
/// membership tag, signed without the GroupContext (§6.1).
public enum ExternalProposals {
    /// A proposal from the external sender at `senderIndex` of external_senders, signed with its key.
    public static func fromExternalSender(_ proposal: Proposal, groupID: [UInt8], epoch: UInt64, senderIndex: UInt32,
                                          signaturePrivateKey: [UInt8], suite: CipherSuite,
                                          authenticatedData: [UInt8] = []) throws -> MLSMessage {
        try make(proposal, groupID: groupID, epoch: epoch, sender: .external(senderIndex: senderIndex),
                 signaturePrivateKey: signaturePrivateKey, suite: suite, authenticatedData: authenticatedData)
    }

    /// A joiner's Add of its own KeyPackage for the group of `groupInfo` (sender `new_member_proposal`).
    public static func newMemberAdd(_ bundle: KeyPackageBundle, groupInfo: GroupInfo,
                                    authenticatedData: [UInt8] = []) throws -> MLSMessage {
        let context = groupInfo.groupContext
        return try make(.add(Add(keyPackage: bundle.keyPackage)), groupID: context.groupID, epoch: context.epoch,
                        sender: .newMemberProposal, signaturePrivateKey: bundle.identity.signaturePrivateKey,
                        suite: try CipherSuite(context.cipherSuite), authenticatedData: authenticatedData)
    }

    static func make(_ proposal: Proposal, groupID: [UInt8], epoch: UInt64, sender: Sender, signaturePrivateKey: [UInt8],
                     suite: CipherSuite, authenticatedData: [UInt8]) throws -> MLSMessage {
        let content = FramedContent(groupID: groupID, epoch: epoch, sender: sender, authenticatedData: authenticatedData,
                                    body: .proposal(proposal))
        let authenticated = try MessageFraming.sign(content, wireFormat: .publicMessage, groupContext: [], suite: suite,
                                                    signaturePrivateKey: signaturePrivateKey)
        return MLSMessage(.publicMessage(try MessageFraming.protectPublic(authenticated, groupContext: [], suite: suite,
                                                                          membershipKey: [])))
    }
}
