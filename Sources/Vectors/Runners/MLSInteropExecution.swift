import Foundation
import MLS
import MLSCrypto
import TLSCodec

/// A script that cannot run as written (an actor with no group state, a step 0 that is not createGroup where the
/// group ID is needed): the config's fault, not the MLS engine's, so the case is an `error`.
struct MLSInteropScriptError: Error, Sendable, CustomStringConvertible {
    let step: Int
    let action: String
    let detail: String
    var description: String { "step \(step) (\(action)): \(detail)" }
}

/// A deliberate misbehaviour injected into a run, so that tests can show the runner's checks catch it.
enum MLSInteropFault: Sendable, Hashable {
    /// The member `party` reports an epoch authenticator with one bit flipped at step `step`.
    case corruptAuthenticator(step: Int, party: String)
}

/// One interop client: what the runner's gRPC server keeps behind its handles for one actor (`state_id`,
/// `transaction_id`, `reinit_id`, `signer_id`; mls-interop-harness.md §2).
struct MLSInteropActor: Sendable {
    /// The current group state.
    var group: MLSGroup?
    /// The KeyPackage of the last CreateKeyPackage or NewMemberAddProposal, with its private keys.
    var transaction: KeyPackageBundle?
    /// External PSKs installed on this client (StorePSK works before joining too).
    var psks = PSKStore()
    /// After a committed ReInit: the ended group and the KeyPackage for its successor.
    var reinit: (old: MLSGroup, bundle: KeyPackageBundle)?
    /// The identity of this actor as an external sender (§12.1.8.1).
    var signer: SigningIdentity?
}

/// A proposal as the runner caches it: the MLSMessage bytes, the actor that sent it as a member (nil for external
/// and new-member proposals, which every member processes), and its ProposalRef once known.
struct MLSInteropProposalRecord: Sendable {
    var bytes: [UInt8]
    var proposer: String?
    var ref: [UInt8]?
}

/// What a step leaves for later steps (the runner's `messageCache[index]`).
struct MLSInteropStepOutput: Sendable {
    var keyPackage: [UInt8]?
    var proposal: MLSInteropProposalRecord?
    var commit: [UInt8]?
    var welcome: [UInt8]?
    var ratchetTree: [UInt8]?
    var groupInfo: [UInt8]?
    var pskID: [UInt8]?
    var pskSecret: [UInt8]?
    var ciphertext: [UInt8]?
    var plaintext: [UInt8]?
    var authenticatedData: [UInt8]?
    var groupID: [UInt8]?
}

/// Runs one interop script with this harness's MLS engine playing every actor (the MLS interop runner in
/// single-implementation mode, mls-interop-harness.md §3), in one cipher suite and one handshake mode, making the
/// runner's checks: epoch authenticators agree after createGroup, fullCommit, externalJoin, reinit and branch
/// (RFC 9420 §8.7), and unprotect returns the plaintext and authenticated data that were protected (§6.3).
/// Every message crosses between actors as bytes and is parsed again, as it would be on the wire.
struct MLSInteropExecution {
    static let supportedSuites = CipherSuite.supportedIDs

    var suite: CipherSuite
    let configuration: GroupConfiguration
    var rng: DeterministicRandom
    var actors: [String: MLSInteropActor] = [:]
    var outputs: [Int: MLSInteropStepOutput] = [:]
    var step = 0
    var action = ""
    /// How many epoch-authenticator and unprotect comparisons passed.
    var authenticatorChecks = 0
    var unprotectChecks = 0
    /// A deliberate fault to inject, for tests.
    var fault: MLSInteropFault?

    init(suite: CipherSuite, encryptHandshake: Bool, seed: String) {
        self.suite = suite
        var configuration = GroupConfiguration()
        configuration.handshakeWireFormat = encryptHandshake ? .privateMessage : .publicMessage
        configuration.clock = .fixed(1_767_225_600)
        self.configuration = configuration
        rng = DeterministicRandom(seed: Array(seed.utf8))
    }

    /// Runs every step in order; the first failure ends the run (as in the runner).
    mutating func run(_ steps: [MLSInteropAction]) throws {
        for (i, s) in steps.enumerated() {
            step = i
            action = s.name
            outputs[i] = MLSInteropStepOutput()
            try perform(s)
        }
    }

    mutating func perform(_ s: MLSInteropAction) throws {
        switch s {
        case .createGroup(let actor, let members): try createGroup(actor, members: members)
        case .createKeyPackage(let actor): try createKeyPackage(actor)
        case .joinGroup(let actor, let welcome): try joinGroup(actor, welcomeStep: welcome)
        case .externalJoin(let actor, let joiner, let members, let externalTree, let removePrior, let psks):
            try externalJoin(actor, joiner: joiner, members: members, externalTree: externalTree, removePrior: removePrior,
                             pskSteps: psks)
        case .installExternalPSK(let clients): installExternalPSK(clients)
        case .groupInfo(let actor, let externalTree): try groupInfo(actor, externalTree: externalTree)
        case .addProposal(let actor, let kp): try addProposal(actor, keyPackageStep: kp)
        case .updateProposal(let actor): try updateProposal(actor)
        case .removeProposal(let actor, let removed): try removeProposal(actor, removed: removed)
        case .externalPSKProposal(let actor, let psk): try externalPSKProposal(actor, pskStep: psk)
        case .resumptionPSKProposal(let actor, let epoch): try resumptionPSKProposal(actor, epoch: epoch)
        case .groupContextExtensionsProposal(let actor, let extensions): try gceProposal(actor, extensions: extensions)
        case .commit(let actor, let spec): _ = try commit(actor, spec)
        case .fullCommit(let actor, let spec, let members, let joiners):
            try fullCommit(actor, spec, members: members, joiners: joiners)
        case .handleCommit(let actor, let commit, let byReference):
            try handleCommit(actor, commitStep: commit, byReference: byReference)
        case .handlePendingCommit(let actor): try handlePendingCommit(actor)
        case .protect(let actor, let aad, let plaintext): try protect(actor, aad: aad, plaintext: plaintext)
        case .unprotect(let actor, let ciphertext): try unprotect(actor, ciphertextStep: ciphertext)
        case .reinit(let spec): try reinit(spec)
        case .branch(let actor, let members, let extensions, let forcePath, let externalTree):
            try branch(actor, members: members, extensions: extensions, forcePath: forcePath, externalTree: externalTree)
        case .newMemberAddProposal(let actor, let joiner): try newMemberAddProposal(actor, joiner: joiner)
        case .addExternalSigner(let actor, let signer): try addExternalSigner(actor, signer: signer)
        case .externalSignerProposal(let actor, let member, let description):
            try externalSignerProposal(actor, member: member, description)
        }
    }

    // MARK: Failures

    /// Where the run is, for failure messages: `step 5 (fullCommit)`.
    var here: String { "step \(step) (\(action))" }

    /// The script's fault (an `error` case).
    func scriptError(_ detail: String) -> MLSInteropScriptError {
        MLSInteropScriptError(step: step, action: action, detail: detail)
    }

    /// Runs an MLS operation of `party`; an engine rejection becomes a failure naming the step, the party and the
    /// operation (expected: accepted; actual: the error).
    static func attempt<T>(_ here: String, _ party: String, _ operation: String, _ requirement: String,
                           _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as VectorMismatch {
            throw e
        } catch let e as MLSInteropScriptError {
            throw e
        } catch {
            throw VectorMismatch(field: "\(here): \(party): \(operation)", expected: "accepted",
                                 actual: "\(error)", requirement: requirement)
        }
    }

    /// Fails when `party`'s epoch authenticator differs from the reference party's (RFC 9420 §8.7).
    mutating func expectAuthenticator(_ reported: [UInt8], of party: String, equals expected: [UInt8], from reference: String) throws {
        var actual = reported
        if case .corruptAuthenticator(let s, let p) = fault, s == step, p == party, let first = actual.first {
            actual[0] = first ^ 0x01
        }
        guard actual == expected else {
            throw VectorMismatch(field: "step \(step) (\(action)): epoch_authenticator of \(party)", expected: expected.hex,
                                 actual: actual.hex, requirement: "RFC9420 §8.7",
                                 note: "\(party) does not agree with \(reference)")
        }
        authenticatorChecks += 1
    }

    // MARK: State access

    func group(_ name: String) throws -> MLSGroup {
        guard let g = actors[name]?.group else { throw scriptError("actor '\(name)' has no group state") }
        return g
    }

    mutating func setGroup(_ name: String, _ group: MLSGroup?) {
        actors[name, default: MLSInteropActor()].group = group
    }

    func output(_ index: Int) -> MLSInteropStepOutput { outputs[index] ?? MLSInteropStepOutput() }

    mutating func store(_ update: (inout MLSInteropStepOutput) -> Void) {
        var o = output(step)
        update(&o)
        outputs[step] = o
    }

    /// A fresh basic credential and signature key for `name` in the current suite (every CreateKeyPackage,
    /// ExternalJoin and NewMemberAddProposal makes new keys, as the interop servers do).
    mutating func identity(_ name: String, suite: CipherSuite? = nil) throws -> SigningIdentity {
        let s = suite ?? self.suite
        return try Self.attempt(here, name, "make a signature key pair", "RFC9420 §5.1") {
            try SigningIdentity.basic(Array(name.utf8), suite: s, using: &rng)
        }
    }

    /// A fresh KeyPackage for `name`.
    mutating func makeKeyPackage(_ name: String, suite: CipherSuite? = nil) throws -> KeyPackageBundle {
        let s = suite ?? self.suite
        let id = try identity(name, suite: s)
        return try Self.attempt(here, name, "create a KeyPackage", "RFC9420 §10") {
            try KeyPackageBundle.make(suite: s, identity: id, using: &rng)
        }
    }

    /// A group ID as the runner makes them: a UUID string.
    mutating func newGroupID() -> [UInt8] {
        let b = rng.bytes(16).map { String(format: "%02x", $0) }.joined()
        let parts = [b.prefix(8), b.dropFirst(8).prefix(4), b.dropFirst(12).prefix(4), b.dropFirst(16).prefix(4), b.dropFirst(20)]
        return Array(parts.joined(separator: "-").utf8)
    }

    // MARK: Wire

    /// Parses `bytes` as an MLSMessage, as a receiver does; a failure to parse what the engine wrote is a failure.
    func parse(_ bytes: [UInt8], _ what: String) throws -> MLSMessage {
        try Self.attempt(here, "wire", "parse the \(what)", "RFC9420 §6") { try MLSMessage(tlsDecoding: bytes) }
    }

    func keyPackage(step index: Int) throws -> KeyPackage {
        guard let bytes = output(index).keyPackage else { throw scriptError("step \(index) left no KeyPackage") }
        guard case .keyPackage(let kp) = try parse(bytes, "KeyPackage of step \(index)").body else {
            throw scriptError("step \(index) left a message that is not a KeyPackage")
        }
        return kp
    }

    func welcome(_ bytes: [UInt8]) throws -> Welcome {
        guard case .welcome(let w) = try parse(bytes, "Welcome").body else {
            throw VectorMismatch(field: "step \(step) (\(action)): Welcome", expected: "an MLSMessage carrying a Welcome",
                                 actual: "another wire format", requirement: "RFC9420 §12.4.3.1")
        }
        return w
    }

    func groupInfo(_ bytes: [UInt8]) throws -> GroupInfo {
        guard case .groupInfo(let g) = try parse(bytes, "GroupInfo").body else {
            throw VectorMismatch(field: "step \(step) (\(action)): GroupInfo", expected: "an MLSMessage carrying a GroupInfo",
                                 actual: "another wire format", requirement: "RFC9420 §12.4.3")
        }
        return g
    }

    func tree(_ bytes: [UInt8]?) throws -> [Node?]? {
        guard let bytes else { return nil }
        return try Self.attempt(here, "wire", "parse the ratchet tree", "RFC9420 §12.4.3.3") {
            try RatchetTreeExtension(tlsDecoding: bytes).nodes
        }
    }

    func psk(step index: Int) throws -> (id: [UInt8], secret: [UInt8]) {
        guard let id = output(index).pskID, let secret = output(index).pskSecret else {
            throw scriptError("step \(index) installed no external PSK")
        }
        return (id, secret)
    }

    /// The group ID of the group created at step 0 (the runner's `NewGroupID`), with "++" appended when changing it.
    func reinitGroupID(change: Bool) throws -> [UInt8] {
        guard let id = output(0).groupID else { throw scriptError("step 0 is not createGroup, so there is no group ID to reuse") }
        return change ? id + Array("++".utf8) : id
    }

    /// The runner's `ChangeCipherSuite`: another suite that every actor supports (here: the next provided suite).
    mutating func changeCipherSuite() throws {
        let ids = Self.supportedSuites
        let next = ids[((ids.firstIndex(of: suite.id) ?? 0) + 1) % ids.count]
        suite = try Self.attempt(here, "runner", "select cipher suite \(next)", "RFC9420 §5.1") { try CipherSuite(next) }
    }
}
