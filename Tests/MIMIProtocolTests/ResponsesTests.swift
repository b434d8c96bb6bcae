import Testing
import TLSCodec
@testable import MIMIProtocol

@Suite("Responses, franking, identifier query and abuse report")
struct ResponsesTests {
    let frank = Frank(serverFrank: [UInt8](repeating: 0xf1, count: 32), frankingSignatureCiphersuite: 2,
                      frankingIntegritySignature: [UInt8](repeating: 0x5a, count: 70))

    @Test("UpdateRoomResponse: every response code round-trips; the wrongEpoch body carries the epoch")
    func updateRoomResponse() throws {
        checkCodec(UpdateRoomResponse(.success(acceptedTimestamp: 1_644_387_225_019)))
        checkCodec(UpdateRoomResponse(.wrongEpoch(currentEpoch: 7), errorDescription: "hub is at epoch 7"))
        checkCodec(UpdateRoomResponse(.notAllowed, errorDescription: "canAddParticipant missing"))
        checkCodec(UpdateRoomResponse(.invalidProposal(invalidProposals: [[1, 2, 3], [UInt8](repeating: 9, count: 32)])))
        let wrong = UpdateRoomResponse(.wrongEpoch(currentEpoch: 0x0102030405060708))
        #expect(wrong.tlsEncoded == [1, 0, 1, 2, 3, 4, 5, 6, 7, 8])
        for bad: UInt8 in [4, 255] { expectRejected(UpdateRoomResponse.self, replacing(wrong.tlsEncoded, at: 0, with: bad), field: "responseCode") }
        expectRejected(UpdateRoomResponse.self, [2, 1, 0xff], field: "errorDescription")
    }

    @Test("SubmitMessageResponse: accepted with and without frank, notAllowed, epochTooOld")
    func submitMessageResponse() {
        checkCodec(SubmitMessageResponse(.accepted(acceptedTimestamp: 5, frank: frank)))
        checkCodec(SubmitMessageResponse(.accepted(acceptedTimestamp: 5, frank: nil)))
        checkCodec(SubmitMessageResponse(.notAllowed))
        checkCodec(SubmitMessageResponse(.epochTooOld(currentEpoch: 3)))
        #expect(SubmitMessageResponse(.notAllowed).tlsEncoded == [1, 1])
        expectRejected(SubmitMessageResponse.self, [1, 3], field: "statusCode")
        expectRejected(SubmitMessageResponse.self, [0, 1], field: "protocol")
        expectRejected(SubmitMessageResponse.self, [1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 2], code: .invalidOptionalPresence, field: "frank")
    }

    @Test("Franking structures round-trip with their fixed 32-byte fields")
    func franking() {
        checkCodec(frank)
        #expect(frank.tlsEncoded.count == 32 + 2 + 2 + 70)  // a 70-byte signature has a 2-byte length
        checkCodec(FrankAAD(frankingTag: [UInt8](repeating: 3, count: 32)))
        let context = ServerFrankingContext(senderURI: "mimi://c.example/u/cathy", roomURI: "mimi://a.example/r/clubhouse",
                                            acceptedTimestamp: 99)
        checkCodec(context)
        checkCodec(FrankingIntegrityTBS(serverFrank: frank.serverFrank, frankingSignatureCiphersuite: 2, context: context))
    }

    @Test("Identifier query structures round-trip; claim and property names appear only for their types")
    func identifierQuery() {
        let elements = [
            QueryElement(searchType: .handle, searchValue: "im:alice.smith@a.example"),
            QueryElement(searchType: .oidcStdClaim, fieldName: Array("email".utf8), searchValue: "alice@a.example"),
            QueryElement(searchType: .vcardField, fieldName: Array("TEL".utf8), searchValue: "+15551234567"),
            QueryElement(searchType: .partialName, searchValue: "Smith"),
        ]
        for e in elements { checkCodec(e) }
        let request = IdentifierRequest(queryElements: elements)
        checkCodec(request)
        #expect(QueryElement(searchType: .nick, searchValue: "a").tlsEncoded == [2, 1, 0x61])
        let response = IdentifierResponse(responseCode: .success, uris: ["mimi://a.example/u/alice"], foundProfiles: [
            UserProfile(stableURI: "mimi://a.example/u/alice", fields: [
                ProfileField(fieldSource: .oidcStdClaim, fieldName: "name", fieldValue: Array("Alice Smith".utf8))])])
        checkCodec(response)
        checkCodec(IdentifierResponse(responseCode: .notFound))
        for bad: UInt8 in [0, 9] { expectRejected(QueryElement.self, replacing(elements[0].tlsEncoded, at: 0, with: bad), field: "searchType") }
        expectRejected(IdentifierResponse.self, replacing(response.tlsEncoded, at: 0, with: 5), field: "responseCode")
        expectRejected(ProfileField.self, [0, 0, 0], field: "fieldSource")
    }

    @Test("AbuseReport and AbusiveMessage round-trip; any reason octet is kept")
    func abuseReport() {
        let message = AbusiveMessage(messageContent: [0x87, 0x50], frank: frank, acceptedTimestamp: 12)
        checkCodec(message)
        let report = AbuseReport(reportingUser: "mimi://b.example/u/bob", allegedAbuserURI: "mimi://c.example/u/cathy",
                                 reasonCode: 0, note: Array("spam".utf8), messages: [message, message])
        checkCodec(report)
        checkCodec(AbuseReport(reportingUser: "u", allegedAbuserURI: "v", reasonCode: 200, messages: []))
    }
}
