import MIMIContent
import MIMIProtocol
import MLS
import MLSCrypto
import TLSCodec
import Transport

extension SimProvider {
    /// Adds a client of one of this provider's users and publishes `keyPackages` KeyPackages for it.
    public func addClient(_ uri: String, suite: CipherSuite, keyPackages: Int = 2,
                          lifetime: Lifetime = .eternal) throws {
        guard SimIdentifiers.domain(of: uri) == domain, let user = SimIdentifiers.user(ofClient: uri) else {
            throw SimError.unknownClient(uri)
        }
        if users[user] == nil {
            let name = SimIdentifiers.localName(of: user) ?? user
            users[user] = SimUser(uri: user, handle: "im:\(name)@\(domain)", displayName: name)
        }
        let client = try SimClient(uri: uri, suite: suite, rng: rng.fork("client " + uri))
        clients[uri] = client
        keyPackages_register(client: uri, user: user)
        try publishKeyPackages(for: uri, count: keyPackages, lifetime: lifetime)
    }

    private func keyPackages_register(client: String, user: String) { keyPackages.register(client: client, of: user) }

    /// Publishes `count` more KeyPackages of `client`.
    public func publishKeyPackages(for client: String, count: Int, lifetime: Lifetime = .eternal) throws {
        guard var c = clients[client] else { throw SimError.unknownClient(client) }
        for _ in 0..<max(0, count) {
            let kp = try c.makeKeyPackage(lifetime: lifetime)
            try keyPackages.publish(kp, client: client, of: c.user)
        }
        clients[client] = c
    }

    func configuration(for client: SimClient) -> GroupConfiguration {
        var config = GroupConfiguration()
        let clock = self.clock
        config.clock = MLSClock { clock.nowSeconds }
        config.handshakeWireFormat = .publicMessage
        config.ratchetTreeInWelcome = false
        // The engine applies AppDataUpdates to app_data_dictionary with the room's logic; a client replays what the
        // hub authorized, so it checks only the structural rules.
        config.appData = RoomAppDataLogic(.replay)
        return config
    }

    /// Create room (draft-ietf-mimi-protocol-06 §"Example flows", hub-local): `creator` makes the MLS group with the
    /// room state (participant list with the creator in `creatorRole`, roles) and the hub as external sender, and
    /// this provider starts hosting the room.
    public func createRoom(_ roomID: String, by creator: String, roles: RoleData, creatorRole: UInt32) throws {
        guard var client = clients[creator] else { throw SimError.unknownClient(creator) }
        let state = RoomState(participants: ParticipantListData(participants: [UserRolePair(user: client.user, roleIndex: creatorRole)]),
                              policy: RoomPolicy(roles: roles))
        // The room's GroupContext: the room state and the hub's franking key (FrankingAgentData, component 0x0021)
        // in app_data_dictionary, the hub as external sender (§"External senders"), and AppDataUpdate as a required
        // capability, so room state changes only through AppDataUpdate (draft-ietf-mls-extensions §4.7).
        var dictionary = state.dictionary
        dictionary[ComponentID.frankingSignatureKey] = try frankingAgent(suite: client.suite).tlsEncoded
        let extensions = [Extension(dictionary),
                          Extension(ExternalSenders(senders: [try hubExternalSender(suite: client.suite)])),
                          Extension(RequiredCapabilities(extensionTypes: [.appDataDictionary], proposalTypes: [.appDataUpdate],
                                                         credentialTypes: []))]
        do {
            var r = client.rng.fork("group " + roomID)
            let group = try MLSGroup.create(groupID: SimIdentifiers.groupID(ofRoom: roomID), suite: client.suite,
                                            identity: client.identity, extensions: extensions, capabilities: client.capabilities,
                                            configuration: configuration(for: client), using: &r)
            _ = try hostRoom(roomID, groupInfo: try group.groupInfo(ratchetTree: false, externalPub: true),
                             tree: group.tree.exportedNodes)
            client.rooms[roomID] = ClientRoom(group: group)
        } catch let e as SimError {
            throw e
        } catch {
            throw SimError.mls("\(error)")
        }
        clients[creator] = client
    }

    /// Creates a Commit with the room logic in draft mode: the client does not pre-judge the hub, so participant-list
    /// updates that do not apply are sent anyway (and refused by the hub). The group goes back to replay mode; the
    /// staged next epoch is put back in replay mode when it is merged.
    static func draftCommit(_ group: inout MLSGroup, _ options: CommitOptions) throws -> CommitOutput {
        group.configuration.appData = RoomAppDataLogic(.draft)
        let output: CommitOutput
        do {
            output = try group.commit(options)
        } catch {
            group.configuration.appData = RoomAppDataLogic(.replay)
            throw error
        }
        group.configuration.appData = RoomAppDataLogic(.replay)
        return output
    }

    // MARK: Sending to the hub

    /// Sends a HandshakeBundle to the room's hub: provider-internal when this provider is the hub, else /update.
    func submitUpdate(room: String, bundle: HandshakeBundle, kind: String) async -> (response: UpdateRoomResponse?, status: Int?, hub: String, detail: String) {
        let hub = SimIdentifiers.domain(of: room) ?? ""
        var bundle = bundle
        let mutation = takeTamper(kind)
        if let mutation { bundle.proposalOrCommit = Tamper.apply(mutation, to: bundle.proposalOrCommit) }
        var body = UpdateRequest(bundle: bundle).tlsEncoded
        if mutation == "truncate" { body.removeLast() }
        let http: HTTPResponse
        if hub == domain {
            http = await hubUpdate(room: IdentifierUri(room), body: body, from: domain)
        } else {
            do {
                let url = try directory(of: hub).url(.update, room: IdentifierUri(room), layout: configuration.layout)
                http = try await post(to: hub, url: url, body: body)
            } catch {
                return (nil, nil, hub, "\(error)")
            }
        }
        guard http.status == 200 else { return (nil, http.status, hub, String(decoding: http.body, as: UTF8.self)) }
        guard let response = try? UpdateRoomResponse(tlsDecoding: http.body) else {
            return (nil, http.status, hub, "the hub's UpdateRoomResponse does not decode")
        }
        return (response, hub == domain ? nil : http.status, hub, response.errorDescription)
    }

    static func name(of outcome: UpdateRoomResponse.Outcome) -> String {
        switch outcome {
        case .success: "success"
        case .wrongEpoch: "wrongEpoch"
        case .notAllowed: "notAllowed"
        case .invalidProposal: "invalidProposal"
        }
    }

    /// Sends a commit bundle for `client` and merges or discards its pending Commit according to the answer.
    func submitCommit(client uri: String, room: String, output: CommitOutput) async -> FlowOutcome {
        // The GroupInfo for the hub carries external_pub so later joiners can commit externally (RFC 9420
        // §12.4.3.2); it is signed from the staged next epoch (a merged copy of the client's state).
        var groupInfo = output.groupInfo
        if var next = clients[uri]?.rooms[room]?.group, (try? next.mergePendingCommit()) != nil,
           let withPub = try? next.groupInfo(ratchetTree: false, externalPub: true) {
            groupInfo = withPub
        }
        let bundle = HandshakeBundle(proposalOrCommit: output.commit,
                                     attachments: .commit(welcome: output.welcome.flatMap { m in
                                         if case .welcome(let w) = m.body { return w } else { return nil } },
                                                          groupInfoOption: .full(groupInfo),
                                                          ratchetTreeOption: .full(ratchetTree: output.ratchetTree.nodes)))
        let answer = await submitUpdate(room: room, bundle: bundle, kind: "commit")
        guard var client = clients[uri], var state = client.rooms[room] else {
            return FlowOutcome(code: "error", respondent: domain, detail: "client \(uri) left the room meanwhile")
        }
        var outcome = FlowOutcome(code: answer.response.map { SimProvider.name(of: $0.outcome) } ?? "http\(answer.status ?? 0)",
                                  httpStatus: answer.status, respondent: answer.hub, detail: answer.detail)
        if case .wrongEpoch(let e)? = answer.response?.outcome { outcome.currentEpoch = e }
        if outcome.accepted {
            do {
                try state.group.mergePendingCommit()
                state.group.configuration.appData = RoomAppDataLogic(.replay)
                state.proposals = [:]
                client.sent.insert(output.commit.tlsEncoded)
            } catch {
                outcome.code = "error"
                outcome.detail = "merging the accepted Commit failed: \(error)"
            }
        } else {
            state.group.discardPendingCommit()
        }
        outcome.epoch = state.group.epoch
        client.rooms[room] = state
        clients[uri] = client
        return outcome
    }

    // MARK: Flows

    /// Fetches one KeyPackage per client of `user` for adding it to `room`: from this provider's own store, from the
    /// target provider when this provider is the hub, else through the hub (§"Fetch Key Material").
    func fetchKeyPackages(for user: String, room: String, requester: SimClient) async throws -> KeyMaterialResponse {
        guard let targetDomain = SimIdentifiers.domain(of: user), let hub = SimIdentifiers.domain(of: room) else {
            throw SimError.unknownUser(user)
        }
        var request = KeyMaterialRequest(requestingUser: IdentifierUri(requester.user), targetUser: IdentifierUri(user),
                                         roomID: IdentifierUri(room), acceptableCiphersuites: [requester.suite.id],
                                         requiredCapabilities: RequiredCapabilities(extensionTypes: [], proposalTypes: [.appDataUpdate],
                                                                                    credentialTypes: []),
                                         requesterSignatureKey: requester.identity.signaturePublicKey,
                                         requesterCredential: requester.identity.credential)
        request.signature = try requester.suite.signWithLabel(privateKey: requester.identity.signaturePrivateKey,
                                                              label: KeyMaterialRequest.signatureLabel, content: request.tbs)
        if targetDomain == domain { return claimKeyMaterial(request) }
        if hub == domain { return try await fetchKeyMaterial(request, from: targetDomain) }
        let url = try directory(of: hub).url(.keyMaterial, user: IdentifierUri(user), layout: configuration.layout)
        let http = try await post(to: hub, url: url, body: request.tlsEncoded)
        guard http.status == 200 else { throw SimError.unexpectedResponse("keyMaterial via \(hub): HTTP \(http.status)") }
        return try KeyMaterialResponse(tlsDecoding: http.body)
    }

    /// Adds `user` to `room` (§"Example flows" 2 and 3): KeyPackages via keyMaterial, then a Commit with the
    /// participant-list AppDataUpdate and the Adds, sent to the hub.
    public func addUser(_ user: String, role: UInt32, to room: String, by uri: String) async throws -> FlowOutcome {
        guard let client = clients[uri], client.rooms[room] != nil else { throw SimError.unknownClient(uri) }
        let material = try await fetchKeyPackages(for: user, room: room, requester: client)
        let kps = material.keyPackages
        guard !kps.isEmpty else {
            return FlowOutcome(code: "keyMaterial:\(material.userStatus)", respondent: SimIdentifiers.domain(of: user) ?? "",
                               detail: "no KeyPackage for \(user) (userStatus \(material.userStatus))")
        }
        let update = ParticipantListUpdate(addedParticipants: [UserRolePair(user: user, roleIndex: role)])
        return try await commit(by: uri, room: room, participantUpdate: update, extra: kps.map { .add(Add(keyPackage: $0)) })
    }

    /// Commits, for `client`, every proposal it has cached (the hub requires them) plus a participant-list update
    /// (as AppDataUpdate, which the MLS engine applies to app_data_dictionary) and `extra`.
    public func commit(by uri: String, room: String, participantUpdate: ParticipantListUpdate?,
                       extra: [Proposal] = [], forcePath: Bool = false) async throws -> FlowOutcome {
        let output = try stageCommit(by: uri, room: room, participantUpdate: participantUpdate, extra: extra, forcePath: forcePath)
        return await submitCommit(client: uri, room: room, output: output)
    }

    /// Creates the Commit and leaves it pending in the client (RFC 9420 §12.4.1) without sending it.
    public func stageCommit(by uri: String, room: String, participantUpdate: ParticipantListUpdate?,
                            extra: [Proposal] = [], forcePath: Bool = false) throws -> CommitOutput {
        guard var client = clients[uri], var state = client.rooms[room], state.state != nil else {
            throw SimError.unknownClient(uri)
        }
        var byValue: [Proposal] = []
        if let participantUpdate { byValue.append(.participantList(participantUpdate)) }
        byValue += extra
        let output: CommitOutput
        do {
            output = try SimProvider.draftCommit(&state.group, CommitOptions(byReference: nil, byValue: byValue, forcePath: forcePath))
        } catch {
            throw SimError.mls("commit by \(uri): \(error)")
        }
        client.rooms[room] = state
        clients[uri] = client
        return output
    }

    /// Sends a staged Commit (``stageCommit(by:room:participantUpdate:extra:forcePath:)``) to the hub.
    public func submitStaged(_ output: CommitOutput, by uri: String, room: String) async -> FlowOutcome {
        await submitCommit(client: uri, room: room, output: output)
    }

    /// Leave, step 1 (§"Update Room State"): `uri` proposes removing all its user's clients and itself from the
    /// participant list, in one /update proposal bundle.
    public func proposeLeave(room: String, by uri: String) async throws -> FlowOutcome {
        guard var client = clients[uri], var state = client.rooms[room], let current = state.state,
              let index = current.participants.index(of: Array(client.user.utf8)) else { throw SimError.unknownClient(uri) }
        var messages: [MLSMessage] = []
        do {
            let listUpdate = Proposal.participantList(ParticipantListUpdate(removedIndices: [UInt32(index)]))
            messages.append(try state.group.propose(listUpdate))
            for member in state.group.members where HubRoom.clientURI(of: member.leaf.credential)
                .flatMap(SimIdentifiers.user(ofClient:)) == client.user {
                messages.append(try state.group.propose(.remove(Remove(removed: member.index))))
            }
        } catch {
            throw SimError.mls("proposals by \(uri): \(error)")
        }
        for m in messages { client.sent.insert(m.tlsEncoded) }
        client.rooms[room] = state
        clients[uri] = client
        guard let first = messages.first else { throw SimError.mls("no proposal") }
        let bundle = HandshakeBundle(proposalOrCommit: first, attachments: .proposal(moreProposals: Array(messages.dropFirst())))
        let answer = await submitUpdate(room: room, bundle: bundle, kind: "proposal")
        var outcome = FlowOutcome(code: answer.response.map { SimProvider.name(of: $0.outcome) } ?? "http\(answer.status ?? 0)",
                                  httpStatus: answer.status, respondent: answer.hub, detail: answer.detail,
                                  epoch: state.group.epoch)
        if case .wrongEpoch(let e)? = answer.response?.outcome { outcome.currentEpoch = e }
        return outcome
    }

    /// Sends MIMI content from `uri` to `room` (§"Submit a Message"); with `frank`, the AAD carries a frank_aad
    /// SafeAAD item binding the content (§"Franking").
    public func send(_ content: MimiContent, room: String, by uri: String, frank: Bool) async throws -> FlowOutcome {
        guard var client = clients[uri], var state = client.rooms[room] else { throw SimError.unknownClient(uri) }
        let bytes = ContentEncoder.encode(content)
        var aad: [UInt8] = []
        if frank {
            let tag = HashAlgorithm.sha256.hmac(key: content.salt, data: bytes)
            aad = SafeAAD(aadItems: [SafeAADItem(componentID: ComponentID.frankAAD, aadItemData: FrankAAD(frankingTag: tag).tlsEncoded)]).tlsEncoded
        }
        let message: MLSMessage
        do { message = try state.group.protect(bytes, authenticatedData: aad) } catch { throw SimError.mls("protect: \(error)") }
        client.sent.insert(message.tlsEncoded)
        client.rooms[room] = state
        clients[uri] = client
        let mutation = takeTamper("application")
        let request = SubmitMessageRequest(appMessage: mutation.map { Tamper.apply($0, to: message) } ?? message,
                                           sendingURI: IdentifierUri(client.user))
        let hub = SimIdentifiers.domain(of: room) ?? ""
        let http: HTTPResponse
        if hub == domain {
            http = hubSubmit(room: IdentifierUri(room), body: request.tlsEncoded, from: domain)
        } else {
            let url = try directory(of: hub).url(.submitMessage, room: IdentifierUri(room), layout: configuration.layout)
            http = try await post(to: hub, url: url, body: request.tlsEncoded)
        }
        let status = hub == domain ? nil : http.status
        guard http.status == 200, let response = try? SubmitMessageResponse(tlsDecoding: http.body) else {
            return FlowOutcome(code: "http\(http.status)", httpStatus: status, respondent: hub, detail: String(decoding: http.body, as: UTF8.self))
        }
        var outcome = FlowOutcome(code: "", httpStatus: status, respondent: hub, epoch: state.group.epoch)
        switch response.status {
        case .accepted(let ts, let f):
            outcome.code = "success"
            outcome.timestamp = ts
            outcome.frank = f
            outcome.messageID = (try? MimiContent.messageID(of: bytes, salt: content.salt, extensions: content.extensions,
                                                              senderUri: client.user, roomUri: room))?.bytes
        case .notAllowed: outcome.code = "notAllowed"
        case .epochTooOld(let e):
            outcome.code = "epochTooOld"
            outcome.currentEpoch = e
        }
        return outcome
    }
}

extension SimProvider {
    /// Builds, for `client`, the UpdateRequest body of a Commit without sending it and without changing the client
    /// (the pending Commit is discarded): for concurrent-commit and bad-input tests.
    /// With `includePending` off the Commit leaves out the proposals the client has cached.
    public func prepareCommitBody(by uri: String, room: String, participantUpdate: ParticipantListUpdate?,
                                  extra: [Proposal] = [], includePending: Bool = true) throws -> [UInt8] {
        guard let client = clients[uri], var state = client.rooms[room], state.state != nil else {
            throw SimError.unknownClient(uri)
        }
        var byValue: [Proposal] = []
        if let participantUpdate { byValue.append(.participantList(participantUpdate)) }
        byValue += extra
        let output: CommitOutput
        do {
            output = try SimProvider.draftCommit(&state.group, CommitOptions(byReference: includePending ? nil : [], byValue: byValue))
        } catch {
            throw SimError.mls("\(error)")
        }
        state.group.discardPendingCommit()
        let welcome: Welcome? = output.welcome.flatMap { m in if case .welcome(let w) = m.body { return w } else { return nil } }
        let bundle = HandshakeBundle(proposalOrCommit: output.commit,
                                     attachments: .commit(welcome: welcome, groupInfoOption: .full(output.groupInfo),
                                                          ratchetTreeOption: .full(ratchetTree: output.ratchetTree.nodes)))
        return UpdateRequest(bundle: bundle).tlsEncoded
    }

    /// Builds the SubmitMessageRequest body of a message from `client` without sending it.
    public func prepareSubmitBody(_ content: MimiContent, room: String, by uri: String) throws -> [UInt8] {
        guard var client = clients[uri], var state = client.rooms[room] else { throw SimError.unknownClient(uri) }
        let message: MLSMessage
        do { message = try state.group.protect(ContentEncoder.encode(content)) } catch { throw SimError.mls("\(error)") }
        client.sent.insert(message.tlsEncoded)
        client.rooms[room] = state
        clients[uri] = client
        return SubmitMessageRequest(appMessage: message, sendingURI: IdentifierUri(client.user)).tlsEncoded
    }

    /// The leaf index of `client` in its group for `room`.
    public func leafIndex(of uri: String, room: String) -> UInt32? { clients[uri]?.rooms[room]?.group.myLeaf }
}
