import MIMIContent
import MIMIProtocol
import MLS
import MLSCrypto
import TLSCodec

extension SimProvider {
    /// "Last mile" delivery of fanned-out messages to this provider's clients (draft-ietf-mimi-protocol-06
    /// §"Fanout Messages and Room Events"): Welcomes to the client whose KeyPackageRef they name, everything else to
    /// each local member client of the room, which ignores its own messages.
    func deliver(room: String, messages: [FanoutMessage]) {
        for fm in messages {
            switch fm.message.body {
            case .welcome(let welcome):
                guard case .welcome(let treeOption) = fm.attachments else { continue }
                deliverWelcome(welcome, tree: treeOption, room: room)
            default:
                for uri in clients.keys.sorted() where clients[uri]?.rooms[room] != nil {
                    deliver(fm, room: room, to: uri)
                }
            }
        }
    }

    private func deliverWelcome(_ welcome: Welcome, tree: RatchetTreeOption, room: String) {
        for secret in welcome.secrets {
            guard let uri = keyPackages.client(forReference: secret.newMember), var client = clients[uri],
                  let bundle = client.keyPackageBundles[secret.newMember] else { continue }
            guard case .full(let nodes) = tree else {
                client.errors.append("Welcome for \(room) without a full ratchet tree")
                clients[uri] = client
                continue
            }
            do {
                var r = client.rng.fork("join " + room)
                let group = try MLSGroup.join(welcome: welcome, keyPackage: bundle, ratchetTree: nodes,
                                              configuration: configuration(for: client), using: &r)
                client.rooms[room] = ClientRoom(group: group)
                client.keyPackageBundles.removeValue(forKey: secret.newMember)
            } catch {
                client.errors.append("joining \(room): \(error)")
            }
            clients[uri] = client
        }
    }

    private func deliver(_ fm: FanoutMessage, room: String, to uri: String) {
        guard var client = clients[uri], var state = client.rooms[room] else { return }
        var all = [fm.message]
        if case .proposal(let more) = fm.attachments { all += more }
        for message in all {
            if client.sent.contains(message.tlsEncoded) { continue }
            if state.group.status != .active { continue }
            // Resolve a Commit's proposals before processing, for the proposer of each (the engine reports only the sender).
            do {
                let result = try state.group.process(message)
                switch result {
                case .proposal(let proposal, let ref, let sender):
                    let proposer = proposerUser(sender, in: state) ?? ""
                    state.proposals[ref] = CachedClientProposal(proposal: proposal, proposer: proposer)
                case .commit:
                    state.proposals = [:]
                case .application(let data, _, let leaf):
                    let sender = state.group.members.first { $0.index == leaf }
                        .flatMap { HubRoom.clientURI(of: $0.leaf.credential) } ?? ""
                    var frank: Frank?
                    if case .application(let f) = fm.attachments { frank = f }
                    var id: [UInt8] = []
                    if let content = try? ContentDecoder.decode(data),
                       let mid = try? MimiContent.messageID(of: data, salt: content.salt, extensions: content.extensions,
                                                           senderUri: SimIdentifiers.user(ofClient: sender), roomUri: room) {
                        id = mid.bytes
                    }
                    let verified = frank.map { SimProvider.verifyFrank($0, content: data, sender: sender, room: room,
                                                                        timestamp: fm.timestamp, group: state.group) }
                    if verified == false { client.errors.append("\(room): a frank from the hub does not verify") }
                    state.received.append(ReceivedApplication(sender: sender, timestamp: fm.timestamp, content: data,
                                                              messageID: id, frank: frank, frankVerified: verified))
                }
            } catch {
                client.errors.append("\(room) epoch \(state.group.epoch): \(error)")
            }
        }
        client.rooms[room] = state
        clients[uri] = client
    }

    private func proposerUser(_ sender: Sender, in state: ClientRoom) -> String? {
        guard case .member(let leaf) = sender else { return nil }
        return state.group.members.first { $0.index == leaf }.flatMap { HubRoom.clientURI(of: $0.leaf.credential) }
            .flatMap(SimIdentifiers.user(ofClient:))
    }

    /// A receiver's frank checks (§"Franking"): the suite is the group's, the content names the sending user and
    /// this room, and the hub's FrankingIntegrityTBS signature verifies with the franking key the GroupContext
    /// carries (app_data_dictionary component franking_signature_key).
    static func verifyFrank(_ frank: Frank, content: [UInt8], sender: String, room: String, timestamp: UInt64, group: MLSGroup) -> Bool {
        guard frank.frankingSignatureCiphersuite == group.cipherSuite.id,
              let decoded = try? ContentDecoder.decode(content),
              decoded.extensions.senderUri == SimIdentifiers.user(ofClient: sender), decoded.extensions.roomUri == room,
              let dict = try? group.groupContext.extensions.find(AppDataDictionary.self),
              let agentBytes = dict[ComponentID.frankingSignatureKey],
              let agent = try? FrankingAgentData(tlsDecoding: agentBytes),
              HubRoom.clientURI(of: agent.credential) == "mimi://" + (SimIdentifiers.domain(of: room) ?? "") else { return false }
        let context = ServerFrankingContext(senderURI: IdentifierUri(decoded.extensions.senderUri ?? ""), roomURI: IdentifierUri(room),
                                            acceptedTimestamp: timestamp)
        let tbs = FrankingIntegrityTBS(serverFrank: frank.serverFrank, frankingSignatureCiphersuite: frank.frankingSignatureCiphersuite,
                                       context: context)
        return (try? group.cipherSuite.verifyWithLabel(publicKey: agent.frankingSignatureKey, label: FrankingIntegrityTBS.signatureLabel,
                                                       content: tbs.tlsEncoded, signature: frank.frankingIntegritySignature)) ?? false
    }
}
