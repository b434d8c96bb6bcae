import MLSCrypto
import TLSCodec

extension MLSGroup {
    /// The provisional GroupContext of the next epoch (§12.4.1, §12.4.2): epoch + 1, the new tree hash, the current
    /// confirmed transcript hash, the new extensions. UpdatePath secrets are encrypted under it.
    func provisionalContext(treeHash: [UInt8], extensions: [Extension]) -> GroupContext {
        GroupContext(version: groupContext.version, cipherSuite: groupContext.cipherSuite, groupID: groupID,
                     epoch: epoch + 1, treeHash: treeHash, confirmedTranscriptHash: confirmedTranscriptHash,
                     extensions: extensions)
    }

    /// The key schedule step of a Commit (§8, §8.2): the new confirmed transcript hash from the Commit's
    /// ConfirmedTranscriptHashInput, the new GroupContext, the PSK secret and the epoch secrets.
    func nextEpochSecrets(treeHash: [UInt8], extensions: [Extension], confirmedInput: [UInt8], commitSecret: [UInt8]?,
                          initSecret: [UInt8], psks pskIDs: [PreSharedKeyID])
        throws -> (context: GroupContext, secrets: EpochSecrets, confirmationTag: [UInt8]) {
        let confirmed = TranscriptHash.confirmed(cipherSuite: cipherSuite, interimBefore: interimTranscriptHash,
                                                 confirmedInput: confirmedInput)
        var context = provisionalContext(treeHash: treeHash, extensions: extensions)
        context.confirmedTranscriptHash = confirmed
        let pskSecret = try psks.pskSecret(for: pskIDs, suite: cipherSuite)
        let secrets = try KeySchedule.nextEpoch(cipherSuite: cipherSuite, initSecret: initSecret, commitSecret: commitSecret,
                                                pskSecret: pskSecret, groupContext: context.tlsEncoded)
        let tag = TranscriptHash.confirmationTag(cipherSuite: cipherSuite, confirmationKey: secrets.confirmationKey,
                                                 confirmed: confirmed)
        return (context, secrets, tag)
    }

    /// The state of the next epoch: this state with the new context, tree, keys and secrets; the current epoch's
    /// secret tree kept for late application messages; the proposal cache emptied (§12.4.2).
    func advanced(context: GroupContext, tree newTree: RatchetTree, myLeaf newLeaf: UInt32, keys: TreeKEMPrivateKeys,
                  secrets: EpochSecrets, confirmationTag: [UInt8]) throws -> MLSGroup {
        var next = self
        next.pastEpochs.append(PastEpoch(epoch: epoch, secretTree: secretTree, senderDataSecret: epochSecrets.senderDataSecret,
                                         groupContext: serializedContext, tree: tree))
        if next.pastEpochs.count > configuration.pastEpochsKept {
            next.pastEpochs.removeFirst(next.pastEpochs.count - configuration.pastEpochsKept)
        }
        next.groupContext = context
        next.tree = newTree
        next.myLeaf = newLeaf
        next.privateKeys = keys
        next.privateKeys.prune(against: newTree)
        next.epochSecrets = secrets
        next.interimTranscriptHash = TranscriptHash.interim(cipherSuite: cipherSuite, confirmed: context.confirmedTranscriptHash,
                                                           confirmationTag: confirmationTag)
        next.secretTree = try SecretTree(cipherSuite: cipherSuite, encryptionSecret: secrets.encryptionSecret,
                                         leafCount: newTree.leafCount, configuration: configuration.secretTree)
        next.proposalCache = [:]
        next.pendingUpdateKeys = [:]
        next.pendingCommit = nil
        next.psks.addResumption(groupID: groupID, epoch: context.epoch, psk: secrets.resumptionPSK)
        if context.epoch > 64 { next.psks.pruneResumption(groupID: groupID, keepingFrom: context.epoch - 64) }
        return next
    }
}
