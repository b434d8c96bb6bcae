import MIMIProtocol
import MLS
import MLSCrypto
import TLSCodec
import Transport

extension SimProvider {
    /// POST /update/{roomId} (draft-ietf-mimi-protocol-06 §"Update Room State"): the hub, as the room's single
    /// serializer, accepts or refuses a proposal bundle or a commit bundle. A refusal changes nothing.
    func hubUpdate(room: IdentifierUri, body: [UInt8], from: String) async -> HTTPResponse {
        let request: UpdateRequest
        do {
            request = try UpdateRequest(tlsDecoding: body)
        } catch {
            refuse("update from \(from): \(error)")
            return ProviderResponse.error(400, "malformed UpdateRequest: \(error)")
        }
        guard var hubRoom = rooms[room.uri] else {
            refuse("update for unknown room \(room.uri)")
            return ProviderResponse.error(404, "no room \(room.uri) at hub \(domain)")
        }
        let outcome = checkUpdate(request.bundle, room: &hubRoom, from: from)
        if case .success = outcome.outcome { rooms[room.uri] = hubRoom } else { refuse("update \(room.uri): \(outcome.errorDescription)") }
        return ProviderResponse.ok(outcome)
    }

    /// Validates a HandshakeBundle against the room and, when it is accepted, applies it to `room` and queues the
    /// fan-out. On refusal `room` may be partly changed and must be dropped by the caller.
    func checkUpdate(_ bundle: HandshakeBundle, room: inout HubRoom, from: String) -> UpdateRoomResponse {
        guard let message = bundle.publicMessage else {
            return UpdateRoomResponse(.notAllowed, errorDescription: "a handshake for the hub must be a PublicMessage")
        }
        let content = message.content
        guard content.groupID == room.group.groupID else {
            return UpdateRoomResponse(.notAllowed, errorDescription: "the handshake is for another group")
        }
        guard content.epoch == room.group.epoch else {
            return UpdateRoomResponse(.wrongEpoch(currentEpoch: room.group.epoch),
                                      errorDescription: "epoch \(content.epoch) is not the room's current epoch \(room.group.epoch)")
        }
        switch bundle.attachments {
        case .proposal(let more):
            return acceptProposals([bundle.proposalOrCommit] + more, room: &room, from: from)
        case .commit(let welcome, let groupInfoOption, let treeOption):
            return acceptCommit(message: bundle.proposalOrCommit, welcome: welcome, groupInfoOption: groupInfoOption,
                                treeOption: treeOption, room: &room, from: from)
        }
    }

    /// The user behind a member leaf or an external joiner's UpdatePath leaf.
    func senderUser(_ message: PublicMessage, room: HubRoom) -> (client: String, user: String)? {
        let client: String?
        switch message.content.sender {
        case .member(let index): client = room.client(atLeaf: index)
        case .newMemberCommit:
            if case .commit(let c) = message.content.body, let path = c.path {
                client = HubRoom.clientURI(of: path.leafNode.credential)
            } else {
                client = nil
            }
        default: client = nil
        }
        guard let client, let user = SimIdentifiers.user(ofClient: client) else { return nil }
        return (client, user)
    }

    /// Leave flow step 1 (§"Update Room State"): proposals the hub caches, fans out and requires in the next commit.
    func acceptProposals(_ messages: [MLSMessage], room: inout HubRoom, from: String) -> UpdateRoomResponse {
        // A retried bundle whose proposals are all pending already is accepted again without a second fan-out.
        if let earliest = room.pendingProposals.first(where: { p in messages.first.map { $0 == p.message } ?? false }),
           messages.allSatisfy({ m in room.pendingProposals.contains { $0.message == m } }) {
            return UpdateRoomResponse(.success(acceptedTimestamp: earliest.acceptedTime))
        }
        var accepted: [PendingHubProposal] = []
        var state = room.state
        var removedLeavesByProposer: [String: Set<UInt32>] = [:]
        var listRemovesSelf: Set<String> = []
        let now = clock.nowMilliseconds()
        for (i, m) in messages.enumerated() {
            guard case .publicMessage(let pm) = m.body, case .proposal(let proposal) = pm.content.body else {
                return UpdateRoomResponse(.notAllowed, errorDescription: "proposal \(i) is not a PublicMessage proposal")
            }
            guard pm.content.epoch == room.group.epoch, pm.content.groupID == room.group.groupID else {
                return UpdateRoomResponse(.wrongEpoch(currentEpoch: room.group.epoch), errorDescription: "proposal \(i) is for epoch \(pm.content.epoch)")
            }
            guard case .member = pm.content.sender, let (client, user) = senderUser(pm, room: room) else {
                return UpdateRoomResponse(.notAllowed, errorDescription: "proposal \(i): the sender is not a member of the room")
            }
            guard SimIdentifiers.domain(of: client) == from else {
                return UpdateRoomResponse(.notAllowed, errorDescription: "proposal \(i): sender \(client) is not a client of \(from)")
            }
            do { try room.group.verifySignature(of: pm) } catch {
                return UpdateRoomResponse(.notAllowed, errorDescription: "proposal \(i): \(error)")
            }
            let ref = room.group.proposalRef(of: pm)
            switch proposal {
            case .remove(let r):
                guard let target = room.client(atLeaf: r.removed), SimIdentifiers.user(ofClient: target) == user else {
                    return UpdateRoomResponse(.invalidProposal(invalidProposals: [ref]),
                                              errorDescription: "proposal \(i): a participant may only propose removing its own clients")
                }
                removedLeavesByProposer[user, default: []].insert(r.removed)
            case .appDataUpdate(let update):
                let before = state
                do {
                    state = try state.applying([RoomState.ProposedUpdate(update: update, proposer: user)])
                } catch {
                    return UpdateRoomResponse(.notAllowed, errorDescription: "proposal \(i): \(error)")
                }
                if before.role(of: user) != 0 && state.role(of: user) == 0 { listRemovesSelf.insert(user) }
            case .selfRemove:
                if let own = pmLeaf(pm) { removedLeavesByProposer[user, default: []].insert(own) }
            default:
                return UpdateRoomResponse(.invalidProposal(invalidProposals: [ref]),
                                          errorDescription: "proposal \(i): \(proposal.proposalType) is not accepted through /update here")
            }
            accepted.append(PendingHubProposal(ref: ref, message: m, proposal: proposal, sender: pm.content.sender,
                                               proposerUser: user, acceptedTime: now))
        }
        // A leaver proposes removing all of its own clients (room-policy-03 §canRemoveSelf).
        for user in listRemovesSelf {
            let own = Set(room.memberClients.filter { SimIdentifiers.user(ofClient: $0.client) == user }.map(\.index))
            guard own.isSubset(of: removedLeavesByProposer[user] ?? []) else {
                return UpdateRoomResponse(.notAllowed,
                                          errorDescription: "\(user) leaves the participant list but does not propose removing all of its clients")
            }
        }
        room.pendingProposals += accepted
        if let first = messages.first {
            let fanout = FanoutMessage(timestamp: now, message: first, attachments: .proposal(moreProposals: Array(messages.dropFirst())))
            fanOut(room: room.roomID.uri, [fanout], to: room.memberDomains)
        }
        return UpdateRoomResponse(.success(acceptedTimestamp: now))
    }

    private func pmLeaf(_ pm: PublicMessage) -> UInt32? {
        if case .member(let i) = pm.content.sender { return i }
        return nil
    }

    /// A commit bundle (§"Update Room State"): authorizes every change under room policy, checks the commit
    /// against the public group state, then accepts it, fans out the commit and routes the Welcome.
    func acceptCommit(message: MLSMessage, welcome: Welcome?, groupInfoOption: GroupInfoOption,
                      treeOption: RatchetTreeOption, room: inout HubRoom, from: String) -> UpdateRoomResponse {
        guard case .publicMessage(let pm) = message.body, case .commit(let commit) = pm.content.body else {
            return UpdateRoomResponse(.notAllowed, errorDescription: "not a Commit")
        }
        guard let (client, committer) = senderUser(pm, room: room) else {
            return UpdateRoomResponse(.notAllowed, errorDescription: "the committer is not a member of the room")
        }
        guard SimIdentifiers.domain(of: client) == from else {
            return UpdateRoomResponse(.notAllowed, errorDescription: "committer \(client) is not a client of \(from)")
        }
        let external: Bool
        if case .newMemberCommit = pm.content.sender { external = true } else { external = false }
        do { try room.group.verifySignature(of: pm) } catch {
            return UpdateRoomResponse(.notAllowed, errorDescription: "\(error)")
        }
        // Resolve the proposals; every pending proposal must be included.
        var proposals: [(proposal: Proposal, proposer: String, sender: Sender)] = []
        var includedRefs = Set<[UInt8]>()
        for item in commit.proposals {
            switch item {
            case .proposal(let p): proposals.append((p, committer, pm.content.sender))
            case .reference(let ref):
                guard let pending = room.pendingProposals.first(where: { $0.ref == ref }) else {
                    return UpdateRoomResponse(.invalidProposal(invalidProposals: [ref]),
                                              errorDescription: "the Commit references a proposal the hub did not accept")
                }
                includedRefs.insert(ref)
                proposals.append((pending.proposal, pending.proposerUser, pending.sender))
            }
        }
        let missing = room.pendingProposals.map(\.ref).filter { !includedRefs.contains($0) }
        if !missing.isEmpty {
            return UpdateRoomResponse(.invalidProposal(invalidProposals: missing),
                                      errorDescription: "the Commit omits \(missing.count) proposal(s) the hub requires in the next commit")
        }
        // A removed or banned user may not commit (§"Update Room State").
        let committerRole = room.state.role(of: committer)
        let banned = committerRole == 1 && room.state.policy.hasBannedRole
        if !external && (committerRole == 0 || banned) {
            return UpdateRoomResponse(.notAllowed, errorDescription: "\(committer) is not an active participant and may not commit")
        }
        if proposals.contains(where: { $0.proposer == committer && leaves(committer, in: $0.proposal, state: room.state) }) {
            return UpdateRoomResponse(.notAllowed, errorDescription: "\(committer) cannot commit its own removal (room-policy-03 §canRemoveSelf)")
        }
        // Room state: the next GroupContext extensions as the MLS engine computes them (GroupContextExtensions, then
        // AppDataUpdates per component in order), with the room's logic authorizing each change by its proposer.
        let withSenders = proposals.map { (proposal: $0.proposal, sender: $0.sender) }
        let nextExtensions: [Extension]
        do {
            nextExtensions = try room.group.nextExtensions(proposals: withSenders,
                                                           joinerCredential: external ? commit.path?.leafNode.credential : nil,
                                                           logic: RoomAppDataLogic(.authorize))
        } catch {
            return UpdateRoomResponse(.notAllowed, errorDescription: error.description)
        }
        guard let newState = RoomState.from(extensions: nextExtensions) else {
            return UpdateRoomResponse(.notAllowed, errorDescription: "the Commit leaves the group without a participant list and roles")
        }
        // Client-level changes: Adds, Removes, the external joiner.
        for (p, proposer, sender) in proposals {
            switch p {
            case .add(let add):
                guard let added = HubRoom.clientURI(of: add.keyPackage.leafNode.credential),
                      let user = SimIdentifiers.user(ofClient: added) else {
                    return UpdateRoomResponse(.notAllowed, errorDescription: "an added client has no MIMI client URI")
                }
                let role = newState.role(of: user)
                if role == 0 || (role == 1 && newState.policy.hasBannedRole) {
                    return UpdateRoomResponse(.notAllowed,
                                              errorDescription: "\(user) must be in the participant list before or with the Add of its clients")
                }
                if user == proposer && room.state.role(of: user) != 0 {
                    let v = newState.policy.authorize(.addOwnClient, by: Array(user.utf8), in: newState.participants)
                    if !v.isEmpty { return UpdateRoomResponse(.notAllowed, errorDescription: v.map(\.description).joined(separator: "; ")) }
                }
            case .remove(let r):
                guard let target = room.client(atLeaf: r.removed), let user = SimIdentifiers.user(ofClient: target) else { continue }
                if newState.role(of: user) == 0 || (newState.role(of: user) == 1 && newState.policy.hasBannedRole) { continue }
                let op: ClientOperation = user == proposer ? .removeOwnClient : .kick(target: Array(user.utf8))
                let v = newState.policy.authorize(op, by: Array(proposer.utf8), in: newState.participants)
                if !v.isEmpty { return UpdateRoomResponse(.notAllowed, errorDescription: v.map(\.description).joined(separator: "; ")) }
            case .selfRemove:
                // A SelfRemove removes its sender's own client (draft-ietf-mls-extensions §6.3.1), never the committer's.
                if case .member(let leaf) = pm.content.sender, case .member(let s) = sender, s == leaf {
                    return UpdateRoomResponse(.notAllowed, errorDescription: "the committer cannot commit its own SelfRemove")
                }
                if newState.role(of: proposer) == 0 || (newState.role(of: proposer) == 1 && newState.policy.hasBannedRole) { continue }
                let v = newState.policy.authorize(.removeOwnClient, by: Array(proposer.utf8), in: newState.participants)
                if !v.isEmpty { return UpdateRoomResponse(.notAllowed, errorDescription: v.map(\.description).joined(separator: "; ")) }
            default:
                continue
            }
        }
        if external {
            let v = newState.policy.authorize(.addOwnClient, by: Array(committer.utf8), in: newState.participants)
            if !v.isEmpty { return UpdateRoomResponse(.notAllowed, errorDescription: v.map(\.description).joined(separator: "; ")) }
        }
        // The public group state moves only if the Commit matches the GroupInfo and tree sent with it.
        guard case .full(let groupInfo) = groupInfoOption else {
            return UpdateRoomResponse(.notAllowed, errorDescription: "this hub needs the full GroupInfo (PartialGroupInfo is not supported)")
        }
        guard case .full(let nodes) = treeOption else {
            return UpdateRoomResponse(.notAllowed, errorDescription: "this hub needs the full ratchet tree (RatchetTreeOption full)")
        }
        let newGroup: PublicGroupState
        do {
            newGroup = try room.group.applying(commit: pm, groupInfo: groupInfo, tree: nodes, proposals: withSenders,
                                               nextExtensions: nextExtensions)
        } catch {
            return UpdateRoomResponse(.notAllowed, errorDescription: error.description)
        }
        var next = room
        next.group = newGroup
        next.state = newState
        next.pendingProposals = []
        // Users no longer listed keep no clients (room-policy-03 §canRemoveParticipant).
        for user in next.activeUsers.sorted()
        where newState.role(of: user) == 0 || (newState.role(of: user) == 1 && newState.policy.hasBannedRole) {
            return UpdateRoomResponse(.notAllowed, errorDescription: "\(user) is removed or banned but keeps clients in the group")
        }
        let now = clock.nowMilliseconds()
        // Fan-out: the commit to every provider with members before or after (removed clients get the commit that
        // removes them); the Welcome only to the providers of its KeyPackageRefs.
        let commitTargets = room.memberDomains.union(next.memberDomains)
        fanOut(room: room.roomID.uri, [FanoutMessage(timestamp: now, message: message, attachments: .commit(externalProposals: []))],
               to: commitTargets)
        if let welcome {
            var addedRoutes: [[UInt8]: String] = [:]
            for case .add(let add) in proposals.map(\.proposal) {
                if let suite = try? CipherSuite(add.keyPackage.cipherSuite),
                   let client = HubRoom.clientURI(of: add.keyPackage.leafNode.credential),
                   let d = SimIdentifiers.domain(of: client) {
                    addedRoutes[suite.makeKeyPackageRef(add.keyPackage.tlsEncoded)] = d
                }
            }
            var welcomeTargets = Set<String>()
            for secret in welcome.secrets {
                if let d = room.keyPackageRoutes[secret.newMember] ?? addedRoutes[secret.newMember] { welcomeTargets.insert(d) }
            }
            let fm = FanoutMessage(timestamp: now, message: MLSMessage(.welcome(welcome)), attachments: .welcome(ratchetTreeOption: treeOption))
            fanOut(room: room.roomID.uri, [fm], to: welcomeTargets)
            for secret in welcome.secrets { next.keyPackageRoutes.removeValue(forKey: secret.newMember) }
        }
        room = next
        return UpdateRoomResponse(.success(acceptedTimestamp: now))
    }

    /// Whether `proposal` removes `user` from the participant list.
    private func leaves(_ user: String, in proposal: Proposal, state: RoomState) -> Bool {
        guard let update = proposal.appDataUpdate, update.componentID == ComponentID.participantList,
              case .update(let bytes) = update.operation, let list = try? ParticipantListUpdate(tlsDecoding: bytes),
              let index = state.participants.index(of: Array(user.utf8)) else { return false }
        return list.removedIndices.contains(UInt32(index))
    }
}
