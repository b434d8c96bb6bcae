import MLSCrypto
import TLSCodec

/// A new group started from this one (RFC 9420 §11.2 ReInit, §11.3 branch) and the Welcome for its members.
public struct SuccessorGroup: Sendable {
    public var group: MLSGroup
    public var welcome: MLSMessage
    public var ratchetTree: RatchetTreeExtension
}

extension MLSGroup {
    /// Starts the group that replaces this one after a committed ReInit (§11.2): the ReInit's group ID, cipher suite
    /// and extensions; the first Commit adds `keyPackages` and injects this group's last resumption PSK with usage
    /// `reinit`. `identity` signs in the new group (its keys must fit the new cipher suite).
    public func reinitSuccessor(keyPackages: [KeyPackage], identity: SigningIdentity? = nil,
                                using rng: inout DeterministicRandom) throws -> SuccessorGroup {
        guard case .reinitialized(let reInit) = status else {
            throw MLSError(.invalidOperation, "the group has not been reinitialized (RFC 9420 §11.2)")
        }
        return try successor(groupID: reInit.groupID, suite: try CipherSuite(reInit.cipherSuite), extensions: reInit.extensions,
                             usage: .reinit, keyPackages: keyPackages, identity: identity ?? self.identity, using: &rng)
    }

    /// Starts a subgroup branched from this group's current epoch (§11.3): same cipher suite, a new group ID, the
    /// members of `keyPackages`, and this epoch's resumption PSK with usage `branch`.
    public func branch(groupID: [UInt8], extensions: [Extension] = [], keyPackages: [KeyPackage],
                       using rng: inout DeterministicRandom) throws -> SuccessorGroup {
        guard status == .active else { throw MLSError(.groupInactive, "the group is no longer active for this member") }
        return try successor(groupID: groupID, suite: cipherSuite, extensions: extensions, usage: .branch,
                             keyPackages: keyPackages, identity: identity, using: &rng)
    }

    private func successor(groupID newID: [UInt8], suite: CipherSuite, extensions: [Extension], usage: ResumptionPSKUsage,
                           keyPackages: [KeyPackage], identity: SigningIdentity,
                           using rng: inout DeterministicRandom) throws -> SuccessorGroup {
        var group = try MLSGroup.create(groupID: newID, suite: suite, identity: identity, extensions: extensions, psks: psks,
                                        configuration: configuration, using: &rng)
        let psk = Proposal.preSharedKey(PreSharedKey(psk: PreSharedKeyID(
            key: .resumption(usage: usage, pskGroupID: groupID, pskEpoch: epoch), pskNonce: rng.bytes(suite.hashLength))))
        var options = CommitOptions(byValue: keyPackages.map { .add(Add(keyPackage: $0)) } + [psk])
        options.resumptionUsage = usage
        let out = try group.commit(options)
        try group.mergePendingCommit()
        guard let welcome = out.welcome else { throw MLSError(.invalidOperation, "no KeyPackages for the successor group") }
        return SuccessorGroup(group: group, welcome: welcome, ratchetTree: out.ratchetTree)
    }
}
