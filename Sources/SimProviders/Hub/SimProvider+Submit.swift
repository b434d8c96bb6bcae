import MIMIContent
import MIMIProtocol
import MLS
import MLSCrypto
import TLSCodec
import Transport

extension SimProvider {
    /// POST /submitMessage/{roomId} (draft-ietf-mimi-protocol-06 §"Submit a Message"): the hub checks the sender is
    /// an active participant allowed to send and the epoch is current, franks the message when its AAD asks for
    /// it, and fans it out.
    func hubSubmit(room: IdentifierUri, body: [UInt8], from: String) -> HTTPResponse {
        let request: SubmitMessageRequest
        do {
            request = try SubmitMessageRequest(tlsDecoding: body)
        } catch {
            refuse("submitMessage from \(from): \(error)")
            return ProviderResponse.error(400, "malformed SubmitMessageRequest: \(error)")
        }
        guard var hubRoom = rooms[room.uri] else {
            refuse("submitMessage for unknown room \(room.uri)")
            return ProviderResponse.error(404, "no room \(room.uri) at hub \(domain)")
        }
        let response = checkSubmit(request, room: &hubRoom, from: from)
        if case .accepted = response.status { rooms[room.uri] = hubRoom } else { refuse("submitMessage \(room.uri): \(response.status)") }
        return ProviderResponse.ok(response)
    }

    func checkSubmit(_ request: SubmitMessageRequest, room: inout HubRoom, from: String) -> SubmitMessageResponse {
        let key = request.appMessage.tlsEncoded
        if let earlier = room.submitted[key], SimIdentifiers.domain(of: request.sendingURI.uri) == from { return earlier }
        guard case .privateMessage(let message) = request.appMessage.body, message.contentType == .application,
              message.groupID == room.group.groupID else {
            return SubmitMessageResponse(.notAllowed)
        }
        let current = room.group.epoch
        if message.epoch > current { return SubmitMessageResponse(.notAllowed) }
        if message.epoch + configuration.epochTolerance < current { return SubmitMessageResponse(.epochTooOld(currentEpoch: current)) }
        let sender = request.sendingURI.uri
        guard SimIdentifiers.domain(of: sender) == from, room.activeUsers.contains(sender) else {
            return SubmitMessageResponse(.notAllowed)
        }
        let role = room.state.policy.roles.role(room.state.role(of: sender))
        guard let role, role.has(Capability.canSendMessage) else { return SubmitMessageResponse(.notAllowed) }
        let now = clock.nowMilliseconds()
        var frank: Frank?
        if configuration.franking, let tag = SimProvider.frankingTag(inAAD: message.authenticatedData),
           let suite = try? CipherSuite(room.group.groupContext.cipherSuite) {
            frank = try? makeFrank(tag: tag, sender: request.sendingURI, room: room.roomID, timestamp: now, suite: suite)
        }
        room.acceptedMessages += 1
        let fm = FanoutMessage(timestamp: now, message: request.appMessage, attachments: .application(frank: frank))
        fanOut(room: room.roomID.uri, [fm], to: room.memberDomains)
        let response = SubmitMessageResponse(.accepted(acceptedTimestamp: now, frank: frank))
        room.submitted[key] = response
        return response
    }

    /// The franking_tag of a frank_aad SafeAAD item (§"Franking"), when the authenticated data is a SafeAAD with one.
    static func frankingTag(inAAD aad: [UInt8]) -> [UInt8]? {
        guard !aad.isEmpty, let safe = try? SafeAAD(tlsDecoding: aad),
              let item = safe.aadItems.first(where: { $0.componentID == ComponentID.frankAAD }),
              let frankAAD = try? FrankAAD(tlsDecoding: item.aadItemData) else { return nil }
        return frankAAD.frankingTag
    }

    /// server_frank = HMAC-SHA256(hub_key, franking_tag ‖ ServerFrankingContext), signed in FrankingIntegrityTBS
    /// with the hub's franking key (§"Franking").
    func makeFrank(tag: [UInt8], sender: IdentifierUri, room: IdentifierUri, timestamp: UInt64, suite: CipherSuite) throws -> Frank {
        let context = ServerFrankingContext(senderURI: sender, roomURI: room, acceptedTimestamp: timestamp)
        let serverFrank = HashAlgorithm.sha256.hmac(key: frankingKey, data: tag + context.tlsEncoded)
        let tbs = FrankingIntegrityTBS(serverFrank: serverFrank, frankingSignatureCiphersuite: suite.id, context: context)
        let signature = try suite.signWithLabel(privateKey: try hubKey(for: suite).privateKey,
                                                label: FrankingIntegrityTBS.signatureLabel, content: tbs.tlsEncoded)
        return Frank(serverFrank: serverFrank, frankingSignatureCiphersuite: suite.id, frankingIntegritySignature: signature)
    }

    /// POST /reportAbuse/{roomId} (§"Reporting Abuse"): every reported message must carry a frank this hub made:
    /// the hub recomputes franking_tag from the reported content's salt, server_frank from the sender and room URIs
    /// in the content, and verifies its own signature. 201 when accepted, 403 when a frank does not verify.
    func hubReportAbuse(room: IdentifierUri, body: [UInt8], from: String) -> HTTPResponse {
        let report: AbuseReport
        do {
            report = try AbuseReport(tlsDecoding: body)
        } catch {
            refuse("reportAbuse from \(from): \(error)")
            return ProviderResponse.error(400, "malformed AbuseReport: \(error)")
        }
        guard let hubRoom = rooms[room.uri] else { return ProviderResponse.error(404, "no room \(room.uri) at hub \(domain)") }
        guard SimIdentifiers.domain(of: report.reportingUser.uri) == from else {
            return ProviderResponse.error(403, "the reporting user is not a user of \(from)")
        }
        guard !report.messages.isEmpty else { return ProviderResponse.error(400, "the report holds no message") }
        for (i, m) in report.messages.enumerated() {
            if let problem = verifyFrank(m, room: hubRoom) {
                refuse("reportAbuse message \(i): \(problem)")
                return ProviderResponse.error(403, "message \(i): \(problem)")
            }
        }
        abuseReports.append(report)
        return ProviderResponse.created
    }

    /// Why a reported message's frank does not verify, or nil when it does.
    func verifyFrank(_ m: AbusiveMessage, room: HubRoom) -> String? {
        guard let suite = try? CipherSuite(m.frank.frankingSignatureCiphersuite),
              m.frank.frankingSignatureCiphersuite == room.group.groupContext.cipherSuite else {
            return "franking_signature_ciphersuite is not the room's"
        }
        let content: MimiContent
        do { content = try ContentDecoder.decode(m.messageContent) } catch { return "message_content is not MIMI content: \(error)" }
        guard let senderURI = content.extensions.senderUri, let roomURI = content.extensions.roomUri else {
            return "the content lacks senderUri or roomUri"
        }
        guard roomURI == room.roomID.uri else { return "the content's roomUri is not this room" }
        let tag = HashAlgorithm.sha256.hmac(key: content.salt, data: m.messageContent)
        let context = ServerFrankingContext(senderURI: IdentifierUri(senderURI), roomURI: IdentifierUri(roomURI),
                                            acceptedTimestamp: m.acceptedTimestamp)
        let expected = HashAlgorithm.sha256.hmac(key: frankingKey, data: tag + context.tlsEncoded)
        guard expected == m.frank.serverFrank else { return "server_frank does not match the content, sender, room and timestamp" }
        let tbs = FrankingIntegrityTBS(serverFrank: m.frank.serverFrank, frankingSignatureCiphersuite: suite.id, context: context)
        let ok = (try? hubKey(for: suite)).flatMap { key in
            try? suite.verifyWithLabel(publicKey: key.publicKey, label: FrankingIntegrityTBS.signatureLabel,
                                       content: tbs.tlsEncoded, signature: m.frank.frankingIntegritySignature)
        } ?? false
        return ok ? nil : "franking_integrity_signature does not verify"
    }
}

extension SimProvider {
    /// Sends an abuse report about messages `reporter` (a client of this provider) received in `room` to the room's
    /// hub (§"Reporting Abuse"). Returns the HTTP status (201 accepted), or nil when the hub is this provider and
    /// the report was handled internally with that status.
    public func reportAbuse(room: String, reporter: String, abuser: String, messageIDs: [[UInt8]], note: String = "") async throws -> Int {
        guard let client = clients[reporter], let state = client.rooms[room] else { throw SimError.unknownClient(reporter) }
        var messages: [AbusiveMessage] = []
        for id in messageIDs {
            guard let m = state.received.first(where: { $0.messageID == id }), let frank = m.frank else {
                throw SimError.rejected("no franked message with that ID was received by \(reporter)")
            }
            messages.append(AbusiveMessage(messageContent: m.content, frank: frank, acceptedTimestamp: m.timestamp))
        }
        let report = AbuseReport(reportingUser: IdentifierUri(client.user), allegedAbuserURI: IdentifierUri(abuser),
                                 note: Array(note.utf8), messages: messages)
        return try await postReport(report, room: room)
    }

    /// Sends a (possibly hand-made) AbuseReport to the room's hub and returns the status.
    public func postReport(_ report: AbuseReport, room: String) async throws -> Int {
        let hub = SimIdentifiers.domain(of: room) ?? ""
        if hub == domain { return hubReportAbuse(room: IdentifierUri(room), body: report.tlsEncoded, from: domain).status }
        let url = try directory(of: hub).url(.reportAbuse, room: IdentifierUri(room), layout: configuration.layout)
        return try await post(to: hub, url: url, body: report.tlsEncoded).status
    }
}
