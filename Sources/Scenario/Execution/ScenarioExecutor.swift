import Results
import TLSCodec

/// Runs a scenario's steps against a ``ScenarioWorld`` and checks, in order:
/// - every action gets the verdict the file expects: accepted, or refused with the named code (and then nothing
///   changed: the state of every room is the same before and after);
/// - after every accepted commit, every member is in the new epoch and all epoch authenticators agree
///   (RFC 9420 §8.7), whether or not the file asks;
/// - `expect`: epoch, members and participant list, at the hub and at every member client;
/// - `expect-received`: each client got the message with the sent message ID and the sent semantics;
/// - no message that crossed a provider boundary failed the harness's validation.
/// The first failed check ends the run (later steps would build on a broken state).
public struct ScenarioExecutor {
    public let scenario: Scenario

    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    public func run(in world: any ScenarioWorld) async -> ScenarioRunOutcome {
        var run = Run(scenario: scenario, world: world)
        var stepsRun = 0
        do {
            for step in scenario.steps {
                stepsRun += 1
                try await run.execute(step, top: step)
                try await run.checkWire(step)
            }
        } catch let f as ScenarioFailure {
            return ScenarioRunOutcome(status: .failed, failure: f, checks: run.checks, transcript: await world.transcript(),
                                      stepsRun: stepsRun)
        } catch {
            return ScenarioRunOutcome(status: .error, errorMessage: "the world failed at step \(stepsRun): \(error)",
                                      checks: run.checks, transcript: await world.transcript(), stepsRun: stepsRun)
        }
        return ScenarioRunOutcome(status: .passed, checks: run.checks, transcript: await world.transcript(), stepsRun: stepsRun)
    }
}

/// The mutable state of one run.
private struct Run {
    let scenario: Scenario
    let world: any ScenarioWorld
    var checks: [CheckRecord] = []
    var content = ContentResolver()
    var rooms: [String] = []
    var sentLabels: [String: (by: ClientRef, sent: SentMessage)] = [:]
    var violationsSeen = 0

    init(scenario: Scenario, world: any ScenarioWorld) {
        self.scenario = scenario
        self.world = world
    }

    // MARK: parties

    func party(_ c: ClientRef) -> String {
        "\(c) (\(scenario.user(named: c.user)?.provider ?? "unknown provider"))"
    }

    var hubName: String { scenario.hub?.domain ?? "the hub" }

    // MARK: recording checks

    mutating func check(_ passed: Bool, _ top: ScenarioStep, requirement: String, _ what: String, expected: String,
                        actual: String, party: String?) throws {
        checks.append(CheckRecord(requirement: requirement, description: "\(top.label): \(what)", passed: passed,
                                  expected: passed ? nil : expected, actual: passed ? nil : actual))
        if !passed {
            throw ScenarioFailure(stepIndex: top.index, location: top.location, stepKind: top.action.kind.rawValue,
                                  requirement: requirement, message: what, expected: expected, actual: actual, party: party)
        }
    }

    // MARK: steps

    mutating func execute(_ step: ScenarioStep, top: ScenarioStep) async throws {
        switch step.action {
        case .expect(let e):
            try await expect(e, top)
        case .expectReceived(let room, let by, let label):
            try await expectReceived(room: room, by: by, label: label, top)
        case .expectNotReceived(let room, let by, let label):
            try await expectNotReceived(room: room, by: by, label: label, top)
        case .concurrent(let inner):
            let actions = try inner.map { try worldAction($0) }
            let before = try await snapshot()
            let outcomes = try await world.performConcurrently(actions)
            guard outcomes.count == inner.count else {
                throw WorldContractError("performConcurrently returned \(outcomes.count) outcomes for \(inner.count) actions")
            }
            for (s, o) in zip(inner, outcomes) { try await judge(s, action: worldActionUnchecked(s), outcome: o, top: top, before: nil) }
            if inner.allSatisfy({ $0.expectReject != nil }) { try await unchanged(before, top) }
        default:
            if case .createRoom(_, let r, _) = step.action, !rooms.contains(r) { rooms.append(r) }
            let action = try worldAction(step)
            let before = step.expectReject != nil ? try await snapshot() : nil
            let outcome = try await world.perform(action)
            try await judge(step, action: action, outcome: outcome, top: top, before: before)
        }
    }

    /// Checks one action's outcome against what the step expects.
    mutating func judge(_ step: ScenarioStep, action: WorldAction?, outcome: ActionOutcome, top: ScenarioStep,
                        before: [String: RoomObservation]?) async throws {
        let respondent = outcome.respondent ?? hubName
        if let status = step.expectStatus {
            try check(outcome.httpStatus == status, top, requirement: CheckRequirements.forStatus(of: step),
                      "HTTP status of \(step.action.kind.rawValue)", expected: "\(status)",
                      actual: outcome.httpStatus.map(String.init) ?? "no HTTP response", party: respondent)
        }
        if let code = step.expectReject {
            try check(outcome.code == code, top, requirement: CheckRequirements.forRejection(code),
                      "\(step.action.kind.rawValue) is refused with \(code)", expected: "refused: \(code)",
                      actual: outcome.accepted ? "accepted" : "refused: \(outcome.code)", party: respondent)
            if let before { try await unchanged(before, top) }
            return
        }
        if case .identifierQuery(let q) = step.action, let code = q.expectCode, code != ResponseCodes.success {
            return try check(outcome.code == code, top, requirement: CheckRequirements.identifierQuery,
                             "identifier query result code", expected: code, actual: outcome.code, party: respondent)
        }
        try check(outcome.accepted, top, requirement: CheckRequirements.accepted,
                  "\(step.action.kind.rawValue) is accepted", expected: "accepted",
                  actual: "refused: \(outcome.code)\(outcome.detail.map { " (\($0))" } ?? "")", party: respondent)

        if case .send(let send) = step.action, case .send(_, _, let requested, _)? = action {
            guard let sent = outcome.sent else { throw WorldContractError("an accepted send returned no message ID") }
            try check(sent.content.withoutWorldFilledFields == requested.withoutWorldFilledFields, top,
                      requirement: CheckRequirements.contentRoundTrip, "the encoded content carries what the step asked for",
                      expected: ContentDescription.describe(requested), actual: ContentDescription.describe(sent.content),
                      party: party(send.by))
            content.record(label: send.label, sent: sent)
            if let l = send.label { sentLabels[l] = (send.by, sent) }
        }
        if case .identifierQuery(let q) = step.action {
            let code = q.expectCode ?? ResponseCodes.success
            try check(outcome.code == code, top, requirement: CheckRequirements.identifierQuery, "identifier query result code",
                      expected: code, actual: outcome.code, party: respondent)
            if let wanted = q.expectFound {
                let found = (outcome.found ?? []).sorted()
                let expectedUris = wanted.compactMap(userURI).sorted()
                try check(found == expectedUris, top, requirement: CheckRequirements.identifierQuery,
                          "identifier query finds the expected users", expected: expectedUris.joined(separator: ", "),
                          actual: found.joined(separator: ", "), party: respondent)
            }
        }
        if let commit = outcome.commit {
            try await agreement(after: commit, top)
        } else if action?.commits == true {
            throw WorldContractError("an accepted \(step.action.kind.rawValue) reported no commit")
        }
    }

    func userURI(_ user: String) -> String? {
        guard let u = scenario.user(named: user) else { return nil }
        return "mimi://\(u.provider)/u/\(u.name)"
    }

    // MARK: action translation

    func worldAction(_ step: ScenarioStep) throws -> WorldAction {
        do {
            return try worldActionUnchecked(step) ?? { throw WorldContractError("\(step.action.kind.rawValue) is not an action") }()
        } catch ContentResolver.Failure.unknownLabel(let l) {
            throw ScenarioFailure(stepIndex: step.index, location: step.location, stepKind: step.action.kind.rawValue,
                                  requirement: CheckRequirements.accepted, message: "message \"\(l)\" was never sent",
                                  expected: "an earlier accepted send named \(l)", actual: "none", party: nil)
        }
    }

    func worldActionUnchecked(_ step: ScenarioStep) throws -> WorldAction? {
        switch step.action {
        case .createRoom(let by, let room, let policy): return .createRoom(by: by, room: room, policy: policy)
        case .addUser(let by, let room, let user): return .addUser(by: by, room: room, user: user)
        case .addDevice(let by, let room, let device): return .addDevice(by: by, room: room, device: device)
        case .removeUser(let by, let room, let user): return .removeUser(by: by, room: room, user: user)
        case .leave(let by, let room, let committer): return .leave(by: by, room: room, committer: committer)
        case .ban(let by, let room, let user): return .ban(by: by, room: room, user: user)
        case .unban(let by, let room, let user): return .unban(by: by, room: room, user: user)
        case .changeRole(let by, let room, let user, let role): return .changeRole(by: by, room: room, user: user, role: role)
        case .update(let by, let room): return .update(by: by, room: room)
        case .externalJoin(let by, let room): return .externalJoin(by: by, room: room)
        case .rejoin(let by, let room): return .rejoin(by: by, room: room)
        case .send(let s):
            return .send(by: s.by, room: s.room, content: try content.resolve(s.content, topic: s.topic), frank: s.frank)
        case .consent(let c): return .consent(c)
        case .identifierQuery(let q): return .identifierQuery(q)
        case .reportAbuse(let by, let room, let label, let note):
            return .reportAbuse(by: by, room: room, messageId: try content.id(label), note: note)
        case .inject(let i): return .inject(i)
        case .tamper(let t): return .tamper(t)
        case .concurrent, .expect, .expectReceived, .expectNotReceived: return nil
        }
    }

    // MARK: built-in checks

    func snapshot() async throws -> [String: RoomObservation] {
        var out: [String: RoomObservation] = [:]
        for r in rooms { out[r] = try await world.observe(room: r) }
        return out
    }

    mutating func unchanged(_ before: [String: RoomObservation], _ top: ScenarioStep) async throws {
        let after = try await snapshot()
        for room in rooms {
            let b = before[room], a = after[room]
            guard b != a else { continue }
            let (expected, actual, who) = StateDiff.first(b, a, hub: hubName, party: party)
            try check(false, top, requirement: CheckRequirements.refusedNoChange,
                      "a refused step changes nothing in room \(room)", expected: expected, actual: actual, party: who)
        }
        checks.append(CheckRecord(requirement: CheckRequirements.refusedNoChange,
                                  description: "\(top.label): a refused step changes nothing", passed: true))
    }

    /// After a commit: the hub and every member are in the new epoch and agree on the epoch authenticator.
    mutating func agreement(after commit: CommitInfo, _ top: ScenarioStep) async throws {
        let obs = try await world.observe(room: commit.room)
        try check(obs.hubEpoch == commit.epoch, top, requirement: CheckRequirements.epochAdvance,
                  "the hub is in the epoch the commit created", expected: "\(commit.epoch)",
                  actual: obs.hubEpoch.map(String.init) ?? "no room", party: hubName)
        let views = Dictionary(obs.clients.map { ($0.client, $0) }, uniquingKeysWith: { a, _ in a })
        guard let reference = views[commit.committer] else {
            return try check(false, top, requirement: CheckRequirements.epochAuthenticator,
                             "the committer holds state for the room", expected: "state at epoch \(commit.epoch)",
                             actual: "no state", party: party(commit.committer))
        }
        // When most other members agree with each other and not with the committer, the commit's sender is the
        // odd one out: blame it rather than everyone who processed its commit.
        let others = obs.members.filter { $0 != commit.committer }.compactMap { views[$0]?.epochAuthenticator }
        var tally: [[UInt8]: Int] = [:]
        for a in others { tally[a, default: 0] += 1 }
        if let (majority, count) = tally.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key.hex > $1.key.hex) }),
           majority != reference.epochAuthenticator, count * 2 > others.count {
            try check(false, top, requirement: CheckRequirements.epochAuthenticator,
                      "the committer \(commit.committer)'s epoch_authenticator equals the one \(count) of \(others.count) other members derived",
                      expected: majority.hex, actual: reference.epochAuthenticator.hex, party: party(commit.committer))
        }
        for member in obs.members.sorted() {
            guard let v = views[member] else {
                try check(false, top, requirement: CheckRequirements.epochAdvance, "member \(member) joined or processed the commit",
                          expected: "state at epoch \(commit.epoch)", actual: "no state for the room", party: party(member))
                continue
            }
            try check(v.epoch == commit.epoch, top, requirement: CheckRequirements.epochAdvance,
                      "\(member) is in the epoch the commit created", expected: "\(commit.epoch)", actual: "\(v.epoch)",
                      party: party(member))
            try check(v.epochAuthenticator == reference.epochAuthenticator, top,
                      requirement: CheckRequirements.epochAuthenticator,
                      "\(member)'s epoch_authenticator equals the committer \(commit.committer)'s",
                      expected: reference.epochAuthenticator.hex, actual: v.epochAuthenticator.hex, party: party(member))
        }
    }

    mutating func expect(_ e: ExpectStep, _ top: ScenarioStep) async throws {
        let obs = try await world.observe(room: e.room)
        let views = Dictionary(obs.clients.map { ($0.client, $0) }, uniquingKeysWith: { a, _ in a })
        let whom = e.by ?? obs.members.sorted()
        if let epoch = e.epoch {
            try check(obs.hubEpoch == epoch, top, requirement: CheckRequirements.epochAdvance, "the hub's epoch of \(e.room)",
                      expected: "\(epoch)", actual: obs.hubEpoch.map(String.init) ?? "no room", party: hubName)
        }
        if let members = e.members {
            let want = members.sorted().map(\.description).joined(separator: ", ")
            try check(obs.members.sorted() == members.sorted(), top, requirement: CheckRequirements.membership,
                      "the hub's member list of \(e.room)", expected: want,
                      actual: obs.members.sorted().map(\.description).joined(separator: ", "), party: hubName)
        }
        if let p = e.participants {
            try check(obs.participants == p, top, requirement: CheckRequirements.participantList,
                      "the hub's participant list of \(e.room)", expected: Self.describe(p),
                      actual: Self.describe(obs.participants), party: hubName)
        }
        for c in whom {
            guard let v = views[c] else {
                try check(false, top, requirement: CheckRequirements.membership, "\(c) holds state for \(e.room)",
                          expected: "a member view", actual: "no state for the room", party: party(c))
                continue
            }
            if let epoch = e.epoch {
                try check(v.epoch == epoch, top, requirement: CheckRequirements.epochAdvance, "\(c)'s epoch of \(e.room)",
                          expected: "\(epoch)", actual: "\(v.epoch)", party: party(c))
            }
            if let members = e.members {
                try check(v.members.sorted() == members.sorted(), top, requirement: CheckRequirements.membership,
                          "\(c)'s member list of \(e.room)", expected: members.sorted().map(\.description).joined(separator: ", "),
                          actual: v.members.sorted().map(\.description).joined(separator: ", "), party: party(c))
            }
            if let p = e.participants {
                try check(v.participants == p, top, requirement: CheckRequirements.participantList,
                          "\(c)'s participant list of \(e.room)", expected: Self.describe(p),
                          actual: Self.describe(v.participants), party: party(c))
            }
        }
    }

    static func describe(_ p: [String: String]) -> String {
        p.keys.sorted().map { "\($0): \(p[$0] ?? "")" }.joined(separator: ", ")
    }

    mutating func expectReceived(room: String, by: [ClientRef], label: String, _ top: ScenarioStep) async throws {
        guard let (sender, sent) = sentLabels[label] else {
            return try check(false, top, requirement: CheckRequirements.fanout, "message \(label) was sent",
                             expected: "an accepted send named \(label)", actual: "none", party: nil)
        }
        for c in by {
            let got = try await world.received(by: c, room: room)
            let match = got.first { $0.messageId == sent.messageId }
            try check(match != nil, top, requirement: CheckRequirements.fanout, "\(c) received \(label)",
                      expected: "message \(sent.messageId.hex)",
                      actual: got.isEmpty ? "no messages" : "messages " + got.map(\.messageId.hex).joined(separator: ", "),
                      party: hubName)
            guard let m = match else { continue }
            let copies = got.filter { $0.messageId == sent.messageId }.count
            try check(copies == 1, top, requirement: CheckRequirements.duplicateId, "\(c) kept one copy of \(label)",
                      expected: "1 copy", actual: "\(copies) copies", party: party(c))
            try check(m.sender == sender, top, requirement: CheckRequirements.messageId, "\(c) attributes \(label) to its sender",
                      expected: sender.description, actual: m.sender.description, party: party(c))
            try check(m.content == sent.content, top, requirement: CheckRequirements.contentRoundTrip,
                      "\(c) decoded \(label) to the content sent", expected: ContentDescription.describe(sent.content),
                      actual: ContentDescription.describe(m.content), party: party(c))
        }
    }

    mutating func expectNotReceived(room: String, by: [ClientRef], label: String, _ top: ScenarioStep) async throws {
        guard let (_, sent) = sentLabels[label] else {
            // A refused send never produced the message: nobody can have it.
            checks.append(CheckRecord(requirement: CheckRequirements.removedNoReceive,
                                      description: "\(top.label): \(label) was never accepted, so nobody received it", passed: true))
            return
        }
        for c in by {
            let got = try await world.received(by: c, room: room)
            try check(!got.contains { $0.messageId == sent.messageId }, top, requirement: CheckRequirements.removedNoReceive,
                      "\(c) did not receive \(label)", expected: "no message \(sent.messageId.hex)",
                      actual: "received it", party: hubName)
        }
    }

    /// Fails on the first message the world's validation rejected since the last step.
    mutating func checkWire(_ top: ScenarioStep) async throws {
        let all = await world.violations()
        guard all.count > violationsSeen else { return }
        let v = all[violationsSeen]
        violationsSeen = all.count
        try check(false, top, requirement: v.requirement.isEmpty ? CheckRequirements.wireValid : v.requirement,
                  "message #\(v.transcriptIndex) sent by \(v.sender) is valid", expected: "a message that decodes and validates",
                  actual: v.message, party: v.sender)
    }
}

/// A world broke its contract with the executor (a bug in the world, reported as the case's `error`).
public struct WorldContractError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
