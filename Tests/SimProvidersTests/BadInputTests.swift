import MIMIContent
import MIMIProtocol
import MLS
import MLSCrypto
import SimProviders
import Testing
import TLSCodec
import Transport

/// Malformed or unauthorized requests to every endpoint get the draft's code or HTTP status, and change nothing
/// (draft-ietf-mimi-protocol-06 §"Endpoints"; docs/providers.md lists the statuses where the draft names none).
@Suite("Bad input")
struct BadInputTests {
    /// What must not change when a request is refused.
    struct Snapshot: Equatable {
        var view: SimRoomView
        var pending: Int
        var accepted: Int
        var reports: Int
        var keyPackages: [Int]
    }

    static func snapshot(_ w: ThreeProviders) async -> Snapshot {
        let hub = await w.a.hubRoom(ThreeProviders.room)
        return Snapshot(view: await w.network.observe(room: ThreeProviders.room), pending: hub?.pendingProposals.count ?? -1,
                        accepted: hub?.acceptedMessages ?? -1, reports: await w.a.acceptedAbuseReports.count,
                        keyPackages: [await w.b.availableKeyPackages(client: ThreeProviders.bob1, user: ThreeProviders.bob),
                                      await w.c.availableKeyPackages(client: ThreeProviders.cathy1, user: ThreeProviders.cathy)])
    }

    static func raw(_ w: ThreeProviders, from: String, to: String, method: String = "POST", target: String,
                    body: [UInt8], withFrom: Bool = true) async throws -> HTTPResponse {
        let response = try await w.network.seam.transport(for: from).send(HTTPRequest(
            method: method, authority: to, target: target,
            headers: withFrom ? [HTTPHeaderField("From", "mimi@\(from)")] : [], body: body))
        await w.network.settle()
        return response
    }

    static let update = "/update/a.example/r/clubhouse"
    static let submit = "/submitMessage/a.example/r/clubhouse"

    @Test("/update: truncated, stale epoch (replayed commit), spoofed provider, unknown room, policy violation, duplicate proposals",
          arguments: [TransportKind.inprocess, .http])
    func update(_ kind: TransportKind) async throws {
        let w = try await ThreeProviders.start(kind, suite: 1)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithThree()
        let accepted = try #require(w.network.exchanges().first { $0.target == Self.update && $0.status == 200 })
        let before = await Self.snapshot(w)

        // Truncated body: 400, nothing changes.
        var r = try await Self.raw(w, from: "b.example", to: "a.example", target: Self.update, body: Array(accepted.requestBody.dropLast()))
        #expect(r.status == 400)
        // A replayed (duplicate) commit of an earlier epoch: wrongEpoch with the hub's epoch.
        r = try await Self.raw(w, from: "b.example", to: "a.example", target: Self.update, body: accepted.requestBody)
        let stale = try UpdateRoomResponse(tlsDecoding: r.body)
        #expect(stale.outcome == .wrongEpoch(currentEpoch: 2))
        // Unknown room: 404.
        r = try await Self.raw(w, from: "b.example", to: "a.example", target: "/update/a.example/r/nope", body: accepted.requestBody)
        #expect(r.status == 404)
        // A current commit by bob, sent by c.example: the sender is not a client of the sending provider.
        let bobCommit = try await w.b.prepareCommitBody(by: ThreeProviders.bob1, room: ThreeProviders.room, participantUpdate: nil)
        r = try await Self.raw(w, from: "c.example", to: "a.example", target: Self.update, body: bobCommit)
        #expect(try UpdateRoomResponse(tlsDecoding: r.body).outcome == .notAllowed)
        #expect(await Self.snapshot(w) == before)

        // Policy: bob (regular) may remove regular users but not the admin alice (authorized_role_changes).
        let aliceLeaf = try #require(await w.a.leafIndex(of: ThreeProviders.alice1, room: ThreeProviders.room))
        let kick = try await w.b.commit(by: ThreeProviders.bob1, room: ThreeProviders.room,
                                        participantUpdate: ParticipantListUpdate(removedIndices: [0]),
                                        extra: [.remove(Remove(removed: aliceLeaf))])
        #expect(kick.code == "notAllowed")
        #expect(kick.detail.contains("no authorized change from role 3 to role 0"), "\(kick.detail)")
        await w.network.settle()
        #expect(await Self.snapshot(w) == before, "a refused commit changes neither the hub nor any client")
        // Bob may not add a user as admin either (no authorized change 0 → admin for members).
        let promote = try await w.b.commit(by: ThreeProviders.bob1, room: ThreeProviders.room,
                                           participantUpdate: ParticipantListUpdate(addedParticipants: [UserRolePair(user: "mimi://b.example/u/eve", roleIndex: RoomPolicies.admin)]))
        #expect(promote.code == "notAllowed")
        await w.network.settle()
        #expect(await Self.snapshot(w) == before)

        // Leave proposals, then the same bundle again: accepted once, held once.
        #expect(try await w.b.proposeLeave(room: ThreeProviders.room, by: ThreeProviders.bob1).code == "success")
        await w.network.settle()
        let proposals = try #require(w.network.exchanges().last { $0.target == Self.update && $0.from == "b.example" })
        r = try await Self.raw(w, from: "b.example", to: "a.example", target: Self.update, body: proposals.requestBody)
        #expect(try UpdateRoomResponse(tlsDecoding: r.body).responseCode == .success)
        #expect(await w.a.hubRoom(ThreeProviders.room)?.pendingProposals.count == 2)
        // A commit that omits the pending proposals: invalidProposal naming them, and nothing changes.
        let held = await Self.snapshot(w)
        let omitting = try await w.a.prepareCommitBody(by: ThreeProviders.alice1, room: ThreeProviders.room, participantUpdate: nil,
                                                       extra: [], includePending: false)
        r = try await Self.raw(w, from: "a.example", to: "a.example", target: Self.update, body: omitting)
        let refs = await w.a.hubRoom(ThreeProviders.room)?.pendingProposals.map(\.ref) ?? []
        #expect(try UpdateRoomResponse(tlsDecoding: r.body).outcome == .invalidProposal(invalidProposals: refs))
        #expect(await Self.snapshot(w) == held)
    }

    @Test("/submitMessage: truncated, stale epoch, spoofed sender, unknown room, not allowed to send, duplicate",
          arguments: [TransportKind.inprocess, .http])
    func submit(_ kind: TransportKind) async throws {
        let w = try await ThreeProviders.start(kind, suite: 1)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithThree()
        let body = try await w.c.prepareSubmitBody(ThreeProviders.text("hi", from: ThreeProviders.cathy), room: ThreeProviders.room,
                                                   by: ThreeProviders.cathy1)
        let before = await Self.snapshot(w)
        var r = try await Self.raw(w, from: "c.example", to: "a.example", target: Self.submit, body: Array(body.dropLast(3)))
        #expect(r.status == 400)
        r = try await Self.raw(w, from: "c.example", to: "a.example", target: "/submitMessage/a.example/r/nope", body: body)
        #expect(r.status == 404)
        r = try await Self.raw(w, from: "b.example", to: "a.example", target: Self.submit, body: body)
        #expect(try SubmitMessageResponse(tlsDecoding: r.body).status == .notAllowed, "cathy's message sent by b.example")
        #expect(await Self.snapshot(w) == before)

        // Accepted once; the identical retry gets the same answer and no second delivery.
        r = try await Self.raw(w, from: "c.example", to: "a.example", target: Self.submit, body: body)
        let first = try SubmitMessageResponse(tlsDecoding: r.body)
        guard case .accepted = first.status else { Issue.record("not accepted: \(first)"); return }
        r = try await Self.raw(w, from: "c.example", to: "a.example", target: Self.submit, body: body)
        #expect(try SubmitMessageResponse(tlsDecoding: r.body) == first)
        #expect(await w.b.client(ThreeProviders.bob1)?.rooms[ThreeProviders.room]?.received.count == 1)

        // After a commit the old-epoch message is epochTooOld with the current epoch.
        let stale = try await w.c.prepareSubmitBody(ThreeProviders.text("late", from: ThreeProviders.cathy, salt: 3),
                                                    room: ThreeProviders.room, by: ThreeProviders.cathy1)
        #expect(try await w.a.commit(by: ThreeProviders.alice1, room: ThreeProviders.room, participantUpdate: nil,
                                     extra: []).code == "success")
        await w.network.settle()
        r = try await Self.raw(w, from: "c.example", to: "a.example", target: Self.submit, body: stale)
        #expect(try SubmitMessageResponse(tlsDecoding: r.body).status == .epochTooOld(currentEpoch: 3))
    }

    @Test("an observer may not send (canSendMessage)", arguments: [TransportKind.inprocess])
    func observerCannotSend(_ kind: TransportKind) async throws {
        let w = try await ThreeProviders.start(kind, suite: 1)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithTwo()
        #expect(try await w.a.addUser(ThreeProviders.cathy, role: RoomPolicies.observer, to: ThreeProviders.room,
                                      by: ThreeProviders.alice1).code == "success")
        await w.network.settle()
        let before = await Self.snapshot(w)
        let sent = try await w.c.send(ThreeProviders.text("hi", from: ThreeProviders.cathy), room: ThreeProviders.room,
                                      by: ThreeProviders.cathy1, frank: false)
        #expect(sent.code == "notAllowed")
        await w.network.settle()
        #expect(await Self.snapshot(w) == before)
    }

    @Test("/keyMaterial: truncated, bad signature, unknown user, never one KeyPackage twice, never an expired one",
          arguments: [TransportKind.inprocess, .http])
    func keyMaterial(_ kind: TransportKind) async throws {
        let w = try await ThreeProviders.start(kind, suite: 1)
        defer { Task { await w.network.shutdown() } }
        try await w.a.createRoom(ThreeProviders.room, by: ThreeProviders.alice1, roles: RoomPolicies.cooperative, creatorRole: RoomPolicies.admin)
        let suite = w.suite
        var rng = DeterministicRandom(seed: 99)
        let keys = try suite.generateSignatureKeyPair(using: &rng)
        func request(for user: String, signedBy priv: [UInt8]) throws -> KeyMaterialRequest {
            var r = KeyMaterialRequest(requestingUser: IdentifierUri(ThreeProviders.alice), targetUser: IdentifierUri(user),
                                       roomID: IdentifierUri(ThreeProviders.room), acceptableCiphersuites: [suite.id],
                                       requiredCapabilities: RequiredCapabilities(extensionTypes: [], proposalTypes: [], credentialTypes: []),
                                       requesterSignatureKey: keys.publicKey, requesterCredential: .basic(identity: Array(ThreeProviders.alice1.utf8)))
            r.signature = try suite.signWithLabel(privateKey: priv, label: KeyMaterialRequest.signatureLabel, content: r.tbs)
            return r
        }
        let target = "/keyMaterial/mimi%3A%2F%2Fb.example%2Fu%2Fbob"
        let good = try request(for: ThreeProviders.bob, signedBy: keys.privateKey)
        var r = try await Self.raw(w, from: "a.example", to: "b.example", target: target, body: Array(good.tlsEncoded.dropLast()))
        #expect(r.status == 400)
        let other = try suite.generateSignatureKeyPair(using: &rng)
        r = try await Self.raw(w, from: "a.example", to: "b.example", target: target,
                               body: try request(for: ThreeProviders.bob, signedBy: other.privateKey).tlsEncoded)
        #expect(r.status == 403)
        #expect(await w.b.availableKeyPackages(client: ThreeProviders.bob1, user: ThreeProviders.bob) == 2)
        r = try await Self.raw(w, from: "a.example", to: "b.example", target: "/keyMaterial/mimi%3A%2F%2Fb.example%2Fu%2Fnobody",
                               body: try request(for: "mimi://b.example/u/nobody", signedBy: keys.privateKey).tlsEncoded)
        #expect(try KeyMaterialResponse(tlsDecoding: r.body).userStatus == .userUnknown)
        #expect(try KeyMaterialResponse(tlsDecoding: r.body).clients.isEmpty)

        var seen = Set<[UInt8]>()
        for round in 0..<3 {
            r = try await Self.raw(w, from: "a.example", to: "b.example", target: target, body: good.tlsEncoded)
            let response = try KeyMaterialResponse(tlsDecoding: r.body)
            if round < 2 {
                #expect(response.userStatus == .success)
                let kp = try #require(response.keyPackages.first)
                #expect(seen.insert(kp.tlsEncoded).inserted, "a KeyPackage handed out twice")
            } else {
                #expect(response.userStatus == .noCompatibleMaterial)
                #expect(response.clients.map(\.clientStatus) == [.keyMaterialExhausted])
            }
        }
        // Expired packages are never returned.
        try await w.b.publishKeyPackages(for: ThreeProviders.bob1, count: 1,
                                         lifetime: Lifetime(notBefore: 0, notAfter: w.network.clock.nowSeconds + 60))
        w.network.clock.advance(by: 120_000)
        r = try await Self.raw(w, from: "a.example", to: "b.example", target: target, body: good.tlsEncoded)
        #expect(try KeyMaterialResponse(tlsDecoding: r.body).keyPackages.isEmpty)
    }

    @Test("/notify: only the hub, a truncated body is refused and not remembered", arguments: [TransportKind.inprocess, .http])
    func notify(_ kind: TransportKind) async throws {
        let w = try await ThreeProviders.start(kind, suite: 1)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithThree()
        _ = try await w.a.send(ThreeProviders.text("x", from: ThreeProviders.alice), room: ThreeProviders.room, by: ThreeProviders.alice1,
                               frank: false)
        let before = await Self.snapshot(w)
        // Capture the queued fan-out before it is delivered: deliver it, then replay variants.
        await w.network.settle()
        let notify = try #require(w.network.exchanges().last { $0.to == "b.example" && $0.target.hasPrefix("/notify/") })
        let processed = await w.b.processedNotifyCount
        var r = try await Self.raw(w, from: "c.example", to: "b.example", target: notify.target, body: notify.requestBody)
        #expect(r.status == 403, "c.example is not the room's hub")
        r = try await Self.raw(w, from: "a.example", to: "b.example", target: notify.target, body: Array(notify.requestBody.dropLast()))
        #expect(r.status == 400)
        #expect(await w.b.processedNotifyCount == processed)
        _ = before
    }

    @Test("/groupInfo: a participant gets the encrypted GroupInfo and tree; bad signature, non-participant, unknown room refused",
          arguments: [TransportKind.inprocess, .http])
    func groupInfo(_ kind: TransportKind) async throws {
        let w = try await ThreeProviders.start(kind, suite: 1)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithThree()
        let suite = w.suite
        var rng = DeterministicRandom(seed: 5)
        let sig = try suite.generateSignatureKeyPair(using: &rng)
        let hpke = try suite.generateKEMKeyPair(using: &rng)
        func request(client: String, signer: [UInt8]) throws -> GroupInfoRequest {
            var r = GroupInfoRequest(cipherSuite: suite.id, requestingSignatureKey: sig.publicKey,
                                     requestingCredential: .basic(identity: Array(client.utf8)), groupInfoPublicKey: hpke.publicKey,
                                     joiningCode: nil, signature: [])
            r.signature = try suite.signWithLabel(privateKey: signer, label: GroupInfoRequest.signatureLabel, content: r.tbs)
            return r
        }
        let target = "/groupInfo/a.example/r/clubhouse"
        var r = try await Self.raw(w, from: "c.example", to: "a.example", target: target,
                                   body: try request(client: ThreeProviders.cathy2, signer: sig.privateKey).tlsEncoded)
        let response = try GroupInfoResponse(tlsDecoding: r.body)
        guard case .success(let success) = response.outcome else { Issue.record("\(response.outcome)"); return }
        let plain = try suite.decryptWithLabel(privateKey: hpke.privateKey, label: GroupInfoRatchetTreeTBE.encryptionLabel,
                                               context: Array(ThreeProviders.room.utf8),
                                               kemOutput: success.encryptedGroupInfoAndTree.kemOutput,
                                               ciphertext: success.encryptedGroupInfoAndTree.ciphertext)
        let tbe = try GroupInfoRatchetTreeTBE(tlsDecoding: plain)
        #expect(tbe.groupInfo.groupContext.epoch == 2)
        var unsigned = response
        unsigned.outcome = .success(GroupInfoResponse.Success(cipherSuite: success.cipherSuite, hubSender: success.hubSender,
                                                               encryptedGroupInfoAndTree: success.encryptedGroupInfoAndTree, signature: []))
        #expect(try suite.verifyWithLabel(publicKey: success.hubSender.signatureKey, label: GroupInfoResponse.signatureLabel,
                                          content: unsigned.tbs, signature: success.signature))

        let other = try suite.generateSignatureKeyPair(using: &rng)
        r = try await Self.raw(w, from: "c.example", to: "a.example", target: target,
                               body: try request(client: ThreeProviders.cathy2, signer: other.privateKey).tlsEncoded)
        #expect(try GroupInfoResponse(tlsDecoding: r.body).status == .notAuthorized)
        r = try await Self.raw(w, from: "c.example", to: "a.example", target: target,
                               body: try request(client: "mimi://c.example/d/dave/1", signer: sig.privateKey).tlsEncoded)
        #expect(try GroupInfoResponse(tlsDecoding: r.body).status == .notAuthorized)
        r = try await Self.raw(w, from: "c.example", to: "a.example", target: "/groupInfo/a.example/r/nope",
                               body: try request(client: ThreeProviders.cathy2, signer: sig.privateKey).tlsEncoded)
        #expect(try GroupInfoResponse(tlsDecoding: r.body).status == .noSuchRoom)
        r = try await Self.raw(w, from: "c.example", to: "a.example", target: target, body: [0x01, 0x00])
        #expect(r.status == 400)
    }

    @Test("every endpoint refuses a truncated body with 400; unknown path 404; wrong method 405; no From 400",
          arguments: [TransportKind.inprocess, .http])
    func framing(_ kind: TransportKind) async throws {
        let w = try await ThreeProviders.start(kind, suite: 1)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithTwo()
        let before = await Self.snapshot(w)
        let targets: [(String, String)] = [
            ("a.example", "/update/a.example/r/clubhouse"), ("a.example", "/submitMessage/a.example/r/clubhouse"),
            ("a.example", "/groupInfo/a.example/r/clubhouse"), ("a.example", "/reportAbuse/a.example/r/clubhouse"),
            ("c.example", "/keyMaterial/mimi%3A%2F%2Fc.example%2Fu%2Fcathy"),
            ("c.example", "/requestConsent/mimi%3A%2F%2Fc.example%2Fu%2Fcathy"),
            ("b.example", "/updateConsent/mimi%3A%2F%2Fb.example%2Fu%2Fbob"), ("c.example", "/identifierQuery/c.example"),
            ("b.example", "/notify/a.example/r/clubhouse"),
        ]
        for (to, target) in targets {
            let from = to == "b.example" && target.hasPrefix("/notify") ? "a.example" : (to == "b.example" ? "c.example" : "b.example")
            let r = try await Self.raw(w, from: from, to: to, target: target, body: [0x05])
            #expect(r.status == 400, "\(target) answered \(r.status)")
        }
        #expect(try await Self.raw(w, from: "b.example", to: "a.example", target: "/nothing/here", body: []).status == 404)
        #expect(try await Self.raw(w, from: "b.example", to: "a.example", method: "GET", target: "/update/a.example/r/clubhouse",
                                   body: []).status == 405)
        #expect(try await Self.raw(w, from: "b.example", to: "a.example", target: "/update/a.example/r/clubhouse", body: [0x05],
                                   withFrom: false).status == 400)
        let dir = try await Self.raw(w, from: "b.example", to: "a.example", method: "GET", target: DirectoryDocument.wellKnownPath, body: [])
        #expect(dir.status == 200)
        #expect(try DirectoryDocument(json: dir.body).templates["update"] == "https://a.example/update/{roomId}")
        #expect(await Self.snapshot(w) == before)
    }
}
