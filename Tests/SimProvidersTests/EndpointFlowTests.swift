import MIMIContent
import MIMIProtocol
import SimProviders
import Testing
import TLSCodec
import Transport

/// The draft's other endpoints end to end (draft-ietf-mimi-protocol-06 §"Consent", §"Identifier Query",
/// §"Reporting Abuse", §"Fanout"), over both transports.
@Suite("Endpoint flows")
struct EndpointFlowTests {
    @Test("consent: without it keyMaterial says noConsent; request, grant, then the add succeeds; cancel and revoke",
          arguments: transportsAndSuites)
    func consent(_ kind: TransportKind, _ suite: UInt16) async throws {
        let w = try await ThreeProviders.start(kind, suite: suite)
        defer { Task { await w.network.shutdown() } }
        await w.c.addUser(SimUser(uri: ThreeProviders.cathy, handle: "im:cathy@c.example", displayName: "Cathy",
                                  requiresConsent: true, grantsConsent: true))
        try await w.roomWithTwo()
        let refused = try await w.b.addUser(ThreeProviders.cathy, role: RoomPolicies.regular, to: ThreeProviders.room, by: ThreeProviders.bob1)
        #expect(refused.code == "keyMaterial:noConsent")
        #expect(await w.c.availableKeyPackages(client: ThreeProviders.cathy1, user: ThreeProviders.cathy) == 2,
                "a refused request hands out no KeyPackage")

        let status = try await w.b.sendConsent(.request, requester: ThreeProviders.bob, target: ThreeProviders.cathy,
                                               room: ThreeProviders.room)
        #expect(status == 201)
        await w.network.settle()
        #expect(await w.c.receivedConsentRequests.count == 1)
        #expect(await w.b.grantedConsents.map(\.targetURI.uri) == [ThreeProviders.cathy])
        let added = try await w.b.addUser(ThreeProviders.cathy, role: RoomPolicies.regular, to: ThreeProviders.room, by: ThreeProviders.bob1)
        #expect(added.code == "success", "\(added.detail)")
        await w.network.settle()
        #expect(await w.network.observe(room: ThreeProviders.room).disagreements.isEmpty)

        // A cancel that matches nothing still gets 201; an unknown user gets 404.
        #expect(try await w.b.sendConsent(.cancel, requester: ThreeProviders.bob, target: ThreeProviders.cathy, room: nil) == 201)
        #expect(try await w.b.sendConsent(.request, requester: ThreeProviders.bob, target: "mimi://c.example/u/nobody", room: nil) == 404)
    }

    @Test("identifier query: handle, nick, partial name, not found, unsupported field", arguments: [TransportKind.inprocess, .http])
    func identifierQuery(_ kind: TransportKind) async throws {
        let w = try await ThreeProviders.start(kind, suite: 1)
        defer { Task { await w.network.shutdown() } }
        await w.c.addUser(SimUser(uri: ThreeProviders.cathy, handle: "im:cathy.washington@c.example", displayName: "Cathy Washington",
                                  email: "cathy@c.example", phone: "+15551234567"))
        func query(_ e: [QueryElement]) async throws -> IdentifierResponse? { try await w.a.queryIdentifier(e, at: "c.example").response }
        let byHandle = try await query([QueryElement(searchType: .handle, searchValue: "im:cathy.washington@c.example")])
        #expect(byHandle?.responseCode == .success)
        #expect(byHandle?.uris == [IdentifierUri(ThreeProviders.cathy)])
        #expect(try await query([QueryElement(searchType: .partialName, searchValue: "washing")])?.uris == [IdentifierUri(ThreeProviders.cathy)])
        #expect(try await query([QueryElement(searchType: .nick, searchValue: "cathy"),
                                 QueryElement(searchType: .phone, searchValue: "+15551234567")])?.responseCode == .success)
        #expect(try await query([QueryElement(searchType: .nick, searchValue: "cathy"),
                                 QueryElement(searchType: .phone, searchValue: "+15550000000")])?.responseCode == .notFound,
                "every element must match")
        #expect(try await query([QueryElement(searchType: .vcardField, fieldName: Array("TEL".utf8), searchValue: "+1")])?.responseCode
                == .unsupportedField)
    }

    @Test("franking: the hub franks, the frank verifies in an abuse report, a tampered report is refused", arguments: transportsAndSuites)
    func abuseReport(_ kind: TransportKind, _ suite: UInt16) async throws {
        let w = try await ThreeProviders.start(kind, suite: suite)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithThree()
        let sent = try await w.c.send(ThreeProviders.text("rude words", from: ThreeProviders.cathy), room: ThreeProviders.room,
                                      by: ThreeProviders.cathy1, frank: true)
        #expect(sent.frank != nil)
        await w.network.settle()
        let id = try #require(sent.messageID)
        let status = try await w.b.reportAbuse(room: ThreeProviders.room, reporter: ThreeProviders.bob1, abuser: ThreeProviders.cathy,
                                               messageIDs: [id], note: "spam")
        #expect(status == 201)
        #expect(await w.a.acceptedAbuseReports.count == 1)

        // The same frank with altered content, timestamp or sender does not verify.
        let received = try #require(await w.b.client(ThreeProviders.bob1)?.rooms[ThreeProviders.room]?.received.first)
        let frank = try #require(received.frank)
        let altered = ContentEncoder.encode(ThreeProviders.text("nice words", from: ThreeProviders.cathy))
        for message in [AbusiveMessage(messageContent: altered, frank: frank, acceptedTimestamp: received.timestamp),
                        AbusiveMessage(messageContent: received.content, frank: frank, acceptedTimestamp: received.timestamp + 1)] {
            let report = AbuseReport(reportingUser: IdentifierUri(ThreeProviders.bob), allegedAbuserURI: IdentifierUri(ThreeProviders.cathy),
                                     messages: [message])
            #expect(try await w.b.postReport(report, room: ThreeProviders.room) == 403)
        }
        #expect(await w.a.acceptedAbuseReports.count == 1)
        // Without a frank_aad item the hub adds no frank.
        let plain = try await w.c.send(ThreeProviders.text("hello", from: ThreeProviders.cathy, salt: 2), room: ThreeProviders.room,
                                       by: ThreeProviders.cathy1, frank: false)
        #expect(plain.code == "success")
        #expect(plain.frank == nil)
    }

    @Test("a byte-identical duplicate /notify gets 201 and is processed once", arguments: [TransportKind.inprocess, .http])
    func duplicateNotify(_ kind: TransportKind) async throws {
        let w = try await ThreeProviders.start(kind, suite: 1)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithThree()
        _ = try await w.a.send(ThreeProviders.text("once", from: ThreeProviders.alice), room: ThreeProviders.room, by: ThreeProviders.alice1,
                               frank: false)
        await w.network.settle()
        let notify = try #require(w.network.exchanges().last { $0.to == "b.example" && $0.target.hasPrefix("/notify/") })
        #expect(notify.status == 201)
        let countBefore = await w.b.client(ThreeProviders.bob1)?.rooms[ThreeProviders.room]?.received.count
        #expect(countBefore == 1)
        let replay = try await w.network.seam.transport(for: "a.example").send(HTTPRequest(
            method: "POST", authority: "b.example", target: notify.target,
            headers: [HTTPHeaderField("From", "mimi@a.example")], body: notify.requestBody))
        #expect(replay.status == 201)
        let countAfter = await w.b.client(ThreeProviders.bob1)?.rooms[ThreeProviders.room]?.received.count
        #expect(countAfter == 1)
        #expect(await w.b.client(ThreeProviders.bob1)?.errors.isEmpty == true)
    }
}
