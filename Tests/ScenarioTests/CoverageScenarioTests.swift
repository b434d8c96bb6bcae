import Foundation
import MIMIProtocol
import MLS
import SimProviders
import TLSCodec
import Testing
@testable import Scenario

/// The bodies the coverage scenarios forge are what their titles say, so each scenario checks the requirement it
/// cites and nothing else: a refusal caused by a typo in the hex would pass the scenario without checking anything.
@Suite struct CoverageScenarioTests {
    static func forgedBody(_ path: String) throws -> (scenario: Scenario, body: [UInt8]) {
        let url = Fixtures.packageRoot.appendingPathComponent("Scenarios/" + path)
        let scenario = try ScenarioLoader.load(url, displayPath: "Scenarios/" + path, knownRequirements: try Registry.shared().ids)
        for step in scenario.steps {
            if case .inject(let inject) = step.action, case .hex(let bytes) = inject.body { return (scenario, bytes) }
        }
        throw TestFailure("\(path) forges no body")
    }

    struct TestFailure: Error, CustomStringConvertible {
        let description: String
        init(_ d: String) { description = d }
    }

    @Test func staleSubmitIsAWellFormedApplicationMessageOfAnOlderEpoch() throws {
        let (scenario, body) = try Self.forgedBody("negative/submit-epoch-too-old.yaml")
        #expect(scenario.requirements.contains("MIMI-PROTO-submit-epochTooOld"))
        let request = try SubmitMessageRequest(tlsDecoding: body)
        guard case .privateMessage(let message) = request.appMessage.body else {
            Issue.record("the forged message is not a PrivateMessage")
            return
        }
        #expect(message.contentType == .application)
        #expect(message.groupID == SimIdentifiers.groupID(ofRoom: SimIdentifiers.room("r", at: "a.example")))
        // The room is at epoch 2 when it is sent (the scenario's expect step says so).
        #expect(message.epoch == 1)
        #expect(request.sendingURI.uri == "mimi://b.example/u/bob")
    }

    @Test func privateCommitIsRefusedForItsWireFormatOnly() throws {
        let (scenario, body) = try Self.forgedBody("negative/private-commit-to-hub.yaml")
        #expect(scenario.requirements.contains("MIMI-PROTO-update-handshakeNotPrivate"))
        var reader = TLSReader(body)
        let message = try reader.read(MLSMessage.self, "proposalOrCommit")
        guard case .privateMessage(let p) = message.body else {
            Issue.record("the forged commit is not a PrivateMessage")
            return
        }
        #expect(p.contentType == .commit)
        #expect(p.groupID == SimIdentifiers.groupID(ofRoom: SimIdentifiers.room("r", at: "a.example")))
        #expect(p.epoch == 1)
        // The commit attachments that follow are well formed: no Welcome, a partial GroupInfo, a tree option.
        #expect(try reader.readOptional("welcome") { try $0.read(Welcome.self, "welcome") } == nil)
        _ = try reader.read(GroupInfoOption.self, "groupInfoOption")
        _ = try reader.read(RatchetTreeOption.self, "ratchetTreeOption")
        #expect(reader.remaining == 0)
        // So the only reason the bundle is refused is the wire format.
        do {
            _ = try UpdateRequest(tlsDecoding: body)
            Issue.record("a PrivateMessage commit decoded as an UpdateRequest")
        } catch let e as TLSCodecError {
            #expect(e.field.hasSuffix("proposalOrCommit") && e.reason.contains("must be a PublicMessage"), "\(e)")
        }
    }
}
