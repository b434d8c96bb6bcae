import MIMIProtocol
import MLS

extension SimProvider {
    /// Queues FanoutMessages for `domains` (draft-ietf-mimi-protocol-06 §"Fanout Messages and Room Events"): a
    /// /notify for each follower, and provider-internal delivery for the hub's own clients. Domains go in sorted
    /// order so every run sends the same requests in the same order.
    func fanOut(room: String, _ messages: [FanoutMessage], to domains: Set<String>) {
        let body = FanoutMessage.encodeAll(messages)
        for target in domains.sorted() {
            if target == domain {
                outbox.append(OutgoingRequest(target: domain, url: "", body: body, localRoom: room))
            } else if let url = try? directory(of: target).url(.notify, room: IdentifierUri(room), layout: configuration.layout) {
                enqueue(to: target, url: url, body: body)
            } else {
                refuse("no notify endpoint for \(target)")
            }
        }
    }
}
