import Foundation
import MLS
import MLSCrypto
import TLSCodec

/// Commits, their processing and external joins (mls-interop-harness.md §3: commit, handleCommit,
/// handlePendingCommit, fullCommit, externalJoin).
extension MLSInteropExecution {
    /// The Commit of a `commit` or `fullCommit` step, created by `name` and left pending (the runner's Commit RPC):
    /// the proposals by reference are handed over first, those by value are built by the committer.
    mutating func commit(_ name: String, _ spec: MLSInteropCommitSpec) throws -> CommitOutput {
        let refs = try deliver(steps: spec.byReference, to: name)
        var byValue: [Proposal] = []
        for d in spec.byValue { byValue.append(try proposalByValue(d, committer: name)) }
        var g = try group(name)
        let options = CommitOptions(byReference: refs, byValue: byValue, forcePath: spec.forcePath,
                                    ratchetTreeInWelcome: !spec.externalTree)
        let out = try Self.attempt(here, name, "create the Commit", "RFC9420 §12.4.1") { try g.commit(options) }
        setGroup(name, g)
        store {
            $0.commit = out.commit.tlsEncoded
            $0.welcome = out.welcome?.tlsEncoded
            $0.ratchetTree = spec.externalTree ? out.ratchetTree.tlsEncoded : nil
        }
        return out
    }

    /// A proposal the committer builds from a description (the runner's `ProposalDescription` by value).
    mutating func proposalByValue(_ d: MLSInteropProposalDescription, committer name: String) throws -> Proposal {
        var g = try group(name)
        defer { setGroup(name, g) }
        switch d.kind {
        case .add(let step):
            return .add(Add(keyPackage: try keyPackage(step: step)))
        case .remove(let identity):
            return .remove(Remove(removed: try leaf(of: identity, in: g.members, seenBy: name)))
        case .externalPSK(let step):
            return g.externalPSKProposal(id: try psk(step: step).id)
        case .resumptionPSK(let epoch):
            return g.resumptionPSKProposal(epoch: epoch)
        case .groupContextExtensions(let extensions):
            return .groupContextExtensions(GroupContextExtensions(extensions: extensions))
        case .reinit(let changeGroupID, let changeCipherSuite, let extensions):
            return .reInit(try reInit(changeGroupID: changeGroupID, changeCipherSuite: changeCipherSuite,
                                      extensions: extensions))
        }
    }

    /// The ReInit a description asks for (the runner's conversion: the suite may change for the rest of the script).
    mutating func reInit(changeGroupID: Bool, changeCipherSuite: Bool, extensions: [Extension]) throws -> ReInit {
        if changeCipherSuite { try self.changeCipherSuite() }
        return ReInit(groupID: try reinitGroupID(change: changeGroupID), version: .mls10, cipherSuite: suite.id,
                      extensions: extensions)
    }

    /// `name` processes the Commit `message` after the proposals `byReference`; returns its new state.
    mutating func process(_ name: String, commit message: MLSMessage, byReference: [Int]) throws -> MLSGroup {
        try processCommit([name], commit: message, byReference: byReference)[0].group
    }

    mutating func handleCommit(_ name: String, commitStep: Int, byReference: [Int]) throws {
        guard let bytes = output(commitStep).commit else { throw scriptError("step \(commitStep) made no Commit") }
        _ = try process(name, commit: try parse(bytes, "Commit of step \(commitStep)"), byReference: byReference)
    }

    mutating func handlePendingCommit(_ name: String) throws {
        var g = try group(name)
        try Self.attempt(here, name, "merge its pending Commit", "RFC9420 §12.4.1") { try g.mergePendingCommit() }
        setGroup(name, g)
    }

    /// fullCommit: Commit, merge at the committer, HandleCommit at each member and JoinGroup at each joiner; every
    /// epoch authenticator must equal the committer's (RFC 9420 §8.7).
    mutating func fullCommit(_ name: String, _ spec: MLSInteropCommitSpec, members: [String], joiners: [String]) throws {
        let out = try commit(name, spec)
        try handlePendingCommit(name)
        let expected = try group(name).epochAuthenticator
        let message = try parse(out.commit.tlsEncoded, "Commit")
        for (m, g) in try processCommit(members, commit: message, byReference: spec.byReference) {
            guard g.status != .removed else {
                throw VectorMismatch(field: "\(here): \(m): state after the Commit", expected: "a member of the new epoch",
                                     actual: "removed by the Commit", requirement: "RFC9420 §12.1.3")
            }
            try expectAuthenticator(g.epochAuthenticator, of: m, equals: expected, from: name)
        }
        guard !joiners.isEmpty else { return }
        guard let welcomeMessage = out.welcome else {
            throw VectorMismatch(field: "\(here): \(name): Welcome", expected: "a Welcome for \(joiners.joined(separator: ", "))",
                                 actual: "none", requirement: "RFC9420 §12.4.3.1")
        }
        let welcome = try welcome(welcomeMessage.tlsEncoded)
        let tree = try tree(output(step).ratchetTree)
        // The joiners join concurrently, each with its own random stream forked in order.
        var work: [(name: String, bundle: KeyPackageBundle, psks: PSKStore, rng: DeterministicRandom)] = []
        for j in joiners {
            guard let bundle = actors[j]?.transaction else { throw scriptError("joiner '\(j)' has no KeyPackage") }
            work.append((j, bundle, actors[j]?.psks ?? PSKStore(), rng.fork("join \(j)")))
        }
        let (config, here) = (configuration, self.here)
        let outcomes = Self.concurrentMap(work) { w in
            Result<MLSGroup, any Error> {
                var r = w.rng
                return try MLSInteropExecution.attempt(here, w.name, "join from the Welcome", "RFC9420 §12.4.3.1") {
                    try MLSGroup.join(welcome: welcome, keyPackage: w.bundle, ratchetTree: tree, psks: w.psks,
                                      configuration: config, using: &r)
                }
            }
        }
        for (w, outcome) in zip(work, outcomes) {
            let g = try outcome.get()
            setGroup(w.name, g)
            try expectAuthenticator(g.epochAuthenticator, of: w.name, equals: expected, from: name)
        }
    }

    /// externalJoin: the actor publishes a GroupInfo, the joiner sends an external Commit (optionally removing its
    /// prior leaf, with external PSKs), and the actor and `members` process it; all authenticators must equal the
    /// joiner's (RFC 9420 §12.4.3.2, §8.7).
    mutating func externalJoin(_ name: String, joiner: String, members: [String], externalTree: Bool, removePrior: Bool,
                               pskSteps: [Int]) throws {
        try groupInfo(name, externalTree: externalTree)
        guard let infoBytes = output(step).groupInfo else { throw scriptError("no GroupInfo") }
        let info = try groupInfo(infoBytes)
        let nodes = try tree(output(step).ratchetTree)
        var psks = actors[joiner]?.psks ?? PSKStore()
        var pskIDs: [[UInt8]] = []
        for s in pskSteps {
            let p = try psk(step: s)
            psks.addExternal(id: p.id, psk: p.secret)
            pskIDs.append(p.id)
        }
        var prior: UInt32?
        if removePrior {
            let treeNodes = try nodes ?? (try info.extensions.find(RatchetTreeExtension.self)?.nodes ?? [])
            let tree = try Self.attempt(here, joiner, "read the GroupInfo's ratchet tree", "RFC9420 §12.4.3.3") {
                try RatchetTree(nodes: treeNodes)
            }
            prior = try leaf(of: joiner, in: tree.members, seenBy: joiner)
        }
        let id = try identity(joiner)
        let (config, removed) = (configuration, prior)
        let out = try Self.attempt(here, joiner, "join by external Commit", "RFC9420 §12.4.3.2") {
            try MLSGroup.joinExternally(groupInfo: info, ratchetTree: nodes, identity: id, removePrior: removed,
                                        pskIDs: pskIDs, psks: psks, configuration: config, using: &rng)
        }
        actors[joiner, default: MLSInteropActor()].psks = psks
        setGroup(joiner, out.group)
        store { $0.commit = out.commit.tlsEncoded }
        let expected = out.group.epochAuthenticator
        let message = try parse(out.commit.tlsEncoded, "external Commit")
        for (m, g) in try processCommit(members + [name], commit: message, byReference: []) {
            try expectAuthenticator(g.epochAuthenticator, of: m, equals: expected, from: joiner)
        }
    }
}
