import TLSCodec

/// Finds the first difference between two observations of a room, to report a refused step that changed state
/// as expected (before) vs actual (after), blaming the party whose state moved.
enum StateDiff {
    static func first(_ before: RoomObservation?, _ after: RoomObservation?, hub: String,
                      party: (ClientRef) -> String) -> (expected: String, actual: String, party: String) {
        guard let b = before, let a = after else {
            return (before == nil ? "no room" : "room exists", after == nil ? "no room" : "room exists", hub)
        }
        if b.hubEpoch != a.hubEpoch {
            return ("hub epoch \(b.hubEpoch.map(String.init) ?? "none")", "hub epoch \(a.hubEpoch.map(String.init) ?? "none")", hub)
        }
        if b.members != a.members {
            return ("members " + b.members.map(\.description).joined(separator: ", "),
                    "members " + a.members.map(\.description).joined(separator: ", "), hub)
        }
        if b.participants != a.participants {
            return ("participants " + describe(b.participants), "participants " + describe(a.participants), hub)
        }
        let bv = Dictionary(b.clients.map { ($0.client, $0) }, uniquingKeysWith: { x, _ in x })
        let av = Dictionary(a.clients.map { ($0.client, $0) }, uniquingKeysWith: { x, _ in x })
        for c in Set(bv.keys).union(av.keys).sorted() {
            let x = bv[c], y = av[c]
            guard x != y else { continue }
            guard let x, let y else { return ("\(c): \(x == nil ? "no state" : "state")", "\(c): \(y == nil ? "no state" : "state")", party(c)) }
            if x.epoch != y.epoch { return ("\(c) epoch \(x.epoch)", "\(c) epoch \(y.epoch)", party(c)) }
            if x.epochAuthenticator != y.epochAuthenticator {
                return ("\(c) epoch_authenticator \(x.epochAuthenticator.hex)", "\(c) epoch_authenticator \(y.epochAuthenticator.hex)", party(c))
            }
            if x.receivedCount != y.receivedCount {
                return ("\(c) received \(x.receivedCount) message(s)", "\(c) received \(y.receivedCount) message(s)", hub)
            }
            return ("\(c) view unchanged", "\(c) view changed (members or participants)", party(c))
        }
        return ("unchanged", "changed", hub)
    }

    static func describe(_ p: [String: String]) -> String {
        p.keys.sorted().map { "\($0): \(p[$0] ?? "")" }.joined(separator: ", ")
    }
}
