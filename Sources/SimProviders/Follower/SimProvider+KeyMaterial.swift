import MIMIProtocol
import MLS
import MLSCrypto
import TLSCodec
import Transport

extension SimProvider {
    /// POST /keyMaterial/{targetUser} (draft-ietf-mimi-protocol-06 §"Fetch Key Material"). For its own users the
    /// provider hands out one KeyPackage per client from its store; as the hub of the request's room it proxies a
    /// follower's request to the target provider and remembers where each returned KeyPackage came from, so the
    /// Welcome can be routed.
    func serveKeyMaterial(target: IdentifierUri, body: [UInt8], from: String) async -> HTTPResponse {
        let request: KeyMaterialRequest
        do {
            request = try KeyMaterialRequest(tlsDecoding: body)
        } catch {
            refuse("keyMaterial from \(from): \(error)")
            return ProviderResponse.error(400, "malformed KeyMaterialRequest: \(error)")
        }
        guard request.targetUser == target else {
            return ProviderResponse.error(400, "targetUser in the body differs from the path")
        }
        guard let suite = request.acceptableCiphersuites.lazy.compactMap({ try? CipherSuite($0) }).first,
              (try? suite.verifyWithLabel(publicKey: request.requesterSignatureKey, label: KeyMaterialRequest.signatureLabel,
                                          content: request.tbs, signature: request.signature)) == true else {
            refuse("keyMaterial: signature does not verify")
            return ProviderResponse.error(403, "key_material_request_signature does not verify")
        }
        guard let targetDomain = SimIdentifiers.domain(of: target.uri) else {
            return ProviderResponse.ok(KeyMaterialResponse(userStatus: .userUnknown, userURI: target))
        }
        if targetDomain == domain {
            // Direct from the requester's provider, or proxied by the hub of the room named in the request.
            let requesterDomain = SimIdentifiers.domain(of: request.requestingUser.uri)
            guard requesterDomain == from || SimIdentifiers.domain(of: request.roomID.uri) == from else {
                return ProviderResponse.error(403, "requestingUser is not a user of \(from), and \(from) is not the room's hub")
            }
            return ProviderResponse.ok(claimKeyMaterial(request))
        }
        // Proxy as the hub of the room (§"Fetch Key Material": KeyPackages are fetched via the room's hub).
        guard rooms[request.roomID.uri] != nil else {
            return ProviderResponse.error(404, "\(domain) neither hosts \(target.uri) nor the room \(request.roomID.uri)")
        }
        do {
            let response = try await fetchKeyMaterial(request, from: targetDomain)
            return ProviderResponse.ok(response)
        } catch {
            return ProviderResponse.error(502, "proxying keyMaterial to \(targetDomain) failed: \(error)")
        }
    }

    /// Sends a KeyMaterialRequest to the target's provider; as hub, records KeyPackageRef → provider in the room.
    func fetchKeyMaterial(_ request: KeyMaterialRequest, from targetDomain: String) async throws -> KeyMaterialResponse {
        let url = try directory(of: targetDomain).url(.keyMaterial, user: request.targetUser, layout: configuration.layout)
        let http = try await post(to: targetDomain, url: url, body: request.tlsEncoded)
        guard http.status == 200 else { throw SimError.unexpectedResponse("keyMaterial from \(targetDomain): HTTP \(http.status)") }
        let response = try KeyMaterialResponse(tlsDecoding: http.body)
        if var room = rooms[request.roomID.uri] {
            for kp in response.keyPackages {
                if let s = try? CipherSuite(kp.cipherSuite) { room.keyPackageRoutes[s.makeKeyPackageRef(kp.tlsEncoded)] = targetDomain }
            }
            rooms[request.roomID.uri] = room
        }
        return response
    }

    /// Answers for one of this provider's users from the KeyPackage store.
    func claimKeyMaterial(_ request: KeyMaterialRequest) -> KeyMaterialResponse {
        let target = request.targetUser
        guard let user = users[target.uri], keyPackages.knows(user: target.uri) else {
            return KeyMaterialResponse(userStatus: .userUnknown, userURI: target)
        }
        if consentRevoked.contains([request.requestingUser.uri, target.uri]) {
            return KeyMaterialResponse(userStatus: .noConsent, userURI: target)
        }
        if user.requiresConsent {
            let granted = consentGrants.keys.contains { scope in
                scope.requesterURI == request.requestingUser && scope.targetURI == target
                    && (scope.roomID == nil || scope.roomID == request.roomID)
            }
            if !granted {
                let anyRoom = consentGrants.keys.contains { $0.requesterURI == request.requestingUser && $0.targetURI == target }
                return KeyMaterialResponse(userStatus: anyRoom ? .noConsentForThisRoom : .noConsent, userURI: target)
            }
        }
        let outcomes = keyPackages.claim(user: target.uri, acceptableSuites: request.acceptableCiphersuites,
                                         required: request.requiredCapabilities, nowSeconds: clock.nowSeconds)
        var clientsOut: [ClientKeyMaterial] = []
        var successes = 0
        for outcome in outcomes {
            switch outcome {
            case .success(let entry):
                successes += 1
                clientsOut.append(ClientKeyMaterial(clientURI: IdentifierUri(entry.client), status: .success(entry.keyPackage)))
            case .keyMaterialExhausted(let client):
                clientsOut.append(ClientKeyMaterial(clientURI: IdentifierUri(client), status: .keyMaterialExhausted))
            case .nothingCompatible(let client):
                clientsOut.append(ClientKeyMaterial(clientURI: IdentifierUri(client), status: .nothingCompatible(clientCapabilities: nil)))
            }
        }
        let code: KeyMaterialUserCode = successes == 0 ? .noCompatibleMaterial
            : (successes == outcomes.count ? .success : .partialSuccess)
        return KeyMaterialResponse(userStatus: code, userURI: target, clients: clientsOut)
    }
}
