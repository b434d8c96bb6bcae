import Foundation
import MLS
import MLSCrypto
import TLSCodec

/// The single-party steps of an interop script: group creation, KeyPackages, joins, PSKs, proposals by members and
/// application messages (mls-interop-harness.md §3).
extension MLSInteropExecution {
    /// createGroup: a one-member group; with `members`, they make KeyPackages, the creator commits their Adds by
    /// value and each joins from the Welcome; every joiner's epoch authenticator must equal the creator's.
    mutating func createGroup(_ name: String, members: [String]) throws {
        let groupID = newGroupID()
        let id = try identity(name)
        let (s, psks, config) = (suite, actors[name]?.psks ?? PSKStore(), configuration)
        var g = try Self.attempt(here, name, "create the group", "RFC9420 §11") {
            try MLSGroup.create(groupID: groupID, suite: s, identity: id, psks: psks, configuration: config, using: &rng)
        }
        store { $0.groupID = groupID }
        setGroup(name, g)
        guard !members.isEmpty else { return }
        var bundles: [(String, KeyPackageBundle)] = []
        for m in members {
            let b = try makeKeyPackage(m)
            actors[m, default: MLSInteropActor()].transaction = b
            bundles.append((m, b))
        }
        let options = CommitOptions(byReference: [], byValue: bundles.map { .add(Add(keyPackage: $0.1.keyPackage)) })
        let out = try Self.attempt(here, name, "commit the Adds of \(members.joined(separator: ", "))", "RFC9420 §12.4.1") {
            try g.commit(options)
        }
        try Self.attempt(here, name, "merge its pending Commit", "RFC9420 §12.4.1") { try g.mergePendingCommit() }
        setGroup(name, g)
        guard let welcomeMessage = out.welcome else { throw scriptError("the Commit adding members made no Welcome") }
        let welcome = try welcome(welcomeMessage.tlsEncoded)
        for (m, bundle) in bundles {
            let joined = try join(m, welcome: welcome, bundle: bundle, tree: nil)
            try expectAuthenticator(joined.epochAuthenticator, of: m, equals: g.epochAuthenticator, from: name)
        }
    }

    /// Joins `name` from a Welcome with its KeyPackage and its PSKs, and makes that its group state.
    mutating func join(_ name: String, welcome: Welcome, bundle: KeyPackageBundle, tree: [Node?]?) throws -> MLSGroup {
        let (psks, config) = (actors[name]?.psks ?? PSKStore(), configuration)
        let g = try Self.attempt(here, name, "join from the Welcome", "RFC9420 §12.4.3.1") {
            try MLSGroup.join(welcome: welcome, keyPackage: bundle, ratchetTree: tree, psks: psks, configuration: config,
                              using: &rng)
        }
        setGroup(name, g)
        return g
    }

    mutating func createKeyPackage(_ name: String) throws {
        let b = try makeKeyPackage(name)
        actors[name, default: MLSInteropActor()].transaction = b
        store { $0.keyPackage = MLSMessage(.keyPackage(b.keyPackage)).tlsEncoded }
    }

    /// joinGroup: no comparison (as in the runner). The tree is the one the Welcome's step sent out of band, if any.
    mutating func joinGroup(_ name: String, welcomeStep: Int) throws {
        guard let bytes = output(welcomeStep).welcome else { throw scriptError("step \(welcomeStep) made no Welcome") }
        guard let bundle = actors[name]?.transaction else { throw scriptError("actor '\(name)' has no KeyPackage to join with") }
        _ = try join(name, welcome: try welcome(bytes), bundle: bundle, tree: try tree(output(welcomeStep).ratchetTree))
    }

    /// installExternalPSK: a random 32-byte psk_id and secret stored on each client.
    mutating func installExternalPSK(_ clients: [String]) {
        let id = rng.bytes(32)
        let secret = rng.bytes(32)
        store {
            $0.pskID = id
            $0.pskSecret = secret
        }
        for c in clients {
            actors[c, default: MLSInteropActor()].psks.addExternal(id: id, psk: secret)
            actors[c]?.group?.psks.addExternal(id: id, psk: secret)
        }
    }

    /// groupInfo: the actor's GroupInfo (with external_pub), the tree in it or out of band.
    mutating func groupInfo(_ name: String, externalTree: Bool) throws {
        let g = try group(name)
        let info = try Self.attempt(here, name, "sign a GroupInfo", "RFC9420 §12.4.3") {
            try g.groupInfo(ratchetTree: !externalTree, externalPub: true)
        }
        store {
            $0.groupInfo = MLSMessage(.groupInfo(info)).tlsEncoded
            $0.ratchetTree = externalTree ? g.tree.ratchetTreeExtension.tlsEncoded : nil
        }
    }

    // MARK: Proposals by members

    /// Sends `proposal` as member `name` and records the message and its ProposalRef.
    mutating func propose(_ name: String, _ what: String, requirement: String,
                          _ make: (inout MLSGroup, inout DeterministicRandom) throws -> MLSMessage) throws {
        var g = try group(name)
        let before = Set(g.cachedProposalRefs)
        let message = try Self.attempt(here, name, "propose \(what)", requirement) { try make(&g, &rng) }
        let ref = g.cachedProposalRefs.first { !before.contains($0) }
        setGroup(name, g)
        store { $0.proposal = MLSInteropProposalRecord(bytes: message.tlsEncoded, proposer: name, ref: ref) }
    }

    mutating func addProposal(_ name: String, keyPackageStep: Int) throws {
        let kp = try keyPackage(step: keyPackageStep)
        try propose(name, "Add", requirement: "RFC9420 §12.1.1") { g, _ in try g.propose(.add(Add(keyPackage: kp))) }
    }

    mutating func updateProposal(_ name: String) throws {
        try propose(name, "Update", requirement: "RFC9420 §12.1.2") { g, _ in try g.proposeUpdate() }
    }

    /// The leaf of the member whose basic credential is `identity`, in `tree`.
    func leaf(of identity: String, in members: [(index: UInt32, leaf: LeafNode)], seenBy party: String) throws -> UInt32 {
        let credential = Credential.basic(identity: Array(identity.utf8))
        guard let leaf = members.first(where: { $0.leaf.credential == credential })?.index else {
            throw VectorMismatch(field: "\(here): \(party)'s view of the members", expected: "a member '\(identity)'",
                                 actual: "no member has that identity", requirement: "RFC9420 §12.1.3")
        }
        return leaf
    }

    mutating func removeProposal(_ name: String, removed: String) throws {
        let leaf = try leaf(of: removed, in: try group(name).members, seenBy: name)
        try propose(name, "Remove of \(removed)", requirement: "RFC9420 §12.1.3") { g, _ in
            try g.propose(.remove(Remove(removed: leaf)))
        }
    }

    mutating func externalPSKProposal(_ name: String, pskStep: Int) throws {
        let psk = try psk(step: pskStep)
        try propose(name, "an external PSK", requirement: "RFC9420 §12.1.4") { g, _ in
            try g.propose(g.externalPSKProposal(id: psk.id))
        }
    }

    mutating func resumptionPSKProposal(_ name: String, epoch: UInt64) throws {
        try propose(name, "the resumption PSK of epoch \(epoch)", requirement: "RFC9420 §12.1.4") { g, _ in
            try g.propose(g.resumptionPSKProposal(epoch: epoch))
        }
    }

    mutating func gceProposal(_ name: String, extensions: [Extension]) throws {
        try propose(name, "GroupContextExtensions", requirement: "RFC9420 §12.1.7") { g, _ in
            try g.propose(.groupContextExtensions(GroupContextExtensions(extensions: extensions)))
        }
    }

    // MARK: Application messages

    mutating func protect(_ name: String, aad: String, plaintext: String) throws {
        var g = try group(name)
        let (a, p) = (Array(aad.utf8), Array(plaintext.utf8))
        let message = try Self.attempt(here, name, "protect application data", "RFC9420 §6.3") {
            try g.protect(p, authenticatedData: a)
        }
        setGroup(name, g)
        store {
            $0.ciphertext = message.tlsEncoded
            $0.plaintext = p
            $0.authenticatedData = a
        }
    }

    /// unprotect: the plaintext and authenticated data must be the ones protected (RFC 9420 §6.3).
    mutating func unprotect(_ name: String, ciphertextStep: Int) throws {
        let o = output(ciphertextStep)
        guard let bytes = o.ciphertext, let plaintext = o.plaintext, let aad = o.authenticatedData else {
            throw scriptError("step \(ciphertextStep) protected no message")
        }
        let message = try parse(bytes, "ciphertext of step \(ciphertextStep)")
        var g = try group(name)
        let result = try Self.attempt(here, name, "unprotect the message of step \(ciphertextStep)", "RFC9420 §6.3") {
            try g.process(message)
        }
        setGroup(name, g)
        guard case .application(let data, let authenticatedData, _) = result else {
            throw VectorMismatch(field: "\(here): \(name): content of step \(ciphertextStep)", expected: "application data",
                                 actual: "\(result)", requirement: "RFC9420 §6.3")
        }
        guard authenticatedData == aad else {
            throw VectorMismatch(field: "\(here): \(name): authenticated_data", expected: Self.show(aad),
                                 actual: Self.show(authenticatedData), requirement: "RFC9420 §6.3")
        }
        guard data == plaintext else {
            throw VectorMismatch(field: "\(here): \(name): plaintext", expected: Self.show(plaintext), actual: Self.show(data),
                                 requirement: "RFC9420 §6.3")
        }
        unprotectChecks += 1
    }

    /// Bytes as text when they are printable UTF-8, else hex.
    static func show(_ bytes: [UInt8]) -> String {
        if let s = String(bytes: bytes, encoding: .utf8), s.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7f }) {
            return "\"\(s)\""
        }
        return bytes.hex
    }
}
