import MIMIContent
import MIMIProtocol
import MLS
import MLSCrypto
import SimProviders
import TLSCodec
import Transport

extension SimulatedWorld {
    /// What preparing an action for a concurrent step gave.
    enum Staging {
        case staged(client: ClientRef, room: String, provider: SimProvider, output: CommitOutput)
        case done(ActionOutcome)
        case notStageable
    }

    /// Prepares a commit-producing action against the current state without sending it.
    func stage(_ action: WorldAction) async throws -> Staging {
        func wrap(_ by: ClientRef, _ room: String, _ make: (SimProvider, String, String) async throws -> CommitOutput) async throws -> Staging {
            let p = try provider(by)
            do {
                return .staged(client: by, room: room, provider: p, output: try await make(p, uri(by), roomURI(room)))
            } catch SimError.rejected(let why) {
                return .done(ActionOutcome(code: "notAllowed", respondent: providerDomain(ofUser: by.user), detail: why))
            }
        }
        switch action {
        case .addUser(let by, let room, let user):
            let p = try provider(by)
            let role = roleIndex("regular", room: room) ?? RoomPolicies.regular
            let (output, material) = try await p.stageAddUser(uri(user: user), role: role, room: roomURI(room), by: uri(by))
            guard let output else { return .done(keyMaterialRefusal(material, user: user)) }
            return .staged(client: by, room: room, provider: p, output: output)
        case .addDevice(let by, let room, let device):
            return try await wrap(by, room) { p, c, r in try await p.stageAddDevice(self.uri(device), room: r, by: c) }
        case .removeUser(let by, let room, let user), .unban(let by, let room, let user):
            return try await wrap(by, room) { p, c, r in try await p.stageRemoveUser(self.uri(user: user), room: r, by: c) }
        case .ban(let by, let room, let user):
            return try await wrap(by, room) { p, c, r in try await p.stageBan(self.uri(user: user), room: r, by: c) }
        case .changeRole(let by, let room, let user, let role):
            guard let index = roleIndex(role, room: room) else {
                return .done(ActionOutcome(code: "notAllowed", respondent: hub, detail: "no role \(role) in the room's policy"))
            }
            return try await wrap(by, room) { p, c, r in try await p.stageChangeRole(self.uri(user: user), to: index, room: r, by: c) }
        case .update(let by, let room):
            return try await wrap(by, room) { p, c, r in try await p.stageUpdate(room: r, by: c) }
        default:
            return .notStageable
        }
    }

    /// Performs one action.
    func run(_ action: WorldAction) async throws -> ActionOutcome {
        for c in clientsNamed(in: action) { try await ensureClient(c) }
        switch action {
        case .createRoom(let by, let room, let policy):
            let roles = RoomPolicies.named(policy) ?? RoomPolicies.strict
            policies[room] = roles
            let p = try provider(by)
            guard providerDomain(ofUser: by.user) == hub else {
                return ActionOutcome(code: "notAllowed", respondent: hub, detail: "a room is created by a user of its hub")
            }
            try await p.createRoom(roomURI(room), by: uri(by), roles: roles, creatorRole: RoomPolicies.admin)
            return ActionOutcome(respondent: hub)
        case .leave(let by, let room, let committer):
            return try await leave(by: by, room: room, committer: committer)
        case .externalJoin(let by, let room), .rejoin(let by, let room):
            var replacing = false
            if case .rejoin = action { replacing = true }
            let p = try provider(by)
            let kind = tamperKind(for: by)
            let flow = try await p.externalJoin(room: roomURI(room), by: uri(by), replacingOwnLeaf: replacing)
            return commitOutcome(flow, by: by, room: room, provider: p, tamperedBefore: kind)
        case .send(let by, let room, let content, let frank):
            return try await send(by: by, room: room, content: content, frank: frank)
        case .consent(let step):
            return try await consent(step)
        case .identifierQuery(let q):
            return try await identifierQuery(q)
        case .reportAbuse(let by, let room, let messageId, let note):
            let p = try provider(by)
            let got = try await received(by: by, room: room)
            guard let message = got.first(where: { $0.messageId == messageId }) else {
                return ActionOutcome(code: "notAllowed", respondent: hub, detail: "\(by) did not receive that message")
            }
            let status = try await p.reportAbuse(room: roomURI(room), reporter: uri(by), abuser: uri(user: message.sender.user),
                                                 messageIDs: [messageId], note: note ?? "")
            return ActionOutcome(code: status == 201 ? "success" : (status == 400 ? "malformed" : "http\(status)"),
                                 httpStatus: status, respondent: hub)
        case .inject(let step):
            return try await inject(step)
        case .tamper(let t):
            tampers[t.party, default: [:]][t.message] = t.mutation
            try await network.provider(t.party).tamperNext(t.message, mutation: t.mutation)
            return ActionOutcome(respondent: t.party)
        default:
            let kind = tamperKindForCommit(action)
            switch try await stage(action) {
            case .staged(let client, let room, let p, let output):
                let flow = await p.submitStaged(output, by: uri(client), room: roomURI(room))
                return commitOutcome(flow, by: client, room: room, provider: p, tamperedBefore: kind)
            case .done(let outcome):
                return outcome
            case .notStageable:
                return ActionOutcome(code: "error", detail: "unsupported action \(action)")
            }
        }
    }

    /// The pending tamper of the committer's provider for commits, if any (taken once the commit is sent).
    func tamperKindForCommit(_ action: WorldAction) -> String? {
        switch action {
        case .addUser(let by, _, _), .addDevice(let by, _, _), .removeUser(let by, _, _), .ban(let by, _, _),
             .unban(let by, _, _), .changeRole(let by, _, _, _), .update(let by, _):
            return tamperKind(for: by)
        default:
            return nil
        }
    }

    func tamperKind(for by: ClientRef) -> String? { tampers[providerDomain(ofUser: by.user)]?["commit"] }

    /// Maps a provider's answer to a commit to an ``ActionOutcome``; a refused tampered commit is `invalidMessage`.
    func commitOutcome(_ flow: FlowOutcome, by: ClientRef, room: String, provider: SimProvider,
                       tamperedBefore: String? = nil) -> ActionOutcome {
        let domain = providerDomain(ofUser: by.user)
        if tamperedBefore != nil { tampers[domain]?["commit"] = nil }
        var detail = flow.detail
        if let e = flow.currentEpoch { detail = "currentEpoch \(e)" + (detail.isEmpty ? "" : ": \(detail)") }
        guard flow.accepted else {
            // A tampered message the hub refuses as invalid is `invalidMessage`; other verdicts keep their code.
            let code = tamperedBefore != nil && flow.code == "notAllowed" ? "invalidMessage" : Self.code(flow.code)
            return ActionOutcome(code: code, httpStatus: flow.httpStatus, respondent: flow.respondent, detail: detail)
        }
        return ActionOutcome(httpStatus: flow.httpStatus, respondent: flow.respondent,
                             commit: CommitInfo(room: room, committer: by, epoch: flow.epoch ?? 0), detail: detail.isEmpty ? nil : detail)
    }

    static func code(_ flowCode: String) -> String {
        if flowCode.hasPrefix("keyMaterial:") { return String(flowCode.dropFirst("keyMaterial:".count)) }
        if flowCode == "http400" { return "malformed" }
        return flowCode
    }

    func keyMaterialRefusal(_ material: KeyMaterialResponse, user: String) -> ActionOutcome {
        let name: String
        switch material.userStatus {
        case .success: name = "noCompatibleMaterial"
        case .partialSuccess: name = "partialSuccess"
        case .incompatibleProtocol: name = "incompatibleProtocol"
        case .noCompatibleMaterial: name = "noCompatibleMaterial"
        case .userUnknown: name = "userUnknown"
        case .noConsent: name = "noConsent"
        case .noConsentForThisRoom: name = "noConsentForThisRoom"
        case .userDeleted: name = "userDeleted"
        }
        return ActionOutcome(code: name, httpStatus: 200, respondent: providerDomain(ofUser: user),
                             detail: "KeyMaterialResponse userStatus \(name)")
    }

    /// Leave in three steps (§"Update Room State"): the leaver's proposals, the hub's fan-out, another member's commit.
    func leave(by: ClientRef, room: String, committer: ClientRef?) async throws -> ActionOutcome {
        let p = try provider(by)
        let proposed = try await p.proposeLeave(room: roomURI(room), by: uri(by))
        guard proposed.accepted else {
            return ActionOutcome(code: Self.code(proposed.code), httpStatus: proposed.httpStatus, respondent: proposed.respondent,
                                 detail: proposed.detail)
        }
        await network.settle()
        let members = try await observe(room: room).members.sorted()
        guard let c = committer ?? members.first(where: { $0.user != by.user }) else {
            return ActionOutcome(code: "error", detail: "no member left to commit the leave")
        }
        let cp = try provider(c)
        let flow = try await cp.commit(by: uri(c), room: roomURI(room), participantUpdate: nil)
        return commitOutcome(flow, by: c, room: room, provider: cp)
    }

    func send(by: ClientRef, room: String, content: ContentSemantics, frank: Bool) async throws -> ActionOutcome {
        let p = try provider(by)
        guard let group = await p.client(uri(by))?.rooms[roomURI(room)]?.group, group.status == .active else {
            // A client without an active group state for the room cannot form a PrivateMessage for it at all.
            return ActionOutcome(code: "notAllowed", respondent: providerDomain(ofUser: by.user),
                                 detail: "\(by) is not an active member of \(room): no message can be formed")
        }
        var filled = content
        filled.body = fillExternal(content.body)
        let message = SimulatedContent.content(filled, salt: rng.bytes(16), sender: uri(user: by.user), room: roomURI(room))
        let flow = try await p.send(message, room: roomURI(room), by: uri(by), frank: frank)
        if tampers[providerDomain(ofUser: by.user)]?["application"] != nil { tampers[providerDomain(ofUser: by.user)]?["application"] = nil }
        guard flow.accepted, let id = flow.messageID else {
            return ActionOutcome(code: Self.code(flow.code), httpStatus: flow.httpStatus, respondent: flow.respondent, detail: flow.detail)
        }
        return ActionOutcome(httpStatus: flow.httpStatus, respondent: flow.respondent, sent: SentMessage(messageId: id, content: filled))
    }

    /// An encrypted external part gets its AES-128-GCM key, nonce and content hash from the seed.
    func fillExternal(_ part: PartSemantics) -> PartSemantics {
        switch part {
        case .external(let d, let l, var e) where e.encAlg == 1 && e.key.isEmpty:
            e.key = rng.bytes(16)
            e.nonce = rng.bytes(12)
            e.contentHash = rng.bytes(32)
            return .external(disposition: d, language: l, e)
        case .multi(let d, let l, let s, let parts):
            return .multi(disposition: d, language: l, semantics: s, parts: parts.map(fillExternal))
        default:
            return part
        }
    }

    func consent(_ step: ConsentStep) async throws -> ActionOutcome {
        let requester = uri(user: step.requester), target = uri(user: step.target)
        let room = step.room.map(roomURI)
        let status: Int
        let respondent: String
        switch step.operation {
        case .request, .cancel:
            respondent = providerDomain(ofUser: step.target)
            status = try await network.provider(providerDomain(ofUser: step.requester))
                .sendConsent(step.operation == .request ? .request : .cancel, requester: requester, target: target, room: room)
        case .grant, .revoke:
            respondent = providerDomain(ofUser: step.requester)
            status = try await network.provider(providerDomain(ofUser: step.target))
                .answerConsent(step.operation == .grant ? .grant : .revoke, requester: requester, target: target, room: room)
        }
        return ActionOutcome(code: status == 201 ? "success" : (status == 400 ? "malformed" : "http\(status)"),
                             httpStatus: status, respondent: respondent)
    }

    func identifierQuery(_ q: IdentifierQueryStep) async throws -> ActionOutcome {
        var elements: [QueryElement] = []
        for term in q.query {
            let type: SearchIdentifierType
            switch term.type {
            case "handle": type = .handle
            case "nick": type = .nick
            case "email": type = .email
            case "phone": type = .phone
            case "partialName": type = .partialName
            case "wholeProfile": type = .wholeProfile
            default: return ActionOutcome(code: "unsupportedField", respondent: q.domain)
            }
            elements.append(QueryElement(searchType: type, searchValue: term.value))
        }
        let (status, response) = try await network.provider(providerDomain(ofUser: q.by)).queryIdentifier(elements, at: q.domain)
        guard let response else {
            return ActionOutcome(code: status == 400 ? "malformed" : "http\(status)", httpStatus: status, respondent: q.domain)
        }
        let code: String
        switch response.responseCode {
        case .success: code = "success"
        case .notFound: code = "notFound"
        case .ambiguous: code = "ambiguous"
        case .forbidden: code = "forbidden"
        case .unsupportedField: code = "unsupportedField"
        }
        return ActionOutcome(code: code, httpStatus: status, respondent: q.domain,
                             found: response.uris.map(\.uri))
    }

    /// Sends a request the harness forges (`inject`) through the sender's transport; it is logged but not blamed.
    func inject(_ step: InjectStep) async throws -> ActionOutcome {
        let exchanges = network.exchanges()
        let last = exchanges.last { $0.from == step.from && $0.to == step.to && WireInspector.endpoint(ofTarget: $0.target)?.rawValue == step.endpoint }
        let body: [UInt8]
        switch step.body {
        case .hex(let b): body = b
        case .replayLast: body = last?.requestBody ?? []
        case .truncateLast(let n): body = Array((last?.requestBody ?? []).dropLast(n))
        case .appendToLast(let extra): body = (last?.requestBody ?? []) + extra
        }
        let target: String
        if let room = step.room, let endpoint = MIMIEndpoint(rawValue: step.endpoint),
           let url = try? DirectoryDocument.standard().url(endpoint, room: IdentifierUri(roomURI(room))) {
            target = url
        } else if let last {
            target = last.target
        } else {
            target = "/\(step.endpoint)/"
        }
        let before = network.recorder.exchanges.count
        let response = try await network.seam.transport(for: step.from).send(HTTPRequest(
            method: "POST", authority: step.to, target: target, headers: [HTTPHeaderField("From", "mimi@\(step.from)")], body: body))
        for x in network.recorder.exchanges.dropFirst(before) where x.from == step.from && x.target == target { forged.insert(x.sequence) }
        if response.status == 400 { return ActionOutcome(code: "malformed", httpStatus: 400, respondent: step.to) }
        if response.status == 200, step.endpoint == "update", let r = try? UpdateRoomResponse(tlsDecoding: response.body) {
            let code: String
            switch r.outcome {
            case .success: code = "success"
            case .wrongEpoch: code = "wrongEpoch"
            case .notAllowed: code = "notAllowed"
            case .invalidProposal: code = "invalidProposal"
            }
            return ActionOutcome(code: code, httpStatus: 200, respondent: step.to, detail: r.errorDescription)
        }
        if response.status == 200, step.endpoint == "submitMessage", let r = try? SubmitMessageResponse(tlsDecoding: response.body) {
            let code: String
            switch r.status {
            case .accepted: code = "success"
            case .notAllowed: code = "notAllowed"
            case .epochTooOld: code = "epochTooOld"
            }
            return ActionOutcome(code: code, httpStatus: 200, respondent: step.to)
        }
        return ActionOutcome(code: (200..<300).contains(response.status) ? "success" : "http\(response.status)",
                             httpStatus: response.status, respondent: step.to)
    }
}

extension SimulatedWorld {
    /// The clients an action names.
    func clientsNamed(in action: WorldAction) -> [ClientRef] {
        switch action {
        case .createRoom(let by, _, _), .addUser(let by, _, _), .removeUser(let by, _, _), .ban(let by, _, _),
             .unban(let by, _, _), .changeRole(let by, _, _, _), .update(let by, _), .externalJoin(let by, _), .rejoin(let by, _),
             .send(let by, _, _, _), .reportAbuse(let by, _, _, _):
            return [by]
        case .addDevice(let by, _, let device): return [by, device]
        case .leave(let by, _, let committer): return [by] + (committer.map { [$0] } ?? [])
        default: return []
        }
    }

    /// A device a step names beyond the user's declared count is created on first use (a new phone).
    func ensureClient(_ c: ClientRef) async throws {
        let p = try provider(c)
        guard await p.client(uri(c)) == nil else { return }
        let suite = try CipherSuite(scenario.user(named: c.user)?.suite ?? scenario.suite)
        try await p.addClient(uri(c), suite: suite, keyPackages: 3)
    }
}
