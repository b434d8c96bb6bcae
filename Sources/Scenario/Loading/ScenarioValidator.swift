/// Checks every reference in a scenario before it runs: providers and their roles, users, devices, rooms (created
/// before use), message labels (defined by an earlier `send … as:`), requirement ids (when a registry is given).
/// All problems are reported, each at its own line and column.
public struct ScenarioValidator {
    public var knownRequirements: Set<String>?

    public init(knownRequirements: Set<String>? = nil) {
        self.knownRequirements = knownRequirements
    }

    public func validate(_ s: Scenario) -> [ScenarioLoadError] {
        var errors: [ScenarioLoadError] = []
        let top = SourceLocation(file: s.source, line: 1, column: 1)
        let hubs = s.providers.filter { $0.role == .hub }
        if hubs.count != 1 {
            errors.append(ScenarioLoadError(hubs.dropFirst().first?.location ?? top,
                                            "expected exactly one provider with role hub, found \(hubs.count)"))
        }
        if let known = knownRequirements {
            for r in s.requirements where !known.contains(r) {
                errors.append(ScenarioLoadError(top, "expected a requirement id from the registry, found \"\(r)\""))
            }
        }
        for u in s.users where s.provider(named: u.provider) == nil {
            errors.append(ScenarioLoadError(u.location, "expected the provider of \(u.name) to be one of the declared providers (\(s.providers.map(\.domain).joined(separator: ", "))), found \"\(u.provider)\""))
        }
        var state = State()
        for u in s.users { state.devices[u.name] = u.devices }
        for step in s.steps { check(step, s, &state, &errors) }
        return errors
    }

    private struct State {
        var rooms: Set<String> = []
        var labels: Set<String> = []
        /// Devices each user has so far: `devices:` at the start, one more for each new device an add-device or
        /// external-join step brings in.
        var devices: [String: Int] = [:]
    }

    private func check(_ step: ScenarioStep, _ s: Scenario, _ st: inout State, _ errors: inout [ScenarioLoadError]) {
        let at = step.location
        func err(_ m: String) { errors.append(ScenarioLoadError(at, m)) }
        func user(_ name: String, _ role: String) {
            if s.user(named: name) == nil { err("expected \(role) to be a declared user, found \"\(name)\"") }
        }
        func client(_ c: ClientRef, _ role: String) {
            guard s.user(named: c.user) != nil else { return err("expected \(role) to be a client of a declared user, found \"\(c)\"") }
            let n = st.devices[c.user] ?? 0
            if c.device > n { err("expected \(role) to be one of \(c.user)'s \(n) device(s), found \"\(c)\"") }
        }
        /// A device that may be new: the next number after the user's current devices.
        func newOrExisting(_ c: ClientRef, _ role: String) {
            guard s.user(named: c.user) != nil else { return err("expected \(role) to be a client of a declared user, found \"\(c)\"") }
            let n = st.devices[c.user] ?? 0
            if c.device == n + 1 { st.devices[c.user] = n + 1 } else { client(c, role) }
        }
        func room(_ r: String) {
            if !st.rooms.contains(r) { err("expected room \"\(r)\" to be created by an earlier create-room step") }
        }
        func label(_ l: String) {
            if !st.labels.contains(l) { err("expected message \"\(l)\" to be named by an earlier send (as: \(l))") }
        }
        func party(_ p: String, _ role: String) {
            if s.provider(named: p) == nil { err("expected \(role) to be a declared provider, found \"\(p)\"") }
        }

        switch step.action {
        case .externalJoin(let by, _): newOrExisting(by, "by")
        case .addDevice(let by, _, let d): client(by, "by"); newOrExisting(d, "device")
        default: if let by = step.action.actor { client(by, "by") }
        }
        switch step.action {
        case .createRoom(_, let r, _):
            if st.rooms.contains(r) { err("expected a new room name, \"\(r)\" is already created") }
            st.rooms.insert(r)
        case .addUser(_, let r, let u), .removeUser(_, let r, let u), .ban(_, let r, let u), .unban(_, let r, let u),
             .changeRole(_, let r, let u, _):
            room(r); user(u, "user")
        case .addDevice(_, let r, _):
            room(r)
        case .leave(_, let r, let committer):
            room(r); if let c = committer { client(c, "commit-by") }
        case .update(_, let r), .externalJoin(_, let r), .rejoin(_, let r):
            room(r)
        case .send(let send):
            room(send.room)
            send.content.references.forEach(label)
            if let l = send.label {
                if st.labels.contains(l) { err("expected a new message name, \"\(l)\" is already used") }
                st.labels.insert(l)
            }
        case .consent(let c):
            user(c.requester, "requester"); user(c.target, "target")
            if let r = c.room { room(r) }
        case .identifierQuery(let q):
            user(q.by, "by"); party(q.domain, "domain")
            q.expectFound?.forEach { user($0, "expect-found") }
        case .reportAbuse(_, let r, let m, _):
            room(r); label(m)
        case .inject(let i):
            party(i.from, "from"); party(i.to, "to")
            if let r = i.room { room(r) }
        case .tamper(let t):
            if s.provider(named: t.party) == nil {
                if let c = ClientRef(parsing: t.party) { client(c, "party") } else { party(t.party, "party") }
            }
        case .concurrent(let inner):
            for i in inner { check(i, s, &st, &errors) }
        case .expect(let e):
            room(e.room)
            e.members?.forEach { client($0, "a member") }
            e.by?.forEach { client($0, "by") }
            e.participants?.keys.sorted().forEach { user($0, "a participant") }
        case .expectReceived(let r, let by, let m), .expectNotReceived(let r, let by, let m):
            room(r); by.forEach { client($0, "by") }; label(m)
        }
    }
}
