import MIMIProtocol
import MLS
import MLSCrypto
import TLSCodec
import Transport

extension SimProvider {
    /// External join (draft-ietf-mimi-protocol-06 §"Example flows" 6): `uri` fetches the GroupInfo and tree from the
    /// hub through /groupInfo (encrypted to a fresh HPKE key), joins by an external Commit (RFC 9420 §12.4.3.2) and
    /// sends it through /update. With `replacingOwnLeaf` (a client that lost its state rejoins), the Commit also
    /// removes the client's old leaf.
    public func externalJoin(room: String, by uri: String, replacingOwnLeaf: Bool = false) async throws -> FlowOutcome {
        guard var client = clients[uri], let hub = SimIdentifiers.domain(of: room) else { throw SimError.unknownClient(uri) }
        var r = client.rng.fork("external join " + room)
        let hpke = try client.suite.generateKEMKeyPair(using: &r)
        var request = GroupInfoRequest(cipherSuite: client.suite.id, requestingSignatureKey: client.identity.signaturePublicKey,
                                       requestingCredential: client.identity.credential, groupInfoPublicKey: hpke.publicKey,
                                       joiningCode: nil, signature: [])
        request.signature = try client.suite.signWithLabel(privateKey: client.identity.signaturePrivateKey,
                                                           label: GroupInfoRequest.signatureLabel, content: request.tbs)
        let http: HTTPResponse
        if hub == domain {
            http = hubGroupInfo(room: IdentifierUri(room), body: request.tlsEncoded, from: domain)
        } else {
            let url = try directory(of: hub).url(.groupInfo, room: IdentifierUri(room), layout: configuration.layout)
            http = try await post(to: hub, url: url, body: request.tlsEncoded)
        }
        let status = hub == domain ? nil : http.status
        guard http.status == 200, let response = try? GroupInfoResponse(tlsDecoding: http.body) else {
            return FlowOutcome(code: http.status == 400 ? "malformed" : "http\(http.status)", httpStatus: status, respondent: hub)
        }
        guard case .success(let success) = response.outcome else {
            return FlowOutcome(code: response.status == .noSuchRoom ? "noSuchRoom" : "notAuthorized", httpStatus: status, respondent: hub)
        }
        // The response is signed by the hub's external-sender key (§"External Join").
        var unsigned = response
        unsigned.outcome = .success(GroupInfoResponse.Success(cipherSuite: success.cipherSuite, hubSender: success.hubSender,
                                                              encryptedGroupInfoAndTree: success.encryptedGroupInfoAndTree, signature: []))
        guard (try? client.suite.verifyWithLabel(publicKey: success.hubSender.signatureKey, label: GroupInfoResponse.signatureLabel,
                                                 content: unsigned.tbs, signature: success.signature)) == true else {
            return FlowOutcome(code: "invalidMessage", httpStatus: status, respondent: hub, detail: "the GroupInfoResponse signature does not verify")
        }
        let tbe: GroupInfoRatchetTreeTBE
        do {
            let plain = try client.suite.decryptWithLabel(privateKey: hpke.privateKey, label: GroupInfoRatchetTreeTBE.encryptionLabel,
                                                          context: Array(room.utf8), kemOutput: success.encryptedGroupInfoAndTree.kemOutput,
                                                          ciphertext: success.encryptedGroupInfoAndTree.ciphertext)
            tbe = try GroupInfoRatchetTreeTBE(tlsDecoding: plain)
        } catch {
            return FlowOutcome(code: "invalidMessage", httpStatus: status, respondent: hub, detail: "cannot open the GroupInfo: \(error)")
        }
        guard case .full(let nodes) = tbe.ratchetTreeOption else {
            return FlowOutcome(code: "invalidMessage", httpStatus: status, respondent: hub, detail: "no full ratchet tree")
        }
        var prior: UInt32?
        if replacingOwnLeaf {
            let tree = try RatchetTree(nodes: nodes)
            prior = tree.members.first { HubRoom.clientURI(of: $0.leaf.credential) == uri }?.index
        }
        let joined: ExternalJoinOutput
        do {
            joined = try MLSGroup.joinExternally(groupInfo: tbe.groupInfo, ratchetTree: nodes, identity: client.identity,
                                                 removePrior: prior, capabilities: client.capabilities,
                                                 configuration: configuration(for: client), using: &r)
        } catch {
            throw SimError.mls("external join by \(uri): \(error)")
        }
        client.rng = r
        clients[uri] = client
        let groupInfo = try joined.group.groupInfo(ratchetTree: false, externalPub: true)
        let bundle = HandshakeBundle(proposalOrCommit: joined.commit,
                                     attachments: .commit(welcome: nil, groupInfoOption: .full(groupInfo),
                                                          ratchetTreeOption: .full(ratchetTree: joined.group.tree.exportedNodes)))
        let answer = await submitUpdate(room: room, bundle: bundle, kind: "commit")
        var outcome = FlowOutcome(code: answer.response.map { SimProvider.name(of: $0.outcome) } ?? "http\(answer.status ?? 0)",
                                  httpStatus: answer.status, respondent: answer.hub, detail: answer.detail)
        if outcome.accepted, var c = clients[uri] {
            c.rooms[room] = ClientRoom(group: joined.group)
            c.sent.insert(joined.commit.tlsEncoded)
            clients[uri] = c
            outcome.epoch = joined.group.epoch
        }
        return outcome
    }
}
