import MIMIProtocol
import Transport

extension SimProvider {
    /// Adds a user with its profile.
    public func addUser(_ user: SimUser) { users[user.uri] = user }

    /// POST /identifierQuery/{domain} (draft-ietf-mimi-protocol-06 §"Identifier Query"): every query element must
    /// match (AND). handle, nick, email and phone match exactly; partialName is a case-insensitive substring of the
    /// display name; wholeProfile a substring of any searchable field. OIDC claims and vCard fields are not
    /// searchable here (unsupportedField).
    func answerIdentifierQuery(domain target: String, body: [UInt8], from: String) -> HTTPResponse {
        let request: IdentifierRequest
        do {
            request = try IdentifierRequest(tlsDecoding: body)
        } catch {
            refuse("identifierQuery from \(from): \(error)")
            return ProviderResponse.error(400, "malformed IdentifierRequest: \(error)")
        }
        guard target.lowercased() == domain else { return ProviderResponse.error(404, "\(domain) does not answer for \(target)") }
        guard !request.queryElements.isEmpty else {
            return ProviderResponse.ok(IdentifierResponse(responseCode: .notFound))
        }
        if request.queryElements.contains(where: { $0.searchType == .oidcStdClaim || $0.searchType == .vcardField }) {
            return ProviderResponse.ok(IdentifierResponse(responseCode: .unsupportedField))
        }
        let found = users.values.filter { user in request.queryElements.allSatisfy { SimProvider.matches($0, user) } }
            .sorted { $0.uri < $1.uri }
        guard !found.isEmpty else { return ProviderResponse.ok(IdentifierResponse(responseCode: .notFound)) }
        let profiles = found.map { UserProfile(stableURI: IdentifierUri($0.uri)) }
        return ProviderResponse.ok(IdentifierResponse(responseCode: .success, uris: found.map { IdentifierUri($0.uri) },
                                                      foundProfiles: profiles))
    }

    static func matches(_ element: QueryElement, _ user: SimUser) -> Bool {
        let v = element.searchValue
        switch element.searchType {
        case .handle: return user.handle == v
        case .nick: return SimIdentifiers.localName(of: user.uri) == v
        case .email: return user.email == v
        case .phone: return user.phone == v
        case .partialName: return user.displayName.lowercased().contains(v.lowercased())
        case .wholeProfile:
            return [user.handle, user.displayName, user.email ?? "", user.phone ?? "", user.uri]
                .contains { $0.lowercased().contains(v.lowercased()) }
        case .oidcStdClaim, .vcardField: return false
        }
    }

    /// Sends an identifier query to `target` now.
    public func queryIdentifier(_ elements: [QueryElement], at target: String) async throws -> (status: Int, response: IdentifierResponse?) {
        let url = try directory(of: target).url(identifierQueryFor: target, layout: configuration.layout)
        let http = try await post(to: target, url: url, body: IdentifierRequest(queryElements: elements).tlsEncoded)
        guard http.status == 200 else { return (http.status, nil) }
        return (http.status, try IdentifierResponse(tlsDecoding: http.body))
    }
}
