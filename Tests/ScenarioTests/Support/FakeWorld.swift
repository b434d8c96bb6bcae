import MIMIProtocol
import Results
@testable import Scenario

/// A small, deterministic stand-in for the simulated providers: enough room semantics (epochs, members,
/// participants with admin/regular/banned roles, fan-out, a policy where only admins change membership) to
/// exercise the executor and its checks. `Faults` make it misbehave on purpose.
final class FakeWorld: ScenarioWorld {
    struct Faults {
        /// This client computes a different epoch authenticator after every commit.
        var divergentAuthenticator: ClientRef?
        /// The hub accepts what it should refuse with notAllowed.
        var acceptUnauthorized = false
        /// Received text gets an extra character.
        var corruptReceivedText = false
        /// The hub advances the epoch even when it refuses a commit.
        var refusedCommitAdvancesEpoch = false
        /// Every /notify the hub sends is reported as invalid by the harness.
        var invalidNotify = false
    }

    struct Room {
        var epoch: UInt64 = 0
        var members: [ClientRef] = []
        var participants: [String: String] = [:]
        var received: [ClientRef: [ReceivedMessage]] = [:]
    }

    let scenario: Scenario
    let seed: UInt64
    let faults: Faults
    var rooms: [String: Room] = [:]
    var policies: [String: String] = [:]
    /// (requester, target) pairs whose consent was revoked.
    var revoked: Set<String> = []
    /// Provider → pending tamper mutation for its next commit.
    var tampers: [String: String] = [:]
    var entries: [TranscriptEntry] = []
    var found: [WireViolation] = []
    var counter: UInt64 = 0

    init(scenario: Scenario, seed: UInt64, faults: Faults = Faults()) {
        self.scenario = scenario
        self.seed = seed
        self.faults = faults
    }

    var hub: String { scenario.hub?.domain ?? "hub" }
    func provider(_ c: ClientRef) -> String { scenario.user(named: c.user)?.provider ?? "?" }
    func provider(user: String) -> String { scenario.user(named: user)?.provider ?? "?" }

    /// splitmix64: deterministic bytes from the seed.
    func bytes(_ n: Int, _ salt: String) -> [UInt8] {
        var x = seed ^ UInt64(truncatingIfNeeded: salt.utf8.reduce(UInt64(1469598103934665603)) { ($0 ^ UInt64($1)) &* 1099511628211 })
        var out: [UInt8] = []
        while out.count < n {
            x &+= 0x9E3779B97F4A7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            z ^= z >> 31
            withUnsafeBytes(of: z.bigEndian) { out.append(contentsOf: $0) }
        }
        return Array(out.prefix(n))
    }

    func log(_ from: String, _ to: String, _ path: String, _ status: Int, _ decoded: String) {
        guard from != to else { return }
        entries.append(TranscriptEntry(index: entries.count, from: from, to: to, method: "POST", path: path, status: status,
                                       bodyHex: bytes(8, "\(entries.count)\(decoded)").hex, decoded: decoded))
    }

    func commit(_ room: String, by: ClientRef, _ change: (inout Room) -> Void) -> ActionOutcome {
        guard var r = rooms[room] else { return ActionOutcome(code: "notAllowed", respondent: hub) }
        if let mutation = tampers.removeValue(forKey: provider(by)) {
            return ActionOutcome(code: mutation == "wrong-epoch" ? "wrongEpoch" : "invalidMessage", httpStatus: 200, respondent: hub)
        }
        change(&r)
        r.epoch += 1
        rooms[room] = r
        log(provider(by), hub, "/update/\(room)", 200, "commit epoch \(r.epoch)")
        for p in Set(r.members.map(provider)).sorted() where p != hub { log(hub, p, "/notify/\(room)", 201, "commit epoch \(r.epoch)") }
        if faults.invalidNotify, let last = entries.last {
            found.append(WireViolation(transcriptIndex: last.index, sender: hub, message: "FanoutMessage: trailing bytes at offset 12",
                                       requirement: "MIMI-PROTO-wire-valid"))
        }
        return ActionOutcome(httpStatus: 200, respondent: hub, commit: CommitInfo(room: room, committer: by, epoch: r.epoch))
    }

    func refuse(_ room: String, _ code: String) -> ActionOutcome {
        if faults.refusedCommitAdvancesEpoch { rooms[room]?.epoch += 1 }
        return ActionOutcome(code: code, httpStatus: 200, respondent: hub)
    }

    func isAdmin(_ c: ClientRef, _ room: String) -> Bool {
        faults.acceptUnauthorized || rooms[room]?.participants[c.user] == "admin"
    }

    /// May `c` add or remove other users: admins, and regular members of cooperative rooms.
    func mayManage(_ c: ClientRef, _ room: String) -> Bool {
        isAdmin(c, room) || (policies[room] == "cooperative" && rooms[room]?.participants[c.user] == "regular")
    }

    func devices(_ user: String) -> [ClientRef] {
        (1...max(scenario.user(named: user)?.devices ?? 1, 1)).map { ClientRef(user: user, device: $0) }
    }

    func perform(_ action: WorldAction) async throws -> ActionOutcome {
        switch action {
        case .createRoom(let by, let room, let policy):
            guard rooms[room] == nil else { return ActionOutcome(code: "notAllowed", respondent: hub) }
            rooms[room] = Room(members: [by], participants: [by.user: "admin"])
            policies[room] = policy
            return ActionOutcome(respondent: hub)
        case .addUser(let by, let room, let user):
            guard mayManage(by, room) else { return refuse(room, "notAllowed") }
            guard !revoked.contains("\(by.user)>\(user)") else { return ActionOutcome(code: "noConsent", httpStatus: 200, respondent: provider(user: user)) }
            guard rooms[room]?.participants[user] != "banned" else { return refuse(room, "notAllowed") }
            log(hub, provider(user: user), "/keyMaterial/\(user)", 200, "KeyMaterialResponse success")
            return commit(room, by: by) { r in
                r.participants[user] = "regular"
                r.members += self.devices(user).filter { !r.members.contains($0) }
            }
        case .addDevice(let by, let room, let device):
            guard by.user == device.user else { return refuse(room, "notAllowed") }
            return commit(room, by: by) { $0.members.append(device) }
        case .removeUser(let by, let room, let user), .ban(let by, let room, let user):
            let banned: Bool
            if case .ban = action { banned = true } else { banned = false }
            guard banned ? isAdmin(by, room) : mayManage(by, room) else { return refuse(room, "notAllowed") }
            return commit(room, by: by) { r in
                r.members.removeAll { $0.user == user }
                r.participants[user] = banned ? "banned" : nil
            }
        case .unban(let by, let room, let user):
            guard isAdmin(by, room), rooms[room]?.participants[user] == "banned" else { return refuse(room, "notAllowed") }
            return commit(room, by: by) { $0.participants[user] = nil }
        case .changeRole(let by, let room, let user, let role):
            guard isAdmin(by, room) else { return refuse(room, "notAllowed") }
            return commit(room, by: by) { $0.participants[user] = role }
        case .leave(let by, let room, let committer):
            let c = committer ?? rooms[room]?.members.first { $0.user != by.user } ?? by
            return commit(room, by: c) { r in
                r.members.removeAll { $0.user == by.user }
                r.participants[by.user] = nil
            }
        case .update(let by, let room):
            guard rooms[room]?.members.contains(by) == true else { return refuse(room, "notAllowed") }
            return commit(room, by: by) { _ in }
        case .externalJoin(let by, let room), .rejoin(let by, let room):
            // The hub refuses a banned (or unknown) user's GroupInfo request with GroupInfoCode notAuthorized.
            guard rooms[room]?.participants[by.user].map({ $0 != "banned" }) == true else { return refuse(room, "notAuthorized") }
            log(provider(by), hub, "/groupInfo/\(room)", 200, "GroupInfoResponse success")
            return commit(room, by: by) { r in if !r.members.contains(by) { r.members.append(by) } }
        case .send(let by, let room, let content, _):
            guard let r = rooms[room], r.members.contains(by) else { return ActionOutcome(code: "notAllowed", httpStatus: 200, respondent: hub) }
            counter += 1
            let id = [0x01] + bytes(31, "msg\(counter)")
            log(provider(by), hub, "/submitMessage/\(room)", 200, "SubmitMessageRequest")
            var delivered = content
            if faults.corruptReceivedText, case .single(let d, let l, let t, let c) = content.body {
                delivered.body = .single(disposition: d, language: l, contentType: t, content: c + [0x21])
            }
            for m in r.members where m != by {
                rooms[room]?.received[m, default: []].append(ReceivedMessage(messageId: id, sender: by, content: delivered))
            }
            for p in Set(r.members.map(provider)).sorted() where p != hub { log(hub, p, "/notify/\(room)", 201, "FanoutMessage application") }
            var sent = content
            if case .external(let d, let l, var e) = sent.body, e.encAlg == 1 {
                e.key = bytes(16, "key\(counter)")
                e.nonce = bytes(12, "nonce\(counter)")
                e.contentHash = bytes(32, "hash\(counter)")
                sent.body = .external(disposition: d, language: l, e)
                rooms[room]?.received.keys.forEach { k in
                    if var list = rooms[room]?.received[k], let i = list.lastIndex(where: { $0.messageId == id }) {
                        list[i].content = sent
                        rooms[room]?.received[k] = list
                    }
                }
            }
            return ActionOutcome(httpStatus: 200, respondent: hub, sent: SentMessage(messageId: id, content: sent))
        case .consent(let c):
            if c.operation == .revoke { revoked.insert("\(c.requester)>\(c.target)") }
            if c.operation == .grant { revoked.remove("\(c.requester)>\(c.target)") }
            log(provider(user: c.requester), provider(user: c.target), "/requestConsent/\(c.target)", 201, "ConsentEntry \(c.operation.rawValue)")
            return ActionOutcome(httpStatus: 201, respondent: provider(user: c.target))
        case .identifierQuery(let q):
            let matches = scenario.users.filter { u in
                u.provider == q.domain && q.query.allSatisfy { u.identifiers[$0.type] == $0.value }
            }
            log(provider(user: q.by), q.domain, "/identifierQuery/\(q.domain)", 200, "IdentifierRequest")
            return ActionOutcome(code: matches.isEmpty ? "notFound" : "success", httpStatus: 200, respondent: q.domain,
                                 found: matches.map { "mimi://\($0.provider)/u/\($0.name)" })
        case .reportAbuse(let by, let room, _, _):
            log(provider(by), hub, "/reportAbuse/\(room)", 201, "AbuseReport")
            return ActionOutcome(httpStatus: 201, respondent: hub)
        case .inject(let i):
            // An application message of an epoch the room has left (negative/submit-epoch-too-old): epochTooOld.
            if i.endpoint == "submitMessage", case .hex(let bytes) = i.body, let room = i.room, let current = rooms[room]?.epoch,
               let request = try? SubmitMessageRequest(tlsDecoding: bytes), case .privateMessage(let m) = request.appMessage.body,
               m.epoch < current {
                log(i.from, i.to, "/\(i.endpoint)", 200, "epochTooOld")
                return ActionOutcome(code: "epochTooOld", httpStatus: 200, respondent: i.to)
            }
            let replay = i.body == .replayLast
            log(i.from, i.to, "/\(i.endpoint)", replay ? 201 : 400, "injected")
            return replay ? ActionOutcome(httpStatus: 201, respondent: i.to)
                : ActionOutcome(code: "malformed", httpStatus: 400, respondent: i.to)
        case .tamper(let t):
            tampers[t.party] = t.mutation
            return ActionOutcome()
        }
    }

    func performConcurrently(_ actions: [WorldAction]) async throws -> [ActionOutcome] {
        let epochs = rooms.mapValues(\.epoch)
        var out: [ActionOutcome] = []
        for a in actions {
            if a.commits, let room = roomOf(a), rooms[room]?.epoch != epochs[room] {
                out.append(ActionOutcome(code: "wrongEpoch", httpStatus: 200, respondent: hub,
                                         detail: "currentEpoch \(rooms[room]?.epoch ?? 0)"))
            } else {
                out.append(try await perform(a))
            }
        }
        return out
    }

    func roomOf(_ a: WorldAction) -> String? {
        switch a {
        case .addUser(_, let r, _), .update(_, let r), .removeUser(_, let r, _): return r
        default: return nil
        }
    }

    func observe(room: String) async throws -> RoomObservation {
        guard let r = rooms[room] else { return RoomObservation(room: room, hubEpoch: nil, members: [], participants: [:], clients: []) }
        let clients = r.members.sorted().map { c in
            ClientObservation(client: c, provider: provider(c), epoch: r.epoch,
                              epochAuthenticator: bytes(32, "auth\(room)\(r.epoch)\(c == faults.divergentAuthenticator ? "x" : "")"),
                              members: r.members, participants: r.participants, receivedCount: r.received[c]?.count ?? 0)
        }
        return RoomObservation(room: room, hubEpoch: r.epoch, members: r.members, participants: r.participants, clients: clients)
    }

    func received(by client: ClientRef, room: String) async throws -> [ReceivedMessage] {
        rooms[room]?.received[client] ?? []
    }

    func transcript() async -> [TranscriptEntry] { entries }
    func violations() async -> [WireViolation] { found }
}

/// Makes ``FakeWorld``s with the given faults.
struct FakeWorldFactory: ScenarioWorldFactory {
    var faults = FakeWorld.Faults()
    var name: String { "fake" }

    func implementations(for scenario: Scenario) -> [String: String] {
        Dictionary(scenario.providers.map { ($0.domain, "fake") }, uniquingKeysWith: { a, _ in a })
    }

    func makeWorld(for scenario: Scenario, seed: UInt64) async throws -> any ScenarioWorld {
        FakeWorld(scenario: scenario, seed: seed, faults: faults)
    }
}
