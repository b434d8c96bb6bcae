import MIMIProtocol
import TLSCodec
import Transport

extension SimProvider {
    /// Serves one MIMI request (draft-ietf-mimi-protocol-06 §"Endpoints"). The requester's provider comes from the
    /// `From: mimi@<domain>` header (§"Transport"; loopback has no mutual TLS to name it).
    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        if request.method == "GET", request.path == DirectoryDocument.wellKnownPath {
            return HTTPResponse(status: 200, headers: [HTTPHeaderField("Content-Type", "application/json")], body: directory.json)
        }
        guard let (endpoint, remainder) = directory.match(path: request.path) else {
            refuse("no endpoint at \(request.path)")
            return ProviderResponse.error(404, "no MIMI endpoint at \(request.path)")
        }
        guard request.method == endpoint.method else {
            return HTTPResponse(status: 405, headers: [HTTPHeaderField("Allow", endpoint.method)])
        }
        guard let from = SimProvider.requester(of: request) else {
            refuse("\(endpoint.rawValue) without From")
            return ProviderResponse.error(400, "missing or malformed From header (expected mimi@<domain>)")
        }
        let layout = configuration.layout
        switch endpoint {
        case .update, .notify, .submitMessage, .groupInfo, .reportAbuse:
            guard let room = EndpointLayout.decode(remainder, as: layout.room, type: "r") else {
                return ProviderResponse.error(404, "cannot read a room ID from \(request.path)")
            }
            switch endpoint {
            case .update: return await hubUpdate(room: room, body: request.body, from: from)
            case .notify: return await followerNotify(room: room, body: request.body, from: from)
            case .submitMessage: return hubSubmit(room: room, body: request.body, from: from)
            case .groupInfo: return hubGroupInfo(room: room, body: request.body, from: from)
            default: return hubReportAbuse(room: room, body: request.body, from: from)
            }
        case .keyMaterial, .requestConsent, .updateConsent:
            guard let user = EndpointLayout.decode(remainder, as: layout.user, type: "u") else {
                return ProviderResponse.error(404, "cannot read a user ID from \(request.path)")
            }
            switch endpoint {
            case .keyMaterial: return await serveKeyMaterial(target: user, body: request.body, from: from)
            case .requestConsent: return receiveConsentRequest(target: user, body: request.body, from: from)
            default: return receiveConsentUpdate(requester: user, body: request.body, from: from)
            }
        case .identifierQuery:
            let target = String(remainder).removingPercentEncodingLossy
            return answerIdentifierQuery(domain: target, body: request.body, from: from)
        case .proxyDownload:
            return ProviderResponse.error(403, "proxyDownload: no asset host of a peer provider is configured (draft-ietf-mimi-protocol-06 §Proxy Download)")
        }
    }

    /// The domain in `From: mimi@<domain>`.
    static func requester(of request: HTTPRequest) -> String? {
        guard let from = request.headers.value(for: "from") else { return nil }
        let value = from.trimmingCharacters(in: " <>")
        guard value.hasPrefix("mimi@") else { return nil }
        let domain = value.dropFirst(5).lowercased()
        return domain.isEmpty || domain.contains(where: { $0 == "@" || $0 == " " }) ? nil : domain
    }

    /// Sends a MIMI POST to a peer now and returns its response.
    func post(to peer: String, url: String, body: [UInt8]) async throws(TransportError) -> HTTPResponse {
        guard let transport else { throw .noRoute(authority: peer) }
        let request = try HTTPRequest(method: "POST", url: url, headers: [
            HTTPHeaderField("From", "mimi@\(domain)"),
            HTTPHeaderField("Content-Type", "application/octet-stream"),
        ], body: body)
        return try await transport.send(request)
    }

    /// Queues a request for ``flushOutbox()``.
    func enqueue(to peer: String, url: String, body: [UInt8]) {
        outbox.append(OutgoingRequest(target: peer, url: url, body: body))
    }

    /// Sends every queued request in order (a /notify that fails is retried by the next flush, §"Fanout").
    /// Returns how many were sent.
    @discardableResult
    public func flushOutbox() async -> Int {
        var sent = 0
        while !outbox.isEmpty {
            let next = outbox.removeFirst()
            if next.target == domain, let room = next.localRoom {
                // Delivery to this provider's own clients is provider-internal (no MIMI request).
                if let messages = try? FanoutMessage.decodeAll(next.body) { deliver(room: room, messages: messages) }
                sent += 1
                continue
            }
            do {
                let response = try await post(to: next.target, url: next.url, body: next.body)
                if response.status != 201 && response.status != 200 {
                    refuse("\(next.url) answered \(response.status)")
                }
            } catch {
                refuse("\(next.url) failed: \(error)")
            }
            sent += 1
        }
        return sent
    }

    /// Whether requests are waiting.
    public var hasPendingOutput: Bool { !outbox.isEmpty }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s.removeFirst() }
        while let l = s.last, set.contains(l) { s.removeLast() }
        return String(s)
    }

    var removingPercentEncodingLossy: String {
        var out: [UInt8] = []
        var bytes = Array(utf8)[...]
        while let b = bytes.first {
            bytes.removeFirst()
            if b == 0x25, bytes.count >= 2, let h = hexValue(bytes[bytes.startIndex]), let l = hexValue(bytes[bytes.startIndex + 1]) {
                out.append(h << 4 | l)
                bytes.removeFirst(2)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }
}

extension SimProvider {
    /// Fetches a peer's directory (`GET /.well-known/mimi-protocol-directory`, draft-ietf-mimi-protocol-06
    /// §"Directory") and resolves that peer's endpoints through it from then on.
    public func fetchDirectory(of peer: String) async throws {
        guard let transport else { throw SimError.transport("not connected") }
        let request = HTTPRequest(method: "GET", authority: peer, target: DirectoryDocument.wellKnownPath,
                                  headers: [HTTPHeaderField("From", "mimi@\(domain)")])
        let response = try await transport.send(request)
        guard response.status == 200 else { throw SimError.unexpectedResponse("directory of \(peer): HTTP \(response.status)") }
        directories[peer.lowercased()] = try DirectoryDocument(json: response.body)
    }
}
