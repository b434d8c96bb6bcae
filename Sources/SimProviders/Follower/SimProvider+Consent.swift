import MIMIProtocol
import Transport

extension SimProvider {
    /// POST /requestConsent/{targetUser} (draft-ietf-mimi-protocol-06 §"Consent"): a `request` or `cancel` for one
    /// of this provider's users, from the requester's provider. 201 when received (also for a cancel that matches
    /// nothing), 404 for an unknown user, 403 when the domains do not fit. A user who grants consent answers with
    /// an /updateConsent `grant` carrying no KeyPackages (queued).
    func receiveConsentRequest(target: IdentifierUri, body: [UInt8], from: String) -> HTTPResponse {
        let entry: ConsentEntry
        do {
            entry = try ConsentEntry(tlsDecoding: body)
        } catch {
            refuse("requestConsent from \(from): \(error)")
            return ProviderResponse.error(400, "malformed ConsentEntry: \(error)")
        }
        guard entry.scope.targetURI == target, SimIdentifiers.domain(of: target.uri) == domain,
              SimIdentifiers.domain(of: entry.scope.requesterURI.uri) == from else {
            return ProviderResponse.error(403, "the target must be a user of \(domain) and the requester a user of \(from)")
        }
        guard let user = users[target.uri] else { return ProviderResponse.error(404, "no user \(target.uri)") }
        switch entry.operation {
        case .request:
            if !consentRequests.contains(entry.scope) { consentRequests.append(entry.scope) }
            if user.grantsConsent {
                consentGrants[entry.scope] = []
                let grant = ConsentEntry(operation: .grant, scope: entry.scope)
                if let url = try? directory(of: from).url(.updateConsent, user: entry.scope.requesterURI, layout: configuration.layout) {
                    enqueue(to: from, url: url, body: grant.tlsEncoded)
                }
            }
        case .cancel:
            consentRequests.removeAll { $0 == entry.scope }
        case .grant, .revoke:
            return ProviderResponse.error(400, "requestConsent carries request or cancel, not \(entry.operation)")
        }
        return ProviderResponse.created
    }

    /// POST /updateConsent/{requesterUser} (§"Consent"): a `grant` or `revoke` from the target's provider for one of
    /// this provider's users; it may be unsolicited. 201 when received.
    func receiveConsentUpdate(requester: IdentifierUri, body: [UInt8], from: String) -> HTTPResponse {
        let entry: ConsentEntry
        do {
            entry = try ConsentEntry(tlsDecoding: body)
        } catch {
            refuse("updateConsent from \(from): \(error)")
            return ProviderResponse.error(400, "malformed ConsentEntry: \(error)")
        }
        guard entry.scope.requesterURI == requester, SimIdentifiers.domain(of: requester.uri) == domain,
              SimIdentifiers.domain(of: entry.scope.targetURI.uri) == from else {
            return ProviderResponse.error(403, "the requester must be a user of \(domain) and the target a user of \(from)")
        }
        guard users[requester.uri] != nil else { return ProviderResponse.error(404, "no user \(requester.uri)") }
        switch entry.operation {
        case .grant: consentGrants[entry.scope] = entry.clientKeyPackages
        case .revoke: consentGrants.removeValue(forKey: entry.scope)
        case .request, .cancel:
            return ProviderResponse.error(400, "updateConsent carries grant or revoke, not \(entry.operation)")
        }
        return ProviderResponse.created
    }

    /// Sends a consent request (or cancel) for `requester` to the target's provider now.
    public func sendConsent(_ operation: ConsentOperation, requester: String, target: String, room: String?) async throws -> Int {
        guard let targetDomain = SimIdentifiers.domain(of: target) else { throw SimError.unknownUser(target) }
        let scope = ConsentScope(requesterURI: IdentifierUri(requester), targetURI: IdentifierUri(target), roomID: room.map { IdentifierUri($0) })
        let entry = ConsentEntry(operation: operation, scope: scope)
        let url = try directory(of: targetDomain).url(.requestConsent, user: scope.targetURI, layout: configuration.layout)
        return try await post(to: targetDomain, url: url, body: entry.tlsEncoded).status
    }
}

extension SimProvider {
    /// One of this provider's users grants or revokes consent (§"Consent": updateConsent may be unsolicited): the
    /// provider records it for its own /keyMaterial answers and tells the requester's provider. Returns the status.
    public func answerConsent(_ operation: ConsentOperation, requester: String, target: String, room: String?) async throws -> Int {
        guard operation == .grant || operation == .revoke else { throw SimError.rejected("answerConsent takes grant or revoke") }
        guard let requesterDomain = SimIdentifiers.domain(of: requester) else { throw SimError.unknownUser(requester) }
        let scope = ConsentScope(requesterURI: IdentifierUri(requester), targetURI: IdentifierUri(target), roomID: room.map { IdentifierUri($0) })
        if operation == .grant {
            consentRevoked.remove([requester, target])
            consentGrants[scope] = []
        } else {
            consentRevoked.insert([requester, target])
            consentGrants = consentGrants.filter { !($0.key.requesterURI.uri == requester && $0.key.targetURI.uri == target) }
        }
        let url = try directory(of: requesterDomain).url(.updateConsent, user: scope.requesterURI, layout: configuration.layout)
        return try await post(to: requesterDomain, url: url, body: ConsentEntry(operation: operation, scope: scope).tlsEncoded).status
    }
}
