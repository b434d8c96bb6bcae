import MIMIProtocol
import MLS
import MLSCrypto
import SimProviders
import Testing
import TLSCodec
import Transport

/// The hub follows the group without being a member (draft-ietf-mimi-protocol-06 §"Hub"): a commit bundle whose
/// GroupInfo or tree does not match the Commit is refused and the public state does not move.
@Suite("Public group state")
struct PublicGroupStateTests {
    static func mutate(_ body: [UInt8], _ change: (inout PublicMessage, inout GroupInfo, inout [Node?]) -> Void) throws -> [UInt8] {
        var request = try UpdateRequest(tlsDecoding: body)
        guard case .publicMessage(var pm) = request.bundle.proposalOrCommit.body,
              case .commit(let welcome, .full(var info), .full(var nodes)) = request.bundle.attachments else {
            throw SetupFailure(step: "decode bundle", outcome: FlowOutcome(code: "", respondent: ""))
        }
        change(&pm, &info, &nodes)
        request.bundle.proposalOrCommit = MLSMessage(.publicMessage(pm))
        request.bundle.attachments = .commit(welcome: welcome, groupInfoOption: .full(info), ratchetTreeOption: .full(ratchetTree: nodes))
        return request.tlsEncoded
    }

    @Test("signature, GroupInfo epoch, transcript hash, confirmation tag, GroupInfo signature, tree hash and GroupContext extensions are all checked")
    func mismatches() async throws {
        let w = try await ThreeProviders.start(.inprocess, suite: 1)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithTwo()
        let valid = try await w.b.prepareCommitBody(by: ThreeProviders.bob1, room: ThreeProviders.room, participantUpdate: nil,
                                                    extra: [], includePending: true)
        let flip = { (b: [UInt8]) -> [UInt8] in b.isEmpty ? [1] : b.dropLast() + [b[b.count - 1] ^ 1] }
        let cases: [(String, [UInt8])] = [
            ("FramedContentTBS signature", try Self.mutate(valid) { pm, _, _ in pm.auth.signature = flip(pm.auth.signature) }),
            ("GroupInfo epoch", try Self.mutate(valid) { _, info, _ in info.groupContext.epoch += 1 }),
            ("confirmed_transcript_hash", try Self.mutate(valid) { _, info, _ in
                info.groupContext.confirmedTranscriptHash = flip(info.groupContext.confirmedTranscriptHash) }),
            ("confirmation_tag", try Self.mutate(valid) { _, info, _ in info.confirmationTag = flip(info.confirmationTag) }),
            ("GroupInfo signature", try Self.mutate(valid) { _, info, _ in info.signature = flip(info.signature) }),
            ("ratchet tree", try Self.mutate(valid) { _, _, nodes in nodes.append(nil); nodes.append(nil) }),
            // The GroupContext must carry the app_data_dictionary the Commit's AppDataUpdates give (none here).
            ("app_data_dictionary", try Self.mutate(valid) { _, info, _ in
                info.groupContext.extensions = info.groupContext.extensions.map { e in
                    guard e.extensionType == .appDataDictionary, var d = try? AppDataDictionary(tlsDecoding: e.extensionData) else { return e }
                    d[0x7000] = [1]
                    return Extension(d)
                } }),
        ]
        let before = await w.network.observe(room: ThreeProviders.room)
        for (what, body) in cases {
            let r = try await BadInputTests.raw(w, from: "b.example", to: "a.example", target: BadInputTests.update, body: body)
            let response = try UpdateRoomResponse(tlsDecoding: r.body)
            #expect(response.outcome == .notAllowed, "\(what): \(response.outcome) \(response.errorDescription)")
        }
        #expect(await w.network.observe(room: ThreeProviders.room) == before)
        // The unmodified bundle is accepted (the mutations above were the only problem).
        let r = try await BadInputTests.raw(w, from: "b.example", to: "a.example", target: BadInputTests.update, body: valid)
        #expect(try UpdateRoomResponse(tlsDecoding: r.body).responseCode == .success)
        #expect(await w.a.hubRoom(ThreeProviders.room)?.group.epoch == 2)
    }

    @Test("a tampered commit is refused by the hub and the committer stays in its epoch", arguments: ["flip-signature", "wrong-epoch", "truncate"])
    func tampered(_ mutation: String) async throws {
        let w = try await ThreeProviders.start(.inprocess, suite: 1)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithTwo()
        await w.b.tamperNext("commit", mutation: mutation)
        let outcome = try await w.b.commit(by: ThreeProviders.bob1, room: ThreeProviders.room, participantUpdate: nil, forcePath: true)
        let expected = ["flip-signature": "notAllowed", "wrong-epoch": "wrongEpoch", "truncate": "http400"][mutation]
        #expect(outcome.code == expected)
        await w.network.settle()
        let view = await w.network.observe(room: ThreeProviders.room)
        #expect(view.hubEpoch == 1)
        #expect(view.disagreements.isEmpty, "\(view.disagreements)")
        // The next, untampered commit goes through.
        #expect(try await w.b.commit(by: ThreeProviders.bob1, room: ThreeProviders.room, participantUpdate: nil, forcePath: true).code == "success")
    }
}

@Suite("KeyPackage store")
struct KeyPackageStoreTests {
    @Test("a package issued once cannot be published again; unknown users are unknown")
    func reissue() throws {
        var store = KeyPackageStore()
        #expect(!store.knows(user: ThreeProviders.cathy))
        let suite = try CipherSuite(1)
        var rng = DeterministicRandom(seed: 3)
        let identity = try SigningIdentity.basic(Array(ThreeProviders.cathy1.utf8), suite: suite, using: &rng)
        let bundle = try KeyPackageBundle.make(suite: suite, identity: identity, using: &rng)
        try store.publish(bundle.keyPackage, client: ThreeProviders.cathy1, of: ThreeProviders.cathy)
        #expect(throws: KeyPackageStore.PublishError.duplicate(client: ThreeProviders.cathy1)) {
            try store.publish(bundle.keyPackage, client: ThreeProviders.cathy1, of: ThreeProviders.cathy)
        }
        let claimed = store.claim(user: ThreeProviders.cathy, acceptableSuites: [1], required: nil, nowSeconds: 0)
        #expect(claimed.count == 1)
        #expect(store.client(forReference: suite.makeKeyPackageRef(bundle.keyPackage.tlsEncoded)) == ThreeProviders.cathy1)
        #expect(throws: KeyPackageStore.PublishError.alreadyIssued(client: ThreeProviders.cathy1)) {
            try store.publish(bundle.keyPackage, client: ThreeProviders.cathy1, of: ThreeProviders.cathy)
        }
        #expect(store.claim(user: ThreeProviders.cathy, acceptableSuites: [2], required: nil, nowSeconds: 0)
                == [.keyMaterialExhausted(client: ThreeProviders.cathy1)])
    }
}
