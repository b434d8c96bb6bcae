import Testing
import MLS
import TLSCodec
@testable import MIMIProtocol

@Suite("Update, submit and fanout bodies with real MLS messages")
struct HandshakeTests {
    let f: MLSFixtures
    init() throws { f = try MLSFixtures.load() }

    @Test("RatchetTreeOption: every representation round-trips; unknown representations are rejected")
    func ratchetTreeOption() {
        checkCodec(RatchetTreeOption.full(ratchetTree: f.ratchetTree))
        checkCodec(RatchetTreeOption.httpsUri(ratchetTreeURL: Array("https://a.example/t/1".utf8), treeSignature: [1, 2]))
        checkCodec(RatchetTreeOption.outOfBand(treeSignature: [3]))
        checkCodec(RatchetTreeOption.distributionService)
        for bad: UInt8 in [0, 5, 255] { expectRejected(RatchetTreeOption.self, [bad], field: "representation") }
    }

    @Test("PartialGroupInfo and GroupInfoOption round-trip; bad enums are rejected")
    func groupInfoOption() throws {
        let partial = PartialGroupInfo(ratchetTreePresence: .removed,
                                       groupInfoExtensions: [Extension(extensionType: ExtensionType(0xff00), extensionData: [1])],
                                       signature: [9, 9])
        checkCodec(partial)
        checkCodec(GroupInfoOption.partial(partial))
        checkCodec(GroupInfoOption.full(try f.groupInfoBody))
        expectRejected(PartialGroupInfo.self, replacing(partial.tlsEncoded, at: 0, with: 4), field: "ratchet_tree_presence")
        expectRejected(GroupInfoOption.self, replacing(GroupInfoOption.partial(partial).tlsEncoded, at: 0, with: 0), field: "representation")
    }

    @Test("HandshakeBundle for a commit (with and without Welcome) and for proposals round-trips")
    func handshakeBundle() throws {
        let tree = RatchetTreeOption.full(ratchetTree: f.ratchetTree)
        checkCodec(HandshakeBundle(proposalOrCommit: f.commit, attachments: .commit(
            welcome: try f.welcomeBody, groupInfoOption: .full(try f.groupInfoBody), ratchetTreeOption: tree)))
        checkCodec(UpdateRequest(bundle: HandshakeBundle(proposalOrCommit: f.commit, attachments: .commit(
            welcome: nil, groupInfoOption: .full(try f.groupInfoBody), ratchetTreeOption: .distributionService))))
        checkCodec(HandshakeBundle(proposalOrCommit: f.proposal, attachments: .proposal(moreProposals: [f.proposal, f.proposal])))
        checkCodec(HandshakeBundle(proposalOrCommit: f.proposal, attachments: .proposal(moreProposals: [])))
    }

    @Test("HandshakeBundle rejects a PrivateMessage, an application PublicMessage and a non-proposal in moreProposals")
    func handshakeRejects() {
        var w = TLSWriter()
        w.write(f.application)
        w.writeList([MLSMessage]())
        expectRejected(HandshakeBundle.self, w.bytes, field: "proposalOrCommit")
        var a = TLSWriter()
        a.write(f.publicApplication)
        a.writeList([MLSMessage]())
        expectRejected(HandshakeBundle.self, a.bytes, field: "content_type")
        var m = TLSWriter()
        m.write(f.proposal)
        m.writeList([f.commit])
        expectRejected(HandshakeBundle.self, m.bytes, field: "moreProposals[0]")
    }

    @Test("SubmitMessageRequest round-trips and accepts only a PrivateMessage")
    func submitRequest() {
        let request = SubmitMessageRequest(appMessage: f.application, sendingURI: "mimi://c.example/u/cathy")
        checkCodec(request)
        expectRejected(SubmitMessageRequest.self, replacing(request.tlsEncoded, at: 0, with: 2), field: "protocol")
        var w = TLSWriter()
        w.write(ProtocolKind.mls10)
        w.write(f.proposal)
        w.write(IdentifierUri("mimi://c.example/u/cathy"))
        expectRejected(SubmitMessageRequest.self, w.bytes, field: "appMessage")
    }

    @Test("FanoutMessage of each kind round-trips; a body of several decodes to all of them")
    func fanout() throws {
        let frank = Frank(serverFrank: [UInt8](repeating: 1, count: 32), frankingSignatureCiphersuite: 1, frankingIntegritySignature: [2])
        let messages = [
            FanoutMessage(timestamp: 1_644_387_225_019, message: f.application, attachments: .application(frank: frank)),
            FanoutMessage(timestamp: 2, message: f.application, attachments: .application(frank: nil)),
            FanoutMessage(timestamp: 3, message: f.welcome, attachments: .welcome(ratchetTreeOption: .full(ratchetTree: f.ratchetTree))),
            FanoutMessage(timestamp: 4, message: f.proposal, attachments: .proposal(moreProposals: [f.proposal])),
            FanoutMessage(timestamp: 5, message: f.commit, attachments: .commit(externalProposals: [])),
        ]
        for m in messages { checkCodec(m) }
        let body = FanoutMessage.encodeAll(messages)
        #expect(try FanoutMessage.decodeAll(body) == messages)
        #expect(throws: TLSCodecError.self) { try FanoutMessage.decodeAll([]) }
        #expect(throws: TLSCodecError.self) { try FanoutMessage.decodeAll(body + [0]) }
        var g = TLSWriter()
        g.writeUInt64(1)
        g.write(f.groupInfo)
        expectRejected(FanoutMessage.self, g.bytes, field: "message")
    }
}
