import Testing
import MLS
import TLSCodec
@testable import MIMIProtocol

@Suite("Decoding exchange bodies by endpoint for transcripts")
struct MIMIBodyTests {
    let f: MLSFixtures
    init() throws { f = try MLSFixtures.load() }

    @Test("each endpoint's request and response decode to their structure")
    func decodes() throws {
        let submit = SubmitMessageRequest(appMessage: f.application, sendingURI: "mimi://c.example/u/cathy")
        #expect(try MIMIBody.decode(submit.tlsEncoded, endpoint: .submitMessage, response: false) == .submitMessageRequest(submit))
        let wrong = UpdateRoomResponse(.wrongEpoch(currentEpoch: 4))
        let body = try MIMIBody.decode(wrong.tlsEncoded, endpoint: .update, response: true)
        #expect(body == .updateRoomResponse(wrong))
        #expect(body.summary == "UpdateRoomResponse wrongEpoch currentEpoch=4 ")
        let fanout = [FanoutMessage(timestamp: 9, message: f.commit, attachments: .commit(externalProposals: []))]
        let decoded = try MIMIBody.decode(FanoutMessage.encodeAll(fanout), endpoint: .notify, response: false)
        #expect(decoded == .fanout(fanout))
        #expect(decoded.summary.hasPrefix("FanoutMessage×1 [t=9 PublicMessage(commit"))
        #expect(try MIMIBody.decode([], endpoint: .notify, response: true) == .empty)
        #expect(try MIMIBody.decode([1, 2], endpoint: .proxyDownload, response: true) == .opaque([1, 2]))
    }

    @Test("bodies the draft defines as empty must be empty; malformed bodies throw codec errors")
    func rejects() {
        #expect(throws: TLSCodecError.self) { try MIMIBody.decode([0], endpoint: .notify, response: true) }
        #expect(throws: TLSCodecError.self) { try MIMIBody.decode([0, 1], endpoint: .update, response: true) }
        #expect(throws: TLSCodecError.self) { try MIMIBody.decode([], endpoint: .keyMaterial, response: false) }
    }
}
