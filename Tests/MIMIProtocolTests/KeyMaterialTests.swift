import Testing
import MLS
import TLSCodec
@testable import MIMIProtocol

@Suite("keyMaterial, groupInfo and consent bodies")
struct KeyMaterialTests {
    let f: MLSFixtures
    init() throws { f = try MLSFixtures.load() }

    var request: KeyMaterialRequest {
        KeyMaterialRequest(requestingUser: "mimi://a.example/u/alice", targetUser: "mimi://b.example/u/bob",
                           roomID: "mimi://a.example/r/clubhouse", acceptableCiphersuites: [1, 2],
                           requiredCapabilities: RequiredCapabilities(extensionTypes: [ExtensionType(0x0006)],
                                                                      proposalTypes: [ProposalType(0x0008)], credentialTypes: [.basic]),
                           requesterSignatureKey: [UInt8](repeating: 0xaa, count: 32),
                           requesterCredential: .basic(identity: Array("mimi://a.example/d/alice/1".utf8)),
                           signature: [UInt8](repeating: 0x55, count: 64))
    }

    @Test("KeyMaterialRequest round-trips; its TBS is the body without the signature; empty suites and a bad protocol are rejected")
    func keyMaterialRequest() {
        let r = request
        checkCodec(r)
        var sig = TLSWriter()
        sig.writeOpaque(r.signature)
        #expect(r.tbs + sig.bytes == r.tlsEncoded)
        var empty = r
        empty.acceptableCiphersuites = []
        expectRejected(KeyMaterialRequest.self, empty.tlsEncoded, field: "acceptableCiphersuites")
        expectRejected(KeyMaterialRequest.self, replacing(r.tlsEncoded, at: 0, with: 0), field: "protocol")
    }

    @Test("KeyMaterialResponse and ClientKeyMaterial round-trip in every client status")
    func keyMaterialResponse() throws {
        let kp = try f.keyPackageBody
        let clients = [
            ClientKeyMaterial(clientURI: "mimi://b.example/d/bob/1", status: .success(kp)),
            ClientKeyMaterial(clientURI: "mimi://b.example/d/bob/2", status: .keyMaterialExhausted),
            ClientKeyMaterial(clientURI: "mimi://b.example/d/bob/3", status: .nothingCompatible(clientCapabilities: kp.leafNode.capabilities)),
            ClientKeyMaterial(clientURI: "mimi://b.example/d/bob/4", status: .nothingCompatible(clientCapabilities: nil)),
        ]
        for c in clients { checkCodec(c) }
        let response = KeyMaterialResponse(userStatus: .partialSuccess, userURI: "mimi://b.example/u/bob", clients: clients)
        checkCodec(response)
        #expect(response.keyPackages == [kp])
        checkCodec(KeyMaterialResponse(userStatus: .noConsent, userURI: "mimi://b.example/u/bob"))
        expectRejected(KeyMaterialResponse.self, replacing(response.tlsEncoded, at: 1, with: 8), field: "userStatus")
        expectRejected(ClientKeyMaterial.self, replacing(clients[1].tlsEncoded, at: 0, with: 3), field: "clientStatus")
    }

    @Test("clients must be empty for user codes other than success, partialSuccess and noCompatibleMaterial")
    func clientsOnlyOnSuccess() {
        for code in KeyMaterialUserCode.allCases {
            let r = KeyMaterialResponse(userStatus: code, userURI: "mimi://b.example/u/bob",
                                        clients: [ClientKeyMaterial(clientURI: "mimi://b.example/d/1", status: .keyMaterialExhausted)])
            if code.mayListClients {
                #expect(throws: Never.self) { try KeyMaterialResponse(tlsDecoding: r.tlsEncoded) }
            } else {
                expectRejected(KeyMaterialResponse.self, r.tlsEncoded, field: "clients")
            }
        }
    }

    @Test("GroupInfoRequest, PendingProposal, GroupInfoRatchetTreeTBE round-trip")
    func groupInfoRequest() throws {
        let r = GroupInfoRequest(cipherSuite: 1, requestingSignatureKey: [1, 2], requestingCredential: .basic(identity: [3]),
                                 groupInfoPublicKey: [UInt8](repeating: 4, count: 32), joiningCode: [5], signature: [6])
        checkCodec(r)
        var noCode = r
        noCode.joiningCode = nil
        checkCodec(noCode)
        var sig = TLSWriter()
        sig.writeOpaque(r.signature)
        #expect(r.tbs + sig.bytes == r.tlsEncoded)
        checkCodec(PendingProposal(proposal: f.proposal, hubAcceptedTime: 7))
        checkCodec(GroupInfoRatchetTreeTBE(groupInfo: try f.groupInfoBody, ratchetTreeOption: .full(ratchetTree: f.ratchetTree),
                                           pendingProposals: [PendingProposal(proposal: f.proposal, hubAcceptedTime: 7)]))
        expectRejected(GroupInfoRequest.self, replacing(r.tlsEncoded, at: 0, with: 0), field: "protocol")
    }

    @Test("GroupInfoResponse round-trips for success and failures; failures carry no body; bad status rejected")
    func groupInfoResponse() {
        let success = GroupInfoResponse(roomID: Array("mimi://a.example/r/clubhouse".utf8), outcome: .success(.init(
            cipherSuite: 1, hubSender: ExternalSender(signatureKey: [1], credential: .basic(identity: Array("a.example".utf8))),
            encryptedGroupInfoAndTree: HPKECiphertext(kemOutput: [2, 2], ciphertext: [3, 3, 3]), signature: [4])))
        checkCodec(success)
        var sig = TLSWriter()
        sig.writeOpaque([4])
        #expect(success.tbs + sig.bytes == success.tlsEncoded)
        let denied = GroupInfoResponse(roomID: [1], outcome: .notAuthorized)
        checkCodec(denied)
        checkCodec(GroupInfoResponse(roomID: [], outcome: .noSuchRoom))
        #expect(denied.tlsEncoded == [1, 1, 1, 2])
        for bad: UInt8 in [0, 4] { expectRejected(GroupInfoResponse.self, replacing(denied.tlsEncoded, at: 3, with: bad), field: "status") }
    }

    @Test("ConsentEntry and ConsentScope round-trip; KeyPackages travel only with grant")
    func consent() throws {
        let scope = ConsentScope(requesterURI: "mimi://a.example/u/alice", targetURI: "mimi://b.example/u/bob",
                                 roomID: "mimi://a.example/r/clubhouse")
        checkCodec(scope)
        checkCodec(ConsentScope(requesterURI: "mimi://a.example/u/alice", targetURI: "mimi://b.example/u/bob"))
        let grant = ConsentEntry(operation: .grant, scope: scope, clientKeyPackages: [try f.keyPackageBody])
        checkCodec(grant)
        for op in [ConsentOperation.cancel, .request, .revoke] { checkCodec(ConsentEntry(operation: op, scope: scope)) }
        #expect(ConsentEntry(operation: .request, scope: scope, clientKeyPackages: [try f.keyPackageBody]).clientKeyPackages.isEmpty)
        for bad: UInt8 in [4, 255] { expectRejected(ConsentEntry.self, replacing(grant.tlsEncoded, at: 0, with: bad), field: "consentOperation") }
    }

    @Test("FrankingAgentData round-trips")
    func frankingAgent() {
        checkCodec(FrankingAgentData(frankingSignatureKey: [1, 2, 3], credential: .basic(identity: Array("a.example".utf8))))
    }
}
