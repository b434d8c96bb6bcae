import MIMIProtocol
import MLS
import MLSCrypto
import TLSCodec

extension SimProvider {
    /// The leaf indexes of `user`'s clients in `client`'s view of `room`.
    func leaves(of user: String, room: String, view uri: String) -> [UInt32] {
        guard let state = clients[uri]?.rooms[room] else { return [] }
        return state.group.members.filter { HubRoom.clientURI(of: $0.leaf.credential).flatMap(SimIdentifiers.user(ofClient:)) == user }
            .map(\.index)
    }

    func participantIndex(of user: String, room: String, view uri: String) throws -> UInt32 {
        guard let state = clients[uri]?.rooms[room]?.state, let i = state.participants.index(of: Array(user.utf8)) else {
            throw SimError.unknownUser(user)
        }
        return UInt32(i)
    }

    /// Stages removing `user` from the participant list with all its clients (room-policy-03 §canRemoveParticipant).
    public func stageRemoveUser(_ user: String, room: String, by uri: String) throws -> CommitOutput {
        let index = try participantIndex(of: user, room: room, view: uri)
        return try stageCommit(by: uri, room: room, participantUpdate: ParticipantListUpdate(removedIndices: [index]),
                               extra: leaves(of: user, room: room, view: uri).map { .remove(Remove(removed: $0)) })
    }

    /// Stages a ban: role 1 ("banned") and the removal of all the user's clients (§canBan).
    public func stageBan(_ user: String, room: String, by uri: String) throws -> CommitOutput {
        let index = try participantIndex(of: user, room: room, view: uri)
        return try stageCommit(by: uri, room: room,
                               participantUpdate: ParticipantListUpdate(changedRoleParticipants: [UserindexRolePair(userIndex: index, roleIndex: RoomPolicies.banned)]),
                               extra: leaves(of: user, room: room, view: uri).map { .remove(Remove(removed: $0)) })
    }

    /// Stages a role change of a listed user (§canChangeUserRole, §canUnBan when leaving role 1).
    public func stageChangeRole(_ user: String, to role: UInt32, room: String, by uri: String) throws -> CommitOutput {
        let index = try participantIndex(of: user, room: room, view: uri)
        return try stageCommit(by: uri, room: room,
                               participantUpdate: ParticipantListUpdate(changedRoleParticipants: [UserindexRolePair(userIndex: index, roleIndex: role)]))
    }

    /// Stages an empty Commit with an UpdatePath (a key update, RFC 9420 §12.4).
    public func stageUpdate(room: String, by uri: String) throws -> CommitOutput {
        try stageCommit(by: uri, room: room, participantUpdate: nil, forcePath: true)
    }

    /// Stages adding another client of the committer's own user (§canAddOwnClient), with one of its KeyPackages
    /// from this provider's store.
    public func stageAddDevice(_ device: String, room: String, by uri: String) throws -> CommitOutput {
        guard let user = SimIdentifiers.user(ofClient: device), user == clients[uri]?.user else {
            throw SimError.rejected("\(device) is not a client of the committer's user")
        }
        guard let kp = keyPackages.claim(client: device, nowSeconds: clock.nowSeconds) else {
            throw SimError.rejected("no KeyPackage left for \(device)")
        }
        return try stageCommit(by: uri, room: room, participantUpdate: nil, extra: [.add(Add(keyPackage: kp))])
    }

    /// Stages adding `user` with one KeyPackage per client (fetched through keyMaterial; §"Example flows" 2, 3).
    /// Returns the KeyMaterialResponse code instead when no KeyPackage came back.
    public func stageAddUser(_ user: String, role: UInt32, room: String, by uri: String) async throws -> (CommitOutput?, KeyMaterialResponse) {
        guard let client = clients[uri], client.rooms[room] != nil else { throw SimError.unknownClient(uri) }
        let material = try await fetchKeyPackages(for: user, room: room, requester: client)
        guard !material.keyPackages.isEmpty else { return (nil, material) }
        let update = ParticipantListUpdate(addedParticipants: [UserRolePair(user: user, roleIndex: role)])
        let output = try stageCommit(by: uri, room: room, participantUpdate: update,
                                     extra: material.keyPackages.map { .add(Add(keyPackage: $0)) })
        return (output, material)
    }
}
