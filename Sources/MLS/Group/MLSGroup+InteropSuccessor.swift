import MLSCrypto
import TLSCodec

/// How the first Commit of a successor group is made (RFC 9420 §11.2 ReInit, §11.3 branch), as the MLS interop
/// runner's ReInitWelcome and CreateBranch requests ask: with a forced UpdatePath, and with the ratchet tree in the
/// Welcome's GroupInfo or out of band.
public struct SuccessorOptions: Sendable, Hashable {
    /// Include an UpdatePath in the successor's first Commit.
    public var forcePath: Bool
    /// Put the ratchet_tree extension in the Welcome's GroupInfo (false: the joiners get the tree out of band).
    public var ratchetTreeInWelcome: Bool

    public init(forcePath: Bool = false, ratchetTreeInWelcome: Bool = true) {
        self.forcePath = forcePath
        self.ratchetTreeInWelcome = ratchetTreeInWelcome
    }
}

/// A Welcome to a successor group that breaks a rule of RFC 9420 §11.2 (ReInit) or §11.3 (branch): the joiner
/// must refuse it.
public struct SuccessorWelcomeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rule broken, with its section.
    public let rule: String
    /// What the Welcome carried.
    public let detail: String

    public init(rule: String, detail: String) {
        self.rule = rule
        self.detail = detail
    }

    public var description: String { "\(rule): \(detail)" }
}

extension MLSGroup {
    /// Starts the group that replaces this one after a committed ReInit (§11.2), with `options` for its first Commit:
    /// the ReInit's group ID, cipher suite and extensions; the first Commit adds `keyPackages` and injects this group's
    /// last resumption PSK with usage `reinit`. `identity` signs in the new group.
    public func reinitSuccessor(keyPackages: [KeyPackage], identity: SigningIdentity, options: SuccessorOptions,
                                using rng: inout DeterministicRandom) throws -> SuccessorGroup {
        guard case .reinitialized(let reInit) = status else {
            throw MLSError(.invalidOperation, "the group has not been reinitialized (RFC 9420 §11.2)")
        }
        return try successorGroup(groupID: reInit.groupID, suite: try CipherSuite(reInit.cipherSuite),
                                  extensions: reInit.extensions, usage: .reinit, keyPackages: keyPackages,
                                  identity: identity, options: options, using: &rng)
    }

    /// Starts a subgroup branched from this group's current epoch (§11.3), with `options` for its first Commit: same
    /// cipher suite, `groupID`, the members of `keyPackages`, and this epoch's resumption PSK with usage `branch`.
    public func branch(groupID: [UInt8], extensions: [Extension], keyPackages: [KeyPackage], options: SuccessorOptions,
                       using rng: inout DeterministicRandom) throws -> SuccessorGroup {
        guard status == .active else { throw MLSError(.groupInactive, "the group is no longer active for this member") }
        return try successorGroup(groupID: groupID, suite: cipherSuite, extensions: extensions, usage: .branch,
                                  keyPackages: keyPackages, identity: identity, options: options, using: &rng)
    }

    private func successorGroup(groupID newID: [UInt8], suite: CipherSuite, extensions: [Extension],
                                usage: ResumptionPSKUsage, keyPackages: [KeyPackage], identity: SigningIdentity,
                                options: SuccessorOptions, using rng: inout DeterministicRandom) throws -> SuccessorGroup {
        var group = try MLSGroup.create(groupID: newID, suite: suite, identity: identity, extensions: extensions, psks: psks,
                                        configuration: configuration, using: &rng)
        let psk = Proposal.preSharedKey(PreSharedKey(psk: PreSharedKeyID(
            key: .resumption(usage: usage, pskGroupID: groupID, pskEpoch: epoch), pskNonce: rng.bytes(suite.hashLength))))
        var commitOptions = CommitOptions(byValue: keyPackages.map { .add(Add(keyPackage: $0)) } + [psk],
                                          forcePath: options.forcePath,
                                          ratchetTreeInWelcome: options.ratchetTreeInWelcome)
        commitOptions.resumptionUsage = usage
        let out = try group.commit(commitOptions)
        try group.mergePendingCommit()
        guard let welcome = out.welcome else { throw MLSError(.invalidOperation, "no KeyPackages for the successor group") }
        return SuccessorGroup(group: group, welcome: welcome, ratchetTree: out.ratchetTree)
    }

    /// Joins the successor of `previous` from a Welcome (RFC 9420 §11.2 when `usage` is `reinit`, §11.3 when it is
    /// `branch`), after the checks those sections put on the joiner: the Welcome carries exactly one resumption PSK
    /// with that usage, naming `previous`'s group and current epoch; the new group is at epoch 1; for a ReInit its
    /// version, cipher suite, group ID and extensions are the ReInit proposal's; for a branch its version and cipher
    /// suite are the old group's and every member's credential is a credential of the old group. The PSKs come from
    /// `previous` (its resumption secrets and external PSKs).
    public static func joinSuccessor(welcome: Welcome, keyPackage bundle: KeyPackageBundle, ratchetTree: [Node?]? = nil,
                                     previous: MLSGroup, usage: ResumptionPSKUsage,
                                     configuration: GroupConfiguration = GroupConfiguration(),
                                     using rng: inout DeterministicRandom) throws -> MLSGroup {
        let section = usage == .reinit ? "RFC 9420 §11.2" : "RFC 9420 §11.3"
        let opened = try WelcomeOpening(welcome: welcome, keyPackage: bundle.keyPackage,
                                        initPrivateKey: bundle.initPrivateKey, psks: previous.psks)
        var resumption: [(usage: ResumptionPSKUsage, groupID: [UInt8], epoch: UInt64)] = []
        for id in opened.groupSecrets.psks {
            if case .resumption(let u, let g, let e) = id.key, u != .application { resumption.append((u, g, e)) }
        }
        guard resumption.count == 1, let psk = resumption.first else {
            throw SuccessorWelcomeError(rule: "\(section): the Welcome MUST carry exactly one resumption PSK with usage \(usage)",
                                        detail: "it carries \(resumption.count) reinit/branch resumption PSKs")
        }
        guard psk.usage == usage, psk.groupID == previous.groupID, psk.epoch == previous.epoch else {
            throw SuccessorWelcomeError(
                rule: "\(section): the resumption PSK MUST have usage \(usage) and name the old group's group_id and epoch",
                detail: "usage \(psk.usage), group_id \(psk.groupID.hex), epoch \(psk.epoch); the old group is "
                    + "\(previous.groupID.hex) at epoch \(previous.epoch)")
        }
        let context = opened.groupInfo.groupContext
        guard context.epoch == 1 else {
            throw SuccessorWelcomeError(rule: "\(section): the new group's epoch MUST be 1", detail: "epoch \(context.epoch)")
        }
        switch usage {
        case .reinit:
            guard case .reinitialized(let reInit) = previous.status else {
                throw SuccessorWelcomeError(rule: "\(section): a reinit PSK may only be used after a committed ReInit",
                                            detail: "the old group has not been reinitialized")
            }
            let actual = ReInit(groupID: context.groupID, version: context.version, cipherSuite: context.cipherSuite,
                                extensions: context.extensions)
            guard actual == reInit else {
                throw SuccessorWelcomeError(
                    rule: "\(section): the new group's version, cipher suite, group_id and extensions MUST be the ReInit's",
                    detail: "ReInit \(describe(reInit)); new group \(describe(actual))")
            }
        case .branch, .application:
            guard context.cipherSuite == previous.cipherSuite.id, context.version == previous.groupContext.version else {
                throw SuccessorWelcomeError(
                    rule: "\(section): a branch MUST keep the old group's version and cipher suite",
                    detail: "old suite \(previous.cipherSuite.id), new suite \(context.cipherSuite)")
            }
        }
        let group = try MLSGroup.join(welcome: welcome, keyPackage: bundle, ratchetTree: ratchetTree, psks: previous.psks,
                                      configuration: configuration, using: &rng)
        if usage == .branch {
            let old = Set(previous.members.map(\.leaf.credential))
            for (index, leaf) in group.members where !old.contains(leaf.credential) {
                throw SuccessorWelcomeError(rule: "\(section): every member of a branch MUST be a member of the old group",
                                            detail: "leaf \(index) has a credential no member of the old group has")
            }
        }
        return group
    }

    private static func describe(_ r: ReInit) -> String {
        "{group_id \(r.groupID.hex), version \(r.version), cipher_suite \(r.cipherSuite), extensions "
            + "\(r.extensions.map { "\($0.extensionType.rawValue):\($0.extensionData.hex)" })}"
    }
}
