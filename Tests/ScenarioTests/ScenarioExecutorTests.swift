import Foundation
import Results
import Testing
@testable import Scenario

@Suite struct ScenarioExecutorTests {
    func run(_ text: String, faults: FakeWorld.Faults = .init()) async throws -> ScenarioRunOutcome {
        let s = try Fixtures.load(text)
        return await ScenarioExecutor(scenario: s).run(in: FakeWorld(scenario: s, seed: s.seed, faults: faults))
    }

    @Test func basicScenarioPasses() async throws {
        let o = try await run(Fixtures.basic)
        #expect(o.status == .passed)
        #expect(o.failure == nil)
        #expect(o.stepsRun == 9)
        #expect(o.checks.allSatisfy { $0.passed })
        // The authenticator check runs after the commit although the file never asks for it.
        #expect(o.checks.contains { $0.requirement == CheckRequirements.epochAuthenticator })
        #expect(o.checks.contains { $0.requirement == CheckRequirements.refusedNoChange })
        #expect(!o.transcript.isEmpty)
    }

    @Test func wrongExpectedEpochFailsWithExpectedAndActual() async throws {
        let o = try await run(Fixtures.basic(replacing: "      epoch: 1\n", with: "      epoch: 2\n"))
        #expect(o.status == .failed)
        let f = try #require(o.failure)
        #expect(f.stepIndex == 2)
        #expect(f.stepKind == "expect")
        #expect(f.expected == "2")
        #expect(f.actual == "1")
        #expect(f.party == "a.example")
        #expect(f.location.line == 15)
        #expect(f.requirement == CheckRequirements.epochAdvance)
    }

    @Test func wrongMembersBlameTheHub() async throws {
        let o = try await run(Fixtures.basic(replacing: "[alice/1, bob/1, bob/2]", with: "[alice/1, bob/1]"))
        let f = try #require(o.failure)
        #expect(f.expected == "alice/1, bob/1")
        #expect(f.actual == "alice/1, bob/1, bob/2")
        #expect(f.requirement == CheckRequirements.membership)
    }

    @Test func divergentAuthenticatorIsCaughtAfterEveryCommit() async throws {
        var faults = FakeWorld.Faults()
        faults.divergentAuthenticator = ClientRef(user: "bob", device: 2)
        // Remove every expect step: the agreement check must still run.
        let text = Fixtures.basic.components(separatedBy: "\n").filter { !$0.contains("expect") }.joined(separator: "\n")
            .replacingOccurrences(of: "      room: clubhouse\n      epoch: 1\n      participants: { alice: admin, bob: regular }\n      members: [alice/1, bob/1, bob/2]\n", with: "")
        let o = try await run(text, faults: faults)
        let f = try #require(o.failure)
        #expect(f.requirement == CheckRequirements.epochAuthenticator)
        #expect(f.stepKind == "add-user")
        #expect(f.party == "bob/2 (b.example)")
        #expect(f.expected != f.actual)
    }

    @Test func aCommitterThatDisagreesWithEveryoneIsBlamed() async throws {
        var faults = FakeWorld.Faults()
        faults.divergentAuthenticator = ClientRef(user: "alice", device: 1)
        let o = try await run(Fixtures.basic, faults: faults)
        let f = try #require(o.failure)
        #expect(f.requirement == CheckRequirements.epochAuthenticator)
        #expect(f.party == "alice/1 (a.example)")
        #expect(f.message.contains("2 of 2 other members"))
    }

    @Test func acceptingWhatMustBeRefusedFailsAndBlamesTheHub() async throws {
        var faults = FakeWorld.Faults()
        faults.acceptUnauthorized = true
        let o = try await run(Fixtures.basic, faults: faults)
        let f = try #require(o.failure)
        #expect(f.stepIndex == 7)
        #expect(f.expected == "refused: notAllowed")
        #expect(f.actual == "accepted")
        #expect(f.party == "a.example")
        #expect(f.requirement == "MIMI-POLICY-authorize-every-change")
    }

    @Test func aRefusedStepThatChangesStateFails() async throws {
        var faults = FakeWorld.Faults()
        faults.refusedCommitAdvancesEpoch = true
        let o = try await run(Fixtures.basic, faults: faults)
        let f = try #require(o.failure)
        #expect(f.requirement == CheckRequirements.refusedNoChange)
        #expect(f.expected == "hub epoch 1")
        #expect(f.actual == "hub epoch 2")
    }

    @Test func receivedContentMustEqualSentContent() async throws {
        var faults = FakeWorld.Faults()
        faults.corruptReceivedText = true
        let o = try await run(Fixtures.basic, faults: faults)
        let f = try #require(o.failure)
        #expect(f.requirement == CheckRequirements.contentRoundTrip)
        #expect(f.expected.contains("\"hello from b\""))
        #expect(f.actual.contains("\"hello from b!\""))
        #expect(f.party == "alice/1 (a.example)")
    }

    @Test func invalidWireMessageIsBlamedOnItsSender() async throws {
        var faults = FakeWorld.Faults()
        faults.invalidNotify = true
        let o = try await run(Fixtures.basic, faults: faults)
        let f = try #require(o.failure)
        #expect(f.stepKind == "add-user")
        #expect(f.party == "a.example")
        #expect(f.actual.contains("trailing bytes"))
    }

    @Test func concurrentCommitsOneWinsTheOtherGetsWrongEpoch() async throws {
        let text = Fixtures.basic(replacing: "  - add-user:    { by: bob/1, room: clubhouse, user: carol, expect-reject: notAllowed }\n  - expect:      { room: clubhouse, epoch: 1 }", with: """
          - concurrent:
              - update: { by: alice/1, room: clubhouse }
              - add-user: { by: alice/1, room: clubhouse, user: carol, expect-reject: wrongEpoch }
          - add-user: { by: alice/1, room: clubhouse, user: carol }
          - expect: { room: clubhouse, epoch: 3, participants: { alice: admin, bob: regular, carol: regular } }
        """)
        let o = try await run(text)
        #expect(o.status == .passed, "\(o.failure?.description ?? "")")
        #expect(o.checks.contains { $0.requirement == "MIMI-PROTO-update-wrongEpoch" && $0.passed })
    }

    @Test func everyStepKindReachesTheWorld() async throws {
        let text = Fixtures.basic(replacing: "  - add-user:    { by: bob/1, room: clubhouse, user: carol, expect-reject: notAllowed }\n  - expect:      { room: clubhouse, epoch: 1 }", with: """
          - add-device: { by: alice/1, room: clubhouse, device: alice/2 }
          - send: { by: alice/1, room: clubhouse, as: a1, attachment: { content-type: video/mp4, url: "https://a.example/v.mp4", size: 7 } }
          - expect-received: { room: clubhouse, by: [bob/1], message: a1 }
          - send: { by: alice/1, room: clubhouse, as: e1, edit: { of: m1, text: "edited" } }
          - send: { by: alice/1, room: clubhouse, as: e2, edit: { of: e1, text: "edited twice" } }
          - expect-received: { room: clubhouse, by: bob/2, message: e2 }
          - report-abuse: { by: alice/1, room: clubhouse, message: m1 }
          - consent: { op: request, requester: alice, target: carol }
          - identifier-query: { by: alice, domain: b.example, query: { handle: "im:carol@b.example" }, expect-found: [carol] }
          - identifier-query: { by: alice, domain: b.example, query: { handle: "im:nobody@b.example" }, expect-code: notFound }
          - inject: { from: b.example, to: a.example, endpoint: update, room: clubhouse, body-hex: "00ff", expect-reject: malformed, expect-status: 400 }
          - inject: { from: a.example, to: b.example, endpoint: notify, room: clubhouse, replay-last: true, expect-status: 201 }
          - ban: { by: alice/1, room: clubhouse, user: bob }
          - send: { by: alice/1, room: clubhouse, as: late, text: "after the ban" }
          - expect-not-received: { room: clubhouse, by: [bob/1, bob/2], message: late }
          - expect: { room: clubhouse, epoch: 3, participants: { alice: admin, bob: banned }, members: [alice/1, alice/2] }
          - external-join: { by: bob/2, room: clubhouse, expect-reject: notAuthorized }
          - add-user: { by: alice/1, room: clubhouse, user: carol }
          - leave: { by: carol, room: clubhouse, commit-by: alice/1 }
        """).replacingOccurrences(of: "alice: { provider: a.example }", with: "alice: { provider: a.example, devices: 2 }")
            .replacingOccurrences(of: "carol: { provider: b.example }", with: "carol: { provider: b.example, identifiers: { handle: \"im:carol@b.example\" } }")
        let o = try await run(text)
        #expect(o.status == .passed, "\(o.failure?.description ?? "")")
        #expect(o.stepsRun == 26)
    }

    @Test func editsReplaceTheFirstVersion() throws {
        var r = ContentResolver()
        let first = SentMessage(messageId: [1], content: ContentSemantics(body: .null(disposition: .render, language: "")))
        r.record(label: "m1", sent: first)
        let edit = try r.resolve(.edit(of: "m1", body: .text("x")), topic: nil)
        #expect(edit.replaces == [1])
        r.record(label: "e1", sent: SentMessage(messageId: [2], content: edit))
        let second = try r.resolve(.edit(of: "e1", body: .text("y")), topic: nil)
        #expect(second.replaces == [1])
        let reaction = try r.resolve(.reaction(to: "e1", emoji: "❤"), topic: "t")
        #expect(reaction.inReplyTo == [2])
        #expect(reaction.topicId == Array("t".utf8))
        #expect(reaction.body == .single(disposition: .reaction, language: "", contentType: PartSemantics.plainText, content: Array("❤".utf8)))
    }
}
