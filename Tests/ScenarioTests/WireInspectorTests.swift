import MIMIProtocol
import Results
import Testing
import TLSCodec
@testable import Transport
@testable import Scenario

@Suite struct WireInspectorTests {
    func exchange(_ n: Int, from: String, to: String, target: String, body: [UInt8], response: HTTPResponse?) -> Exchange {
        Exchange(sequence: n, from: from, to: to, method: "POST", target: target, requestHeaders: [], requestBody: body,
                 outcome: response.map { .response($0) } ?? .pending)
    }

    var consent: [UInt8] {
        ConsentEntry(operation: .request, scope: ConsentScope(requesterURI: "mimi://a.example/u/alice",
                                                              targetURI: "mimi://b.example/u/bob")).tlsEncoded
    }

    @Test func endpointsAreRecognisedFromThePath() {
        #expect(WireInspector.endpoint(ofTarget: "/notify/a.example/r/clubhouse") == .notify)
        #expect(WireInspector.endpoint(ofTarget: "/keyMaterial/mimi%3A%2F%2Fb.example%2Fu%2Fbob?x=1") == .keyMaterial)
        #expect(WireInspector.endpoint(ofTarget: "/.well-known/mimi-protocol-directory") == nil)
    }

    @Test func validExchangesBecomeATranscriptWithoutViolations() {
        let query = IdentifierRequest(queryElements: [QueryElement(searchType: .handle, searchValue: "im:bob@b.example")]).tlsEncoded
        let answer = IdentifierResponse(responseCode: .success, uris: ["mimi://b.example/u/bob"]).tlsEncoded
        let i = WireInspector().inspect([
            exchange(1, from: "a.example", to: "b.example", target: "/requestConsent/x", body: consent, response: .status(201)),
            exchange(2, from: "a.example", to: "b.example", target: "/identifierQuery/b.example", body: query,
                     response: HTTPResponse(status: 200, body: answer)),
        ])
        #expect(i.violations.isEmpty)
        #expect(i.transcript.count == 4)
        #expect(i.transcript.map(\.index) == [0, 1, 2, 3])
        #expect(i.transcript[0].from == "a.example" && i.transcript[0].to == "b.example")
        #expect(i.transcript[1].from == "b.example" && i.transcript[1].status == 201)
        #expect(i.transcript[2].bodyHex == query.hex)
        #expect(i.transcript[3].decoded?.contains("b.example/u/bob") == true)
    }

    @Test func aBadRequestIsBlamedOnTheRequester() {
        let i = WireInspector().inspect([
            exchange(1, from: "b.example", to: "a.example", target: "/requestConsent/x", body: consent + [0], response: .status(201)),
        ])
        let v = i.violations.first
        #expect(v?.sender == "b.example")
        #expect(v?.transcriptIndex == 0)
        #expect(v?.message.contains("not a valid ConsentEntry") == true)
        #expect(v?.requirement == CheckRequirements.wireValid)
    }

    @Test func aBadResponseIsBlamedOnTheResponder() {
        let i = WireInspector().inspect([
            exchange(1, from: "a.example", to: "b.example", target: "/identifierQuery/b.example",
                     body: IdentifierRequest(queryElements: []).tlsEncoded, response: HTTPResponse(status: 200, body: [9])),
            exchange(2, from: "a.example", to: "b.example", target: "/notify/a.example/r/x", body: [], response: .status(200)),
        ])
        #expect(i.violations.map(\.sender) == ["b.example", "a.example", "b.example"])
        #expect(i.violations[0].transcriptIndex == 1)
        #expect(i.violations[1].message.contains("FanoutMessage"))
        #expect(i.violations[2].message.contains("expected HTTP 201"))
        #expect(i.violations[2].requirement == CheckRequirements.httpStatus)
    }

    @Test func forgedRequestsAreNotBlamedButTheirAnswersAre() {
        let i = WireInspector().inspect([
            exchange(7, from: "b.example", to: "a.example", target: "/update/a.example/r/x", body: [0xff, 0xff],
                     response: HTTPResponse(status: 200, body: [0xee])),
        ], forged: [7])
        #expect(i.violations.count == 1)
        #expect(i.violations.first?.sender == "a.example")
    }
}
