import MLS
import MLSCrypto
import TLSCodec

/// A Delivery Service in miniature for group tests: named clients, each with its own ``MLSGroup`` state; messages
/// are serialized and parsed again on the way, as they would be on the wire.
struct GroupWorld {
    let suite: CipherSuite
    var rng: DeterministicRandom
    var members: [String: MLSGroup] = [:]
    var nextClient = 0
    var configuration: GroupConfiguration
    /// External PSKs every client holds.
    var sharedPSKs = PSKStore()

    init(suite: CipherSuite, seed: UInt64, creator: String = "c0", extensions: [Extension] = [],
         capabilities: Capabilities? = nil, configuration: GroupConfiguration = GroupConfiguration()) throws {
        self.suite = suite
        self.configuration = configuration
        rng = DeterministicRandom(seed: seed)
        let identity = try SigningIdentity.basic(Array(creator.utf8), suite: suite, using: &rng)
        members[creator] = try MLSGroup.create(groupID: rng.bytes(16), suite: suite, identity: identity,
                                               extensions: extensions, capabilities: capabilities,
                                               configuration: configuration, using: &rng)
        nextClient = 1
    }

    /// Member names in a stable order.
    var names: [String] { members.keys.sorted() }

    /// A fresh client name.
    mutating func freshName() -> String {
        defer { nextClient += 1 }
        return "c\(nextClient)"
    }

    /// A KeyPackage for a new client.
    mutating func keyPackage(for name: String, capabilities: Capabilities? = nil) throws -> KeyPackageBundle {
        let identity = try SigningIdentity.basic(Array(name.utf8), suite: suite, using: &rng)
        return try KeyPackageBundle.make(suite: suite, identity: identity, capabilities: capabilities, using: &rng)
    }

    /// The bytes of a message, parsed again (what a receiver gets from the wire).
    static func wire(_ m: MLSMessage) throws -> MLSMessage { try MLSMessage(tlsDecoding: m.tlsEncoded) }

    /// The Welcome a message carries, parsed again; a message of another wire format is a test failure (thrown).
    static func welcome(of m: MLSMessage?) throws -> Welcome {
        guard let m else { throw GroupWorldError.notAWelcome("no message") }
        guard case .welcome(let welcome) = try wire(m).body else { throw GroupWorldError.notAWelcome("\(m.wireFormat)") }
        return welcome
    }

    /// Sends a proposal from `proposer` to every other member.
    mutating func deliverProposal(_ message: MLSMessage, from proposer: String) throws {
        let bytes = try Self.wire(message)
        for name in names where name != proposer {
            guard var g = members[name] else { continue }
            try g.process(bytes)
            members[name] = g
        }
    }

    /// `committer` commits with `options`; the Commit is delivered to every other member, the committer merges it,
    /// and each joiner (by KeyPackage) joins from the Welcome, with the tree in the Welcome or out of band.
    @discardableResult
    mutating func commit(by committer: String, _ options: CommitOptions = CommitOptions(),
                         joiners: [String: KeyPackageBundle] = [:]) throws -> CommitOutput {
        guard var c = members[committer] else { throw GroupWorldError.unknownMember(committer) }
        let out = try c.commit(options)
        members[committer] = c
        try deliver(out, from: committer, joiners: joiners, treeInWelcome: options.ratchetTreeInWelcome ?? true)
        return out
    }

    /// Delivers a created Commit: every other member processes it, the committer merges its pending Commit, and the
    /// joiners join from the Welcome (tree in the GroupInfo or out of band).
    mutating func deliver(_ out: CommitOutput, from committer: String, joiners: [String: KeyPackageBundle] = [:],
                          treeInWelcome: Bool = true) throws {
        let commitMessage = try Self.wire(out.commit)
        for name in names where name != committer {
            guard var g = members[name] else { continue }
            try g.process(commitMessage)
            if g.status == .removed { members[name] = nil } else { members[name] = g }
        }
        guard var c = members[committer] else { throw GroupWorldError.unknownMember(committer) }
        try c.mergePendingCommit()
        members[committer] = c
        if !joiners.isEmpty, let welcomeMessage = out.welcome {
            let welcome = try Self.welcome(of: welcomeMessage)
            for (name, bundle) in joiners.sorted(by: { $0.key < $1.key }) {
                members[name] = try MLSGroup.join(welcome: welcome, keyPackage: bundle,
                                                  ratchetTree: treeInWelcome ? nil : out.ratchetTree.nodes,
                                                  psks: sharedPSKs, configuration: configuration, using: &rng)
            }
        }
    }

    /// A new client joins by an external Commit from `sponsor`'s GroupInfo; every member processes it.
    mutating func externalJoin(name: String, sponsor: String, removePrior: String? = nil, pskIDs: [[UInt8]] = []) throws {
        guard let s = members[sponsor] else { throw GroupWorldError.unknownMember(sponsor) }
        let withTree = rng.next() % 2 == 0
        let info = try s.groupInfo(ratchetTree: withTree, externalPub: true)
        var identity = try SigningIdentity.basic(Array(name.utf8), suite: suite, using: &rng)
        var prior: UInt32?
        if let removePrior, let old = members[removePrior] {
            identity = old.identity
            prior = old.myLeaf
        }
        let parsedInfo = try GroupInfo(tlsDecoding: info.tlsEncoded)
        let out = try MLSGroup.joinExternally(groupInfo: parsedInfo, ratchetTree: withTree ? nil : s.tree.exportedNodes,
                                              identity: identity, removePrior: prior, pskIDs: pskIDs, psks: sharedPSKs,
                                              configuration: configuration, using: &rng)
        let commitMessage = try Self.wire(out.commit)
        for n in names where n != removePrior {
            guard var g = members[n] else { continue }
            try g.process(commitMessage)
            members[n] = g
        }
        if let removePrior { members[removePrior] = nil }
        members[name] = out.group
    }

    /// Installs an external PSK at every member and for future joiners.
    mutating func installPSK() -> [UInt8] {
        let id = rng.bytes(16)
        let psk = rng.bytes(32)
        sharedPSKs.addExternal(id: id, psk: psk)
        for name in names { members[name]?.psks.addExternal(id: id, psk: psk) }
        return id
    }

    /// Whether every member agrees on epoch, tree hash and epoch authenticator, and each state is consistent.
    func agree() -> Bool {
        guard let first = members.values.first else { return false }
        for name in names {
            guard var g = members[name] else { return false }
            if g.epoch != first.epoch || g.treeHash != first.treeHash || g.epochAuthenticator != first.epochAuthenticator {
                return false
            }
            if !g.checkConsistency() { return false }
        }
        return true
    }
}

/// A test world used wrongly (a typo in a member name, a Commit without a Welcome): the test fails with it.
enum GroupWorldError: Error, CustomStringConvertible {
    case unknownMember(String)
    case notAWelcome(String)
    case unexpected(String)

    var description: String {
        switch self {
        case .unknownMember(let n): "no member named \(n)"
        case .notAWelcome(let w): "expected a Welcome, got \(w)"
        case .unexpected(let what): what
        }
    }
}

extension MLSError {
    /// An error with `code`, for `#expect(throws:)`: errors compare by code only.
    static func code(_ code: Code) -> MLSError { MLSError(code, "") }
}
