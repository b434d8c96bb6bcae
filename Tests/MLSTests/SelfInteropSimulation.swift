import Foundation
import MLS
import MLSCrypto
import TLSCodec

/// Seeded random sequences of group operations among simulated clients (self-interop): adds (by value and by
/// reference), removes, updates, external joins (with and without resync), external and resumption PSKs,
/// application messages in both directions, GroupContextExtensions, handshakes as PublicMessage and PrivateMessage.
/// After every Commit all members must agree on epoch, tree hash and epoch authenticator, and one member is first
/// handed a tampered copy of the Commit, which it must reject with its state unchanged.
struct SelfInteropSimulation {
    struct Report {
        var operations = 0
        var commits = 0
        var maxMembers = 0
        var tamperedRejected = 0
        var applicationMessages = 0
        var externalJoins = 0
        var privateHandshakes = 0
    }

    enum Failure: Error, CustomStringConvertible {
        case disagreement(operation: Int)
        case tamperedAccepted(operation: Int)
        case stateChangedByRejectedCommit(operation: Int)
        case applicationMismatch(operation: Int)
        var description: String {
            switch self {
            case .disagreement(let o): "members disagree after operation \(o)"
            case .tamperedAccepted(let o): "a tampered Commit was accepted at operation \(o)"
            case .stateChangedByRejectedCommit(let o): "a rejected Commit changed the state at operation \(o)"
            case .applicationMismatch(let o): "application data differs at operation \(o)"
            }
        }
    }

    var world: GroupWorld
    var report = Report()
    let growTo: Int

    init(suite: CipherSuite, seed: UInt64, growTo: Int) throws {
        world = try GroupWorld(suite: suite, seed: seed)
        self.growTo = growTo
    }

    mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[Int(world.rng.next() % UInt64(items.count))]
    }

    mutating func coin(_ percent: UInt64) -> Bool { world.rng.next() % 100 < percent }

    /// Runs `count` random operations.
    mutating func run(operations count: Int) throws -> Report {
        for op in 0..<count {
            report.operations += 1
            let size = world.members.count
            let roll = world.rng.next() % 100
            if size < growTo, roll < 30 {
                try add(op)
            } else if roll < 40, size > 2 {
                try remove(op)
            } else if roll < 52 {
                try update(op)
            } else if roll < 60 {
                try externalJoin(op)
            } else if roll < 68 {
                try psk(op)
            } else if roll < 70 {
                try groupContextExtensions(op)
            } else {
                try application(op)
            }
            report.maxMembers = max(report.maxMembers, world.members.count)
        }
        return report
    }

    /// Picks the handshake wire format of `name` for its next message at random.
    mutating func randomizeWireFormat(_ name: String) -> WireFormat {
        let format: WireFormat = coin(50) ? .privateMessage : .publicMessage
        world.members[name]?.configuration.handshakeWireFormat = format
        return format
    }

    /// Commits with tampering and agreement checks.
    mutating func commit(_ op: Int, by committer: String, _ options: CommitOptions, joiners: [String: KeyPackageBundle] = [:]) throws {
        var options = options
        options.wireFormat = randomizeWireFormat(committer)
        if options.wireFormat == .privateMessage { report.privateHandshakes += 1 }
        options.ratchetTreeInWelcome = coin(70)
        guard var c = world.members[committer] else { return }
        let out = try c.commit(options)
        world.members[committer] = c
        try checkTampered(out.commit, op: op, except: committer)
        try world.deliver(out, from: committer, joiners: joiners, treeInWelcome: options.ratchetTreeInWelcome ?? true)
        report.commits += 1
        guard world.agree() else { throw Failure.disagreement(operation: op) }
    }

    /// Hands a member a copy of `commit` with one byte flipped: it must be rejected and change nothing.
    mutating func checkTampered(_ commit: MLSMessage, op: Int, except committer: String) throws {
        guard let victim = pick(world.names.filter { $0 != committer }), let before = world.members[victim] else { return }
        var bytes = commit.tlsEncoded
        let index = 4 + Int(world.rng.next() % UInt64(bytes.count - 4))
        bytes[index] ^= UInt8(1 << (world.rng.next() % 8))
        var g = before
        do {
            try g.process(try MLSMessage(tlsDecoding: bytes))
            throw Failure.tamperedAccepted(operation: op)
        } catch is Failure {
            throw Failure.tamperedAccepted(operation: op)
        } catch {
            guard g.epoch == before.epoch, g.epochAuthenticator == before.epochAuthenticator,
                  g.treeHash == before.treeHash, g.status == before.status else {
                throw Failure.stateChangedByRejectedCommit(operation: op)
            }
            report.tamperedRejected += 1
        }
    }

    mutating func add(_ op: Int) throws {
        guard let committer = pick(world.names) else { return }
        var joiners: [String: KeyPackageBundle] = [:]
        let n = 1 + Int(world.rng.next() % 4)
        for _ in 0..<n {
            let name = world.freshName()
            joiners[name] = try world.keyPackage(for: name)
        }
        if coin(40), let proposer = pick(world.names.filter { $0 != committer }) {
            // By reference: another member proposes the Adds.
            _ = randomizeWireFormat(proposer)
            for (_, kp) in joiners.sorted(by: { $0.key < $1.key }) {
                guard var p = world.members[proposer] else { return }
                let m = try p.propose(.add(Add(keyPackage: kp.keyPackage)))
                world.members[proposer] = p
                try world.deliverProposal(m, from: proposer)
            }
            try commit(op, by: committer, CommitOptions(forcePath: coin(50)), joiners: joiners)
        } else {
            let adds = joiners.sorted(by: { $0.key < $1.key }).map { Proposal.add(Add(keyPackage: $0.value.keyPackage)) }
            try commit(op, by: committer, CommitOptions(byValue: adds, forcePath: coin(30)), joiners: joiners)
        }
    }

    mutating func remove(_ op: Int) throws {
        guard let committer = pick(world.names), let target = pick(world.names.filter({ $0 != committer })),
              let leaf = world.members[target]?.myLeaf else { return }
        if coin(40), let proposer = pick(world.names.filter({ $0 != committer && $0 != target })) {
            _ = randomizeWireFormat(proposer)
            guard var p = world.members[proposer] else { return }
            let m = try p.propose(.remove(Remove(removed: leaf)))
            world.members[proposer] = p
            try world.deliverProposal(m, from: proposer)
            try commit(op, by: committer, CommitOptions())
        } else {
            try commit(op, by: committer, CommitOptions(byValue: [.remove(Remove(removed: leaf))]))
        }
    }

    mutating func update(_ op: Int) throws {
        guard let committer = pick(world.names) else { return }
        if coin(50), let proposer = pick(world.names.filter({ $0 != committer })) {
            _ = randomizeWireFormat(proposer)
            guard var p = world.members[proposer] else { return }
            let m = try p.proposeUpdate()
            world.members[proposer] = p
            try world.deliverProposal(m, from: proposer)
            try commit(op, by: committer, CommitOptions())
        } else {
            try commit(op, by: committer, CommitOptions(forcePath: true))
        }
    }

    mutating func externalJoin(_ op: Int) throws {
        guard let sponsor = pick(world.names) else { return }
        let resync = coin(25) ? pick(world.names.filter { $0 != sponsor }) : nil
        let psk = coin(30) ? [world.installPSK()] : []
        try world.externalJoin(name: world.freshName(), sponsor: sponsor, removePrior: resync, pskIDs: psk)
        report.externalJoins += 1
        report.commits += 1
        guard world.agree() else { throw Failure.disagreement(operation: op) }
    }

    mutating func psk(_ op: Int) throws {
        guard let committer = pick(world.names), var c = world.members[committer] else { return }
        var proposals: [Proposal] = []
        if coin(60) {
            let id = world.installPSK()
            c = world.members[committer] ?? c
            proposals.append(c.externalPSKProposal(id: id))
        }
        if coin(60) || proposals.isEmpty {
            // The current epoch's resumption PSK: every member holds it, including this epoch's joiners.
            proposals.append(c.resumptionPSKProposal(epoch: c.epoch))
        }
        world.members[committer] = c
        try commit(op, by: committer, CommitOptions(byValue: proposals, forcePath: coin(50)))
    }

    mutating func groupContextExtensions(_ op: Int) throws {
        guard let committer = pick(world.names) else { return }
        let value = world.rng.bytes(4)
        let ext = Extension(extensionType: .applicationID, extensionData: ApplicationID(applicationID: value).tlsEncoded)
        try commit(op, by: committer, CommitOptions(byValue: [.groupContextExtensions(GroupContextExtensions(extensions: [ext]))]))
    }

    mutating func application(_ op: Int) throws {
        guard let sender = pick(world.names), var s = world.members[sender] else { return }
        let data = world.rng.bytes(1 + Int(world.rng.next() % 64))
        let aad = world.rng.bytes(Int(world.rng.next() % 8))
        let m = try GroupWorld.wire(try s.protect(data, authenticatedData: aad))
        world.members[sender] = s
        for name in world.names where name != sender {
            guard var g = world.members[name] else { continue }
            guard case .application(let got, let gotAAD, _) = try g.process(m), got == data, gotAAD == aad else {
                throw Failure.applicationMismatch(operation: op)
            }
            world.members[name] = g
        }
        report.applicationMessages += 1
    }
}
