import MIMIProtocol
import MLS

/// The state of one room as the hub and every client holding it see it.
public struct SimRoomView: Sendable, Hashable {
    public var room: String
    public var hubEpoch: UInt64?
    public var hubMembers: [String]
    public var hubState: RoomState?
    public var clients: [ClientView]

    /// One client's view.
    public struct ClientView: Sendable, Hashable {
        public var client: String
        public var active: Bool
        public var epoch: UInt64
        public var epochAuthenticator: [UInt8]
        public var members: [String]
        public var state: RoomState?
        public var received: [ReceivedApplication]
    }

    /// The active clients' views.
    public var activeClients: [ClientView] { clients.filter(\.active) }

    /// What disagrees between the hub and the active clients (empty when all agree): epoch, epoch authenticator,
    /// members and room state (draft-ietf-mimi-protocol-06: the hub's room state must match the clients').
    public var disagreements: [String] {
        var out: [String] = []
        let active = activeClients
        guard let hubEpoch else { return active.isEmpty ? [] : ["the hub has no room \(room)"] }
        for c in active {
            if c.epoch != hubEpoch { out.append("\(c.client) is at epoch \(c.epoch), the hub at \(hubEpoch)") }
            if c.members != hubMembers { out.append("\(c.client) sees members \(c.members), the hub \(hubMembers)") }
            if c.state != hubState { out.append("\(c.client) sees room state \(c.state?.participantRoles ?? [:]), the hub \(hubState?.participantRoles ?? [:])") }
        }
        if let first = active.first {
            for c in active.dropFirst() where c.epochAuthenticator != first.epochAuthenticator {
                out.append("\(c.client) and \(first.client) disagree on the epoch authenticator")
            }
        }
        let activeSet = Set(active.map(\.client))
        for m in hubMembers where !activeSet.contains(m) { out.append("member \(m) holds no active state for the room") }
        return out
    }
}

extension SimNetwork {
    /// The hub's and every client's view of `room`.
    public func observe(room: String) async -> SimRoomView {
        var view = SimRoomView(room: room, hubEpoch: nil, hubMembers: [], hubState: nil, clients: [])
        if let hub = SimIdentifiers.domain(of: room).flatMap({ providers[$0] }), let hubRoom = await hub.hubRoom(room) {
            view.hubEpoch = hubRoom.group.epoch
            view.hubMembers = hubRoom.memberClients.map(\.client)
            view.hubState = hubRoom.state
        }
        for domain in providers.keys.sorted() {
            guard let p = providers[domain] else { continue }
            for client in await p.allClients {
                guard let r = client.rooms[room] else { continue }
                view.clients.append(SimRoomView.ClientView(
                    client: client.uri, active: r.group.status == .active, epoch: r.group.epoch,
                    epochAuthenticator: r.group.epochAuthenticator, members: r.memberClients, state: r.state, received: r.received))
            }
        }
        return view
    }
}
