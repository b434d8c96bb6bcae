import Yams

/// Turns a composed YAML (or JSON) document into a ``Scenario``, strictly: unknown keys, wrong types and missing
/// fields are errors at the offending node's line and column.
struct ScenarioParser {
    let file: String

    static let topKeys = ["id", "title", "description", "requirements", "seed", "suite", "providers", "users", "steps"]
    static let commonStepKeys = ["expect-reject", "expect-status", "note"]

    func parse(_ root: YAMLCursor) throws -> Scenario {
        let top = try root.map("the scenario", allowed: Self.topKeys)
        let id = try top.required("id").string("id")
        let title = try top.required("title").string("title")
        let description = try top.optional("description")?.string("description")
        let requirements = try top.optional("requirements")?.list("requirements").map { try $0.string("a requirement id") } ?? []
        let seed = try top.required("seed").unsigned("seed")
        let suite = try UInt16(top.optional("suite")?.unsigned("suite", max: 0xFFFF) ?? 1)

        let providerMap = try top.required("providers").openMap("providers")
        var providers: [ProviderDecl] = []
        for (domain, keyNode, value) in providerMap.entries {
            let keyCursor = YAMLCursor(node: keyNode, file: file, path: "providers")
            guard Self.isDomain(domain) else { throw keyCursor.fail("expected a provider domain (e.g. a.example), found \"\(domain)\"") }
            let p = try value.map("provider \(domain)", allowed: ["role"])
            let role = try p.required("role").choice("role", ProviderRole.allCases.map(\.rawValue))
            providers.append(ProviderDecl(domain: domain, role: ProviderRole(rawValue: role) ?? .follower, location: keyCursor.location))
        }

        let userMap = try top.required("users").openMap("users")
        var users: [UserDecl] = []
        for (name, keyNode, value) in userMap.entries {
            let keyCursor = YAMLCursor(node: keyNode, file: file, path: "users")
            guard ScenarioName.isValid(name) else { throw keyCursor.fail("expected a user name (letters, digits, '-', '_', '.'), found \"\(name)\"") }
            let u = try value.map("user \(name)", allowed: ["provider", "devices", "suite", "identifiers"])
            let provider = try u.required("provider").string("provider")
            let devices = try u.optional("devices")?.int("devices", range: 0...64) ?? 1
            let userSuite = try u.optional("suite").map { UInt16(try $0.unsigned("suite", max: 0xFFFF)) }
            var identifiers: [String: String] = [:]
            if let ids = try u.optional("identifiers")?.map("identifiers", allowed: IdentifierQueryStep.searchTypes) {
                for (k, _, v) in ids.entries { identifiers[k] = try v.string(k) }
            }
            users.append(UserDecl(name: name, provider: provider, devices: devices, suite: userSuite,
                                  identifiers: identifiers, location: keyCursor.location))
        }

        let stepCursors = try top.required("steps").list("steps")
        let steps = try stepCursors.enumerated().map { try parseStep($1, index: $0) }
        return Scenario(id: id, title: title, requirements: requirements, seed: seed, suite: suite,
                        providers: providers, users: users, steps: steps, source: file, description: description)
    }

    static func isDomain(_ s: String) -> Bool {
        let labels = s.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { l in
            !l.isEmpty && l.count <= 63 && l.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    // MARK: steps

    func parseStep(_ c: YAMLCursor, index: Int) throws -> ScenarioStep {
        let kinds = StepKind.allCases.map(\.rawValue)
        let outer = try c.openMap("a step")
        guard outer.entries.count == 1, let entry = outer.entries.first else {
            throw c.fail("expected a step: a mapping with exactly one of \(kinds.joined(separator: ", ")); found \(outer.entries.count) keys")
        }
        guard let kind = StepKind(rawValue: entry.key) else {
            throw YAMLCursor(node: entry.keyNode, file: file, path: c.path)
                .fail("unknown step '\(entry.key)'; expected one of: \(kinds.joined(separator: ", "))")
        }
        let body = entry.value
        let location = YAMLCursor(node: entry.keyNode, file: file, path: c.path).location
        let what = kind.rawValue
        func fields(_ keys: [String]) throws -> YAMLMap { try body.map(what, allowed: keys + Self.commonStepKeys) }

        var m: YAMLMap?
        let action: StepAction
        switch kind {
        case .createRoom:
            let f = try fields(["by", "room", "policy"]); m = f
            action = .createRoom(by: try f.required("by").client("by"), room: try f.required("room").name("room"),
                                 policy: try f.optional("policy")?.name("policy") ?? "default")
        case .addUser, .removeUser, .ban, .unban:
            let f = try fields(["by", "room", "user"]); m = f
            let by = try f.required("by").client("by"), room = try f.required("room").name("room")
            let user = try f.required("user").name("user")
            switch kind {
            case .addUser: action = .addUser(by: by, room: room, user: user)
            case .removeUser: action = .removeUser(by: by, room: room, user: user)
            case .ban: action = .ban(by: by, room: room, user: user)
            default: action = .unban(by: by, room: room, user: user)
            }
        case .addDevice:
            let f = try fields(["by", "room", "device"]); m = f
            action = .addDevice(by: try f.required("by").client("by"), room: try f.required("room").name("room"),
                                device: try f.required("device").client("device", allowBareUser: false))
        case .leave:
            let f = try fields(["by", "room", "commit-by"]); m = f
            action = .leave(by: try f.required("by").client("by"), room: try f.required("room").name("room"),
                            committer: try f.optional("commit-by")?.client("commit-by"))
        case .changeRole:
            let f = try fields(["by", "room", "user", "role"]); m = f
            action = .changeRole(by: try f.required("by").client("by"), room: try f.required("room").name("room"),
                                 user: try f.required("user").name("user"), role: try f.required("role").name("role"))
        case .update, .externalJoin, .rejoin:
            let f = try fields(["by", "room"]); m = f
            let by = try f.required("by").client("by"), room = try f.required("room").name("room")
            action = kind == .update ? .update(by: by, room: room)
                : kind == .externalJoin ? .externalJoin(by: by, room: room) : .rejoin(by: by, room: room)
        case .send:
            let (f, send) = try parseSend(body); m = f
            action = .send(send)
        case .consent:
            let f = try fields(["op", "requester", "target", "room"]); m = f
            let op = try f.required("op").choice("op", ConsentStep.Operation.allCases.map(\.rawValue))
            action = .consent(ConsentStep(operation: ConsentStep.Operation(rawValue: op) ?? .request,
                                          requester: try f.required("requester").name("requester"),
                                          target: try f.required("target").name("target"),
                                          room: try f.optional("room")?.name("room")))
        case .identifierQuery:
            let f = try fields(["by", "domain", "query", "expect-code", "expect-found"]); m = f
            let terms = try f.required("query").map("query", allowed: IdentifierQueryStep.searchTypes)
            guard !terms.entries.isEmpty else { throw terms.cursor.fail("expected at least one query element") }
            let query = try terms.entries.map { IdentifierQueryStep.QueryTerm(type: $0.key, value: try $0.value.string($0.key)) }
            let codes = [ResponseCodes.success] + ResponseCodes.identifierQuery
            action = .identifierQuery(IdentifierQueryStep(
                by: try f.required("by").name("by"), domain: try f.required("domain").string("domain"), query: query,
                expectCode: try f.optional("expect-code")?.choice("expect-code", codes),
                expectFound: try f.optional("expect-found")?.list("expect-found").map { try $0.name("a user") }))
        case .reportAbuse:
            let f = try fields(["by", "room", "message", "note-text"]); m = f
            action = .reportAbuse(by: try f.required("by").client("by"), room: try f.required("room").name("room"),
                                  message: try f.required("message").name("message"),
                                  note: try f.optional("note-text")?.string("note-text"))
        case .inject:
            let f = try fields(["from", "to", "endpoint", "room", "body-hex", "replay-last", "truncate-last", "append-to-last"]); m = f
            let bodyKeys = ["body-hex", "replay-last", "truncate-last", "append-to-last"].filter { f.has($0) }
            guard bodyKeys.count == 1 else {
                throw body.fail("expected exactly one of body-hex, replay-last, truncate-last, append-to-last in inject; found \(bodyKeys.count)")
            }
            let b: InjectStep.Body
            switch bodyKeys[0] {
            case "body-hex": b = .hex(try f.required("body-hex").hexBytes("body-hex"))
            case "replay-last":
                guard try f.required("replay-last").bool("replay-last") else { throw body.fail("expected replay-last: true") }
                b = .replayLast
            case "truncate-last": b = .truncateLast(try f.required("truncate-last").int("truncate-last", range: 0...1_000_000))
            default: b = .appendToLast(try f.required("append-to-last").hexBytes("append-to-last"))
            }
            action = .inject(InjectStep(from: try f.required("from").string("from"), to: try f.required("to").string("to"),
                                        endpoint: try f.required("endpoint").choice("endpoint", InjectStep.endpoints),
                                        room: try f.optional("room")?.name("room"), body: b))
        case .tamper:
            let f = try fields(["party", "message", "mutation"]); m = f
            action = .tamper(TamperStep(party: try f.required("party").string("party"),
                                        message: try f.required("message").choice("message", TamperStep.messages),
                                        mutation: try f.required("mutation").choice("mutation", TamperStep.mutations)))
        case .concurrent:
            let items = try body.list("concurrent steps")
            guard items.count >= 2 else { throw body.fail("expected at least two steps in concurrent") }
            let inner = try items.enumerated().map { try parseStep($1, index: $0) }
            for s in inner where !s.action.kind.isAction || s.action.kind == .concurrent {
                throw ScenarioLoadError(s.location, "expected an action step inside concurrent, found \(s.action.kind.rawValue)")
            }
            action = .concurrent(inner)
        case .expect:
            let f = try body.map(what, allowed: ["room", "epoch", "members", "participants", "by", "note"]); m = f
            var participants: [String: String]?
            if let p = f.optional("participants") {
                let pm = try p.openMap("participants")
                var d: [String: String] = [:]
                for (user, keyNode, role) in pm.entries {
                    guard ScenarioName.isValid(user) else {
                        throw YAMLCursor(node: keyNode, file: file, path: p.path).fail("expected a user name, found \"\(user)\"")
                    }
                    d[user] = try role.name("role of \(user)")
                }
                participants = d
            }
            let e = ExpectStep(room: try f.required("room").name("room"), epoch: try f.optional("epoch")?.unsigned("epoch"),
                               members: try f.optional("members")?.list("members").map { try $0.client("a member", allowBareUser: false) },
                               participants: participants,
                               by: try f.optional("by")?.listOrOne("by").map { try $0.client("by") })
            if e.epoch == nil && e.members == nil && e.participants == nil {
                throw body.fail("expected at least one of epoch, members, participants in expect")
            }
            action = .expect(e)
        case .expectReceived, .expectNotReceived:
            let f = try body.map(what, allowed: ["room", "by", "message", "note"]); m = f
            let room = try f.required("room").name("room")
            let by = try f.required("by").listOrOne("by").map { try $0.client("by") }
            let message = try f.required("message").name("message")
            action = kind == .expectReceived ? .expectReceived(room: room, by: by, message: message)
                : .expectNotReceived(room: room, by: by, message: message)
        }

        let expectReject = try m?.optional("expect-reject")?.choice("expect-reject", ResponseCodes.rejections)
        if expectReject != nil, !kind.isAction {
            throw body.fail("expect-reject applies to action steps only, not to \(kind.rawValue)")
        }
        let expectStatus = try m?.optional("expect-status")?.int("expect-status", range: 100...599)
        let note = try m?.optional("note")?.string("note")
        return ScenarioStep(index: index, location: location, action: action, expectReject: expectReject,
                            expectStatus: expectStatus, note: note)
    }

    // MARK: send

    static let contentKinds = ["text", "markdown", "reply", "reaction", "edit", "delete", "unlike", "expiring",
                               "attachment", "multipart"]

    func parseSend(_ body: YAMLCursor) throws -> (YAMLMap, SendStep) {
        let f = try body.map("send", allowed: ["by", "room", "as", "frank", "topic"] + Self.contentKinds + Self.commonStepKeys)
        let content = try parseContent(f, what: "send", kinds: Self.contentKinds)
        let send = SendStep(by: try f.required("by").client("by"), room: try f.required("room").name("room"),
                            label: try f.optional("as")?.name("as"), content: content,
                            frank: try f.optional("frank")?.bool("frank") ?? true,
                            topic: try f.optional("topic")?.string("topic"))
        return (f, send)
    }

    /// Exactly one of `kinds` must be present in `f`.
    func parseContent(_ f: YAMLMap, what: String, kinds: [String]) throws -> ContentSpec {
        let present = kinds.filter { f.has($0) }
        guard present.count == 1, let kind = present.first, let c = f.optional(kind) else {
            throw f.cursor.fail("expected exactly one content kind in \(what) (\(kinds.joined(separator: ", "))); found \(present.isEmpty ? "none" : present.joined(separator: ", "))")
        }
        switch kind {
        case "text": return .text(try c.string("text"))
        case "markdown": return .markdown(try c.string("markdown"))
        case "reply":
            let r = try c.map("reply", allowed: ["to", "text", "markdown"])
            return .reply(to: try r.required("to").name("to"), body: try parseContent(r, what: "reply", kinds: ["text", "markdown"]))
        case "reaction":
            let r = try c.map("reaction", allowed: ["to", "emoji"])
            return .reaction(to: try r.required("to").name("to"), emoji: try r.required("emoji").string("emoji"))
        case "edit":
            let r = try c.map("edit", allowed: ["of", "text", "markdown"])
            return .edit(of: try r.required("of").name("of"), body: try parseContent(r, what: "edit", kinds: ["text", "markdown"]))
        case "delete":
            return .delete(of: try c.map("delete", allowed: ["of"]).required("of").name("of"))
        case "unlike":
            return .unlike(of: try c.map("unlike", allowed: ["of"]).required("of").name("of"))
        case "expiring":
            let r = try c.map("expiring", allowed: ["text", "markdown", "after", "at"])
            let inner = try parseContent(r, what: "expiring", kinds: ["text", "markdown"])
            let timing = ["after", "at"].filter { r.has($0) }
            guard timing.count == 1, let t = timing.first, let tc = r.optional(t) else {
                throw c.fail("expected exactly one of after (seconds after reading) or at (UNIX time) in expiring")
            }
            let time = UInt32(try tc.unsigned(t, max: UInt64(UInt32.max)))
            return .expiring(body: inner, expiration: .init(relative: t == "after", time: time))
        case "attachment":
            return .attachment(try parseAttachment(c))
        default:
            return try parseMultipart(c)
        }
    }

    func parseAttachment(_ c: YAMLCursor) throws -> AttachmentSpec {
        let a = try c.map("attachment", allowed: ["content-type", "url", "size", "filename", "description", "encrypted"])
        return AttachmentSpec(contentType: try a.required("content-type").string("content-type"),
                              url: try a.required("url").string("url"),
                              size: try a.optional("size")?.unsigned("size") ?? 0,
                              filename: try a.optional("filename")?.string("filename") ?? "",
                              description: try a.optional("description")?.string("description") ?? "",
                              encrypted: try a.optional("encrypted")?.bool("encrypted") ?? true)
    }

    func parseMultipart(_ c: YAMLCursor) throws -> ContentSpec {
        let r = try c.map("multipart", allowed: ["semantics", "parts"])
        let name = try r.required("semantics").choice("semantics", PartSemantics.MultiSemantics.allCases.map(\.name))
        let partCursors = try r.required("parts").list("parts")
        guard partCursors.count >= 2 else { throw r.cursor.fail("expected at least two parts in multipart") }
        let parts = try partCursors.map { p -> ContentSpec in
            let pm = try p.map("a part", allowed: ["text", "markdown", "attachment", "multipart", "content-type", "content", "disposition"])
            if pm.has("content-type") {
                let disposition = try pm.optional("disposition")?.choice("disposition", PartSemantics.Disposition.allCases.map(\.name)) ?? "render"
                return .part(contentType: try pm.required("content-type").string("content-type"),
                             content: Array(try pm.required("content").string("content").utf8),
                             disposition: PartSemantics.Disposition(name: disposition) ?? .render)
            }
            return try parseContent(pm, what: "a part", kinds: ["text", "markdown", "attachment", "multipart"])
        }
        return .multipart(semantics: PartSemantics.MultiSemantics(name: name) ?? .processAll, parts: parts)
    }
}
