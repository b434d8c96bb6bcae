import Foundation
import MLS
import MLSCrypto
import TLSCodec

/// Proposals from outside the group (RFC 9420 §12.1.8; mls-interop-harness.md §3: newMemberAddProposal,
/// addExternalSigner, externalSignerProposal).
extension MLSInteropExecution {
    /// newMemberAddProposal: the joiner reads the actor's GroupInfo and sends an Add of its own new KeyPackage
    /// (sender type new_member_proposal); every member processes it.
    mutating func newMemberAddProposal(_ name: String, joiner: String) throws {
        let g = try group(name)
        let info = try Self.attempt(here, name, "sign a GroupInfo", "RFC9420 §12.4.3") { try g.groupInfo() }
        let received = try groupInfo(MLSMessage(.groupInfo(info)).tlsEncoded)
        let suite = try Self.attempt(here, joiner, "read the GroupInfo's cipher suite", "RFC9420 §12.4.3") {
            try CipherSuite(received.groupContext.cipherSuite)
        }
        let bundle = try makeKeyPackage(joiner, suite: suite)
        actors[joiner, default: MLSInteropActor()].transaction = bundle
        let message = try Self.attempt(here, joiner, "propose its own Add", "RFC9420 §12.1.8") {
            try ExternalProposals.newMemberAdd(bundle, groupInfo: received)
        }
        store { $0.proposal = MLSInteropProposalRecord(bytes: message.tlsEncoded, proposer: nil, ref: nil) }
    }

    /// addExternalSigner: the signer makes an external-sender identity; the actor proposes GroupContextExtensions
    /// with it appended to external_senders (the other extensions kept).
    mutating func addExternalSigner(_ name: String, signer: String) throws {
        let id = try identity(signer)
        actors[signer, default: MLSInteropActor()].signer = id
        let sender = ExternalSender(signatureKey: id.signaturePublicKey, credential: id.credential)
        var extensions = try group(name).groupContext.extensions
        let current = try Self.attempt(here, name, "read external_senders", "RFC9420 §12.1.8.1") {
            try extensions.find(ExternalSenders.self)
        }
        let updated = Extension(ExternalSenders(senders: (current?.senders ?? []) + [sender]))
        if let i = extensions.firstIndex(where: { $0.extensionType == .externalSenders }) {
            extensions[i] = updated
        } else {
            extensions.append(updated)
        }
        let list = extensions
        try propose(name, "GroupContextExtensions adding external sender \(signer)", requirement: "RFC9420 §12.1.7") { g, _ in
            try g.propose(.groupContextExtensions(GroupContextExtensions(extensions: list)))
        }
    }

    /// externalSignerProposal: the signer reads `member`'s GroupInfo and ratchet tree, finds itself in
    /// external_senders, and signs the described proposal as an external sender; every member processes it.
    mutating func externalSignerProposal(_ name: String, member: String, _ d: MLSInteropProposalDescription) throws {
        guard let signer = actors[name]?.signer else { throw scriptError("'\(name)' is not an external signer") }
        let g = try group(member)
        let info = try Self.attempt(here, member, "sign a GroupInfo", "RFC9420 §12.4.3") {
            try g.groupInfo(ratchetTree: false, externalPub: true)
        }
        let received = try groupInfo(MLSMessage(.groupInfo(info)).tlsEncoded)
        let nodes = try tree(g.tree.ratchetTreeExtension.tlsEncoded) ?? []
        let context = received.groupContext
        let senders = try Self.attempt(here, name, "read external_senders", "RFC9420 §12.1.8.1") {
            try context.extensions.find(ExternalSenders.self)?.senders ?? []
        }
        guard let index = senders.firstIndex(where: { $0.signatureKey == signer.signaturePublicKey }) else {
            throw VectorMismatch(field: "\(here): \(member)'s external_senders", expected: "lists \(name)",
                                 actual: "\(senders.count) senders, none with \(name)'s key", requirement: "RFC9420 §12.1.8.1")
        }
        let suite = try Self.attempt(here, name, "read the GroupInfo's cipher suite", "RFC9420 §12.4.3") {
            try CipherSuite(context.cipherSuite)
        }
        let proposal: Proposal
        switch d.kind {
        case .add(let step):
            proposal = .add(Add(keyPackage: try keyPackage(step: step)))
        case .remove(let identity):
            let tree = try Self.attempt(here, name, "read the ratchet tree", "RFC9420 §12.4.3.3") { try RatchetTree(nodes: nodes) }
            proposal = .remove(Remove(removed: try leaf(of: identity, in: tree.members, seenBy: name)))
        case .externalPSK(let step):
            proposal = .preSharedKey(PreSharedKey(psk: PreSharedKeyID(key: .external(pskID: try psk(step: step).id),
                                                                     pskNonce: rng.bytes(suite.hashLength))))
        case .resumptionPSK(let epoch):
            proposal = .preSharedKey(PreSharedKey(psk: PreSharedKeyID(
                key: .resumption(usage: .application, pskGroupID: context.groupID, pskEpoch: epoch),
                pskNonce: rng.bytes(suite.hashLength))))
        case .groupContextExtensions(let extensions):
            proposal = .groupContextExtensions(GroupContextExtensions(extensions: extensions))
        case .reinit(let changeGroupID, let changeCipherSuite, let extensions):
            proposal = .reInit(try reInit(changeGroupID: changeGroupID, changeCipherSuite: changeCipherSuite,
                                          extensions: extensions))
        }
        let message = try Self.attempt(here, name, "sign the external proposal", "RFC9420 §12.1.8") {
            try ExternalProposals.fromExternalSender(proposal, groupID: context.groupID, epoch: context.epoch,
                                                     senderIndex: UInt32(clamping: index),
                                                     signaturePrivateKey: signer.signaturePrivateKey, suite: suite)
        }
        store { $0.proposal = MLSInteropProposalRecord(bytes: message.tlsEncoded, proposer: nil, ref: nil) }
    }
}
