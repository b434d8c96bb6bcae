import MIMIProtocol
import Transport

extension SimProvider {
    /// POST /notify/{roomId} (draft-ietf-mimi-protocol-06 §"Fanout Messages and Room Events"): only the room's hub
    /// may send it; the body is one or more FanoutMessages. A byte-identical duplicate from the same hub is answered
    /// 201 and not processed again. A malformed body is refused (400) and not remembered.
    func followerNotify(room: IdentifierUri, body: [UInt8], from: String) async -> HTTPResponse {
        guard let hub = SimIdentifiers.domain(of: room.uri), hub == from else {
            refuse("notify for \(room.uri) from \(from), which is not its hub")
            return ProviderResponse.error(403, "only the hub of \(room.uri) may notify")
        }
        let messages: [FanoutMessage]
        do {
            messages = try FanoutMessage.decodeAll(body)
        } catch {
            refuse("notify from \(from): \(error)")
            return ProviderResponse.error(400, "malformed FanoutMessage: \(error)")
        }
        guard seenNotify.firstSighting(from: from, body: body) else { return ProviderResponse.created }
        deliver(room: room.uri, messages: messages)
        return ProviderResponse.created
    }
}
