import MIMIProtocol
import MLS
import MLSCrypto
import TLSCodec
import Transport

extension SimProvider {
    /// Registers a room this provider hosts, from the creator's epoch-0 GroupInfo and tree (§"Create room" is
    /// hub-local: no MIMI request). The room state comes from the GroupContext's app_data_dictionary.
    public func hostRoom(_ roomID: String, groupInfo: GroupInfo, tree: [Node?]) throws -> HubRoom {
        guard SimIdentifiers.domain(of: roomID) == domain else { throw SimError.notHub(room: roomID, domain: domain) }
        guard rooms[roomID] == nil else { throw SimError.roomExists(roomID) }
        guard let state = RoomState.from(extensions: groupInfo.groupContext.extensions) else {
            throw SimError.malformedRoomState(roomID)
        }
        let group: PublicGroupState
        do { group = try PublicGroupState(groupInfo: groupInfo, tree: tree) } catch { throw SimError.rejected(error.description) }
        let room = HubRoom(roomID: IdentifierUri(roomID), state: state, group: group)
        rooms[roomID] = room
        return room
    }

    /// POST /groupInfo/{roomId} (§"External Join"): the GroupInfo and tree of the current epoch, with the pending
    /// proposals, encrypted to the requester's groupInfoPublicKey and signed by the hub. Only a listed user allowed
    /// to add its own clients (or to join openly) gets them.
    func hubGroupInfo(room: IdentifierUri, body: [UInt8], from: String) -> HTTPResponse {
        let request: GroupInfoRequest
        do {
            request = try GroupInfoRequest(tlsDecoding: body)
        } catch {
            refuse("groupInfo from \(from): \(error)")
            return ProviderResponse.error(400, "malformed GroupInfoRequest: \(error)")
        }
        let roomBytes = Array(room.uri.utf8)
        guard let hubRoom = rooms[room.uri] else {
            return ProviderResponse.ok(GroupInfoResponse(roomID: roomBytes, outcome: .noSuchRoom))
        }
        guard let suite = try? CipherSuite(request.cipherSuite),
              (try? suite.verifyWithLabel(publicKey: request.requestingSignatureKey, label: GroupInfoRequest.signatureLabel,
                                          content: request.tbs, signature: request.signature)) == true else {
            refuse("groupInfo: request signature does not verify")
            return ProviderResponse.ok(GroupInfoResponse(roomID: roomBytes, outcome: .notAuthorized))
        }
        guard let client = HubRoom.clientURI(of: request.requestingCredential), SimIdentifiers.domain(of: client) == from,
              let user = SimIdentifiers.user(ofClient: client),
              hubRoom.state.policy.authorize(.addOwnClient, by: Array(user.utf8), in: hubRoom.state.participants).isEmpty else {
            refuse("groupInfo: requester not authorized")
            return ProviderResponse.ok(GroupInfoResponse(roomID: roomBytes, outcome: .notAuthorized))
        }
        let tbe = GroupInfoRatchetTreeTBE(
            groupInfo: hubRoom.group.groupInfo, ratchetTreeOption: .full(ratchetTree: hubRoom.group.tree.exportedNodes),
            pendingProposals: hubRoom.pendingProposals.map { PendingProposal(proposal: $0.message, hubAcceptedTime: $0.acceptedTime) })
        do {
            let sealed = try suite.encryptWithLabel(publicKey: request.groupInfoPublicKey, label: GroupInfoRatchetTreeTBE.encryptionLabel,
                                                    context: roomBytes, plaintext: tbe.tlsEncoded, using: &rng)
            var success = GroupInfoResponse.Success(
                cipherSuite: suite.id, hubSender: try hubExternalSender(suite: suite),
                encryptedGroupInfoAndTree: HPKECiphertext(kemOutput: sealed.kemOutput, ciphertext: sealed.ciphertext), signature: [])
            var response = GroupInfoResponse(roomID: roomBytes, outcome: .success(success))
            success.signature = try suite.signWithLabel(privateKey: try hubKey(for: suite).privateKey,
                                                        label: GroupInfoResponse.signatureLabel, content: response.tbs)
            response.outcome = .success(success)
            return ProviderResponse.ok(response)
        } catch {
            refuse("groupInfo: \(error)")
            return ProviderResponse.error(400, "cannot encrypt to groupInfoPublicKey: \(error)")
        }
    }
}
