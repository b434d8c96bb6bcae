import Foundation
import MLS
import MLSCrypto
import TLSCodec

/// The composite successor steps (mls-interop-harness.md §3): `reinit` (RFC 9420 §11.2) and `branch` (§11.3).
extension MLSInteropExecution {
    /// reinit: a member (or an external sender, earlier) proposes ReInit; the committer commits it by reference and
    /// everyone else processes it (authenticators compared in the old group); each member makes a KeyPackage for the
    /// new group; the welcomer starts the successor and everyone else joins it (authenticators compared in the new
    /// group). Every joiner checks the §11.2 rules on the Welcome.
    mutating func reinit(_ spec: MLSInteropReInitSpec) throws {
        var notCommitter = Set(spec.members + [spec.welcomer] + (spec.proposer.map { [$0] } ?? []))
        var notWelcomer = Set(spec.members + [spec.committer] + (spec.proposer.map { [$0] } ?? []))
        notCommitter.remove(spec.committer)
        notWelcomer.remove(spec.welcomer)

        // The proposal.
        var records: [MLSInteropProposalRecord]
        var label: String
        if let proposer = spec.proposer {
            let newGroupID = try reinitGroupID(change: spec.changeGroupID)
            if spec.changeCipherSuite { try changeCipherSuite() }
            let proposal = ReInit(groupID: newGroupID, version: .mls10, cipherSuite: suite.id, extensions: spec.extensions)
            var g = try group(proposer)
            let before = Set(g.cachedProposalRefs)
            let message = try Self.attempt(here, proposer, "propose ReInit", "RFC9420 §12.1.5") {
                try g.propose(.reInit(proposal))
            }
            setGroup(proposer, g)
            records = [MLSInteropProposalRecord(bytes: message.tlsEncoded, proposer: proposer,
                                                ref: g.cachedProposalRefs.first { !before.contains($0) })]
            label = "the ReInit proposal"
        } else {
            guard let index = spec.externalProposal, let record = output(index).proposal else {
                throw scriptError("externalReinitProposal names no proposal")
            }
            records = [record]
            label = "step \(index)"
        }

        // The Commit, in the old group.
        let refs = try deliver(&records, labels: [label], to: spec.committer)
        var c = try group(spec.committer)
        let options = CommitOptions(byReference: refs)
        let out = try Self.attempt(here, spec.committer, "commit the ReInit", "RFC9420 §12.4.1") { try c.commit(options) }
        try Self.attempt(here, spec.committer, "merge its pending Commit", "RFC9420 §12.4.1") { try c.mergePendingCommit() }
        setGroup(spec.committer, c)
        try endOldGroup(spec.committer)
        let expected = c.epochAuthenticator
        let message = try parse(out.commit.tlsEncoded, "ReInit Commit")
        for m in notCommitter.sorted() {
            _ = try deliver(&records, labels: [label], to: m)
            var g = try group(m)
            try Self.attempt(here, m, "process the ReInit Commit", "RFC9420 §12.4.2") { _ = try g.process(message) }
            setGroup(m, g)
            try expectAuthenticator(g.epochAuthenticator, of: m, equals: expected, from: spec.committer)
            guard g.status == c.status else {
                throw VectorMismatch(field: "\(here): \(m): group status", expected: "\(c.status)", actual: "\(g.status)",
                                     requirement: "RFC9420 §11.2")
            }
            try endOldGroup(m)
        }

        // The successor group.
        guard let welcomer = actors[spec.welcomer]?.reinit else { throw scriptError("welcomer '\(spec.welcomer)' has no ReInit state") }
        var keyPackages: [KeyPackage] = []
        for m in notWelcomer.sorted() {
            guard let b = actors[m]?.reinit?.bundle else { throw scriptError("'\(m)' has no ReInit state") }
            keyPackages.append(b.keyPackage)
        }
        let successorOptions = SuccessorOptions(forcePath: spec.forcePath, ratchetTreeInWelcome: !spec.externalTree)
        let successor = try Self.attempt(here, spec.welcomer, "start the successor group", "RFC9420 §11.2") {
            try welcomer.old.reinitSuccessor(keyPackages: keyPackages, identity: welcomer.bundle.identity,
                                             options: successorOptions, using: &rng)
        }
        setGroup(spec.welcomer, successor.group)
        actors[spec.welcomer]?.reinit = nil
        try joinSuccessors(notWelcomer.sorted(), welcome: successor.welcome.tlsEncoded,
                           tree: spec.externalTree ? successor.ratchetTree.tlsEncoded : nil,
                           usage: .reinit, expected: successor.group.epochAuthenticator, from: spec.welcomer)
    }

    /// After a committed ReInit the member's group has ended: it keeps the old state for the successor's resumption
    /// PSK and makes a KeyPackage in the new cipher suite.
    mutating func endOldGroup(_ name: String) throws {
        let old = try group(name)
        guard case .reinitialized(let reInit) = old.status else {
            throw VectorMismatch(field: "\(here): \(name): group status", expected: "reinitialized", actual: "\(old.status)",
                                 requirement: "RFC9420 §11.2")
        }
        let newSuite = try Self.attempt(here, name, "use cipher suite \(reInit.cipherSuite)", "RFC9420 §11.2") {
            try CipherSuite(reInit.cipherSuite)
        }
        let bundle = try makeKeyPackage(name, suite: newSuite)
        actors[name]?.reinit = (old, bundle)
        setGroup(name, nil)
    }

    /// Each of `names` joins the successor group from `welcome` with its own KeyPackage, checking the §11.2/§11.3
    /// rules; every authenticator must equal the successor creator's.
    mutating func joinSuccessors(_ names: [String], welcome bytes: [UInt8], tree treeBytes: [UInt8]?, usage: ResumptionPSKUsage,
                                 expected: [UInt8], from creator: String) throws {
        let welcome = try welcome(bytes)
        let nodes = try tree(treeBytes)
        let config = configuration
        let section = usage == .reinit ? "RFC9420 §11.2" : "RFC9420 §11.3"
        for m in names {
            let previous: MLSGroup
            let bundle: KeyPackageBundle
            if usage == .reinit {
                guard let state = actors[m]?.reinit else { throw scriptError("'\(m)' has no ReInit state") }
                (previous, bundle) = (state.old, state.bundle)
            } else {
                previous = try group(m)
                guard let b = actors[m]?.transaction else { throw scriptError("'\(m)' has no KeyPackage") }
                bundle = b
            }
            let g = try Self.attempt(here, m, "join the successor group", section) {
                try MLSGroup.joinSuccessor(welcome: welcome, keyPackage: bundle, ratchetTree: nodes, previous: previous,
                                           usage: usage, configuration: config, using: &rng)
            }
            setGroup(m, g)
            actors[m]?.reinit = nil
            try expectAuthenticator(g.epochAuthenticator, of: m, equals: expected, from: creator)
        }
    }

    /// branch: each member makes a KeyPackage; the actor starts a subgroup of the current epoch with them (RFC 9420
    /// §11.3) and each member joins it; authenticators are compared. The new group replaces the old one.
    mutating func branch(_ name: String, members: [String], extensions: [Extension], forcePath: Bool,
                         externalTree: Bool) throws {
        var keyPackages: [KeyPackage] = []
        for m in members {
            let b = try makeKeyPackage(m)
            actors[m, default: MLSInteropActor()].transaction = b
            keyPackages.append(b.keyPackage)
        }
        let g = try group(name)
        let groupID = newGroupID()
        let options = SuccessorOptions(forcePath: forcePath, ratchetTreeInWelcome: !externalTree)
        let sub = try Self.attempt(here, name, "start the branch", "RFC9420 §11.3") {
            try g.branch(groupID: groupID, extensions: extensions, keyPackages: keyPackages, options: options, using: &rng)
        }
        setGroup(name, sub.group)
        try joinSuccessors(members, welcome: sub.welcome.tlsEncoded, tree: externalTree ? sub.ratchetTree.tlsEncoded : nil,
                           usage: .branch, expected: sub.group.epochAuthenticator, from: name)
    }
}
