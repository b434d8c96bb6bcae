import Foundation
import Testing
@testable import Scenario

@Suite struct ScenarioLoaderTests {
    @Test func loadsTheBasicScenario() throws {
        let s = try Fixtures.load(Fixtures.basic)
        #expect(s.id == "test/basic")
        #expect(s.seed == 42)
        #expect(s.suite == 1)
        #expect(s.providers.map(\.domain) == ["a.example", "b.example"])
        #expect(s.hub?.domain == "a.example")
        #expect(s.users.first { $0.name == "bob" }?.devices == 2)
        #expect(s.steps.count == 9)
        #expect(s.steps[0].action == .createRoom(by: ClientRef(user: "alice", device: 1), room: "clubhouse", policy: "default"))
        #expect(s.steps[7].expectReject == "notAllowed")
        #expect(s.steps[1].location == SourceLocation(file: "test.yaml", line: 14, column: 5))
        guard case .send(let send) = s.steps[5].action else {
            Issue.record("step 6 is not a send")
            return
        }
        #expect(send.content == .reply(to: "m1", body: .markdown("**hi**")))
    }

    @Test func unknownKeyIsReportedAtItsLineAndColumn() {
        let e = Fixtures.error(Fixtures.basic(replacing: "user: bob }", with: "user: bob, colour: red }"))
        #expect(e?.location == SourceLocation(file: "test.yaml", line: 14, column: 61))
        #expect(e?.message.hasPrefix("unknown key 'colour' in add-user; expected one of: by, room, user") == true)
    }

    @Test func unknownStepIsReportedWithTheStepNames() {
        let e = Fixtures.error(Fixtures.basic(replacing: "- create-room:", with: "- make-room:"))
        #expect(e?.location.line == 13)
        #expect(e?.message.contains("unknown step 'make-room'; expected one of: create-room, add-user") == true)
    }

    @Test func wrongTypeSaysWhatWasExpected() {
        let e = Fixtures.error(Fixtures.basic(replacing: "seed: 42", with: "seed: forty-two"))
        #expect(e?.description == "test.yaml:4:7: expected seed (a non-negative integer), found \"forty-two\"")
        let quoted = Fixtures.error(Fixtures.basic(replacing: "epoch: 1\n", with: "epoch: \"1\"\n"))
        #expect(quoted?.message == "expected epoch (a non-negative integer), found \"1\"")
        let list = Fixtures.error(Fixtures.basic(replacing: "members: [alice/1, bob/1, bob/2]", with: "members: alice/1"))
        #expect(list?.message == "expected members (a list), found \"alice/1\"")
    }

    @Test func syntaxErrorHasLineAndColumn() {
        let e = Fixtures.error(Fixtures.basic(replacing: "title: Alice adds Bob; Bob sends; Carol is refused", with: "title: [unclosed"))
        #expect(e?.location.line == 3)
        #expect(e?.message.hasPrefix("YAML syntax error") == true)
    }

    @Test func duplicateKeyIsAnError() {
        let e = Fixtures.error(Fixtures.basic(replacing: "seed: 42", with: "seed: 42\nseed: 43"))
        #expect(e?.message.contains("duplicated: seed") == true)
    }

    @Test func missingKeyNamesTheMapping() {
        let e = Fixtures.error(Fixtures.basic(replacing: "{ by: alice, room: clubhouse }", with: "{ by: alice }"))
        #expect(e?.message == "expected key 'room' in create-room")
        #expect(e?.location.line == 13)
    }

    @Test func referencesAreValidatedBeforeRunning() {
        let unknownUser = Fixtures.error(Fixtures.basic(replacing: "user: carol, expect-reject", with: "user: dave, expect-reject"))
        #expect(unknownUser?.message == "expected user to be a declared user, found \"dave\"")
        #expect(unknownUser?.location.line == 24)
        let unknownDevice = Fixtures.error(Fixtures.basic(replacing: "by: bob/2, room", with: "by: bob/3, room"))
        #expect(unknownDevice?.message == "expected by to be one of bob's 2 device(s), found \"bob/3\"")
        let unknownRoom = Fixtures.error(Fixtures.basic(replacing: "user: bob }", with: "user: bob }\n  - update: { by: alice, room: lobby }"))
        #expect(unknownRoom?.message == "expected room \"lobby\" to be created by an earlier create-room step")
        let unknownLabel = Fixtures.error(Fixtures.basic(replacing: "reply: { to: m1", with: "reply: { to: m9"))
        #expect(unknownLabel?.message == "expected message \"m9\" to be named by an earlier send (as: m9)")
        let badProvider = Fixtures.error(Fixtures.basic(replacing: "carol: { provider: b.example }", with: "carol: { provider: c.example }"))
        #expect(badProvider?.message.hasPrefix("expected the provider of carol to be one of the declared providers") == true)
        let twoHubs = Fixtures.error(Fixtures.basic(replacing: "b.example: { role: follower }", with: "b.example: { role: hub }"))
        #expect(twoHubs?.message == "expected exactly one provider with role hub, found 2")
    }

    @Test func everyReferenceErrorIsReported() throws {
        let text = Fixtures.basic(replacing: "user: carol, expect-reject", with: "user: dave, expect-reject")
            .replacingOccurrences(of: "by: bob/2, room", with: "by: bob/3, room")
        #expect(throws: ScenarioLoadErrors.self) { try Fixtures.load(text) }
        do {
            _ = try Fixtures.load(text)
        } catch let e as ScenarioLoadErrors {
            #expect(e.errors.count == 2)
        }
    }

    @Test func unknownRequirementIdsAreErrorsWhenARegistryIsGiven() {
        #expect(throws: ScenarioLoadErrors.self) {
            try ScenarioLoader.parse(Fixtures.basic, file: "t.yaml", knownRequirements: ["RFC9420-8.7-epochAuthenticator"])
        }
    }

    @Test func jsonIsParsedWithPositions() throws {
        let json = """
        {
          "id": "test/json", "title": "JSON", "seed": 1,
          "providers": { "a.example": { "role": "hub" } },
          "users": { "alice": { "provider": "a.example" } },
          "steps": [
            { "create-room": { "by": "alice", "room": "r" } },
            { "expect": { "room": "r", "epoch": "zero" } }
          ]
        }
        """
        let e = Fixtures.error(json, file: "t.json")
        #expect(e?.description == "t.json:7:41: expected epoch (a non-negative integer), found \"zero\"")
        let ok = try Fixtures.load(json.replacingOccurrences(of: "\"zero\"", with: "0"), file: "t.json")
        #expect(ok.steps.count == 2)
    }

    @Test func everyContentKindParses() throws {
        let text = Fixtures.basic(replacing: "  - add-user:    { by: bob/1, room: clubhouse, user: carol, expect-reject: notAllowed }\n", with: """
          - send: { by: alice, room: clubhouse, as: r1, reaction: { to: m1, emoji: "❤" } }
          - send: { by: alice, room: clubhouse, as: e1, edit: { of: m2, text: "edited" } }
          - send: { by: alice, room: clubhouse, delete: { of: e1 } }
          - send: { by: alice, room: clubhouse, unlike: { of: r1 } }
          - send: { by: alice, room: clubhouse, expiring: { text: "soon gone", after: 60 } }
          - send: { by: alice, room: clubhouse, attachment: { content-type: video/mp4, url: "https://a.example/x.mp4", size: 10 } }
          - send:
              by: alice
              room: clubhouse
              multipart:
                semantics: chooseOne
                parts:
                  - markdown: "# Welcome"
                  - { content-type: application/vnd.example, content: "x", disposition: inline }

        """)
        let s = try Fixtures.load(text)
        let kinds = s.steps.compactMap { step -> String? in
            if case .send(let send) = step.action { return send.content.kindName }
            return nil
        }
        #expect(kinds == ["text", "reply", "reaction", "edit", "delete", "unlike", "expiring", "attachment", "multipart"])
    }

    @Test func contentKindsAreExclusive() {
        let e = Fixtures.error(Fixtures.basic(replacing: "text: \"hello from b\"", with: "text: a, markdown: b"))
        #expect(e?.message.hasPrefix("expected exactly one content kind in send") == true)
    }

    @Test func caseIdsFollowThePath() {
        #expect(ScenarioLoader.caseId(relativePath: "flows/leave.yaml") == "scenarios/flows/leave")
        #expect(ScenarioLoader.caseId(relativePath: "negative/wrong-epoch.json") == "scenarios/negative/wrong-epoch")
    }

    @Test func clientReferences() {
        #expect(ClientRef(parsing: "bob/2") == ClientRef(user: "bob", device: 2))
        #expect(ClientRef(parsing: "bob") == ClientRef(user: "bob", device: 1))
        #expect(ClientRef(parsing: "bob", allowBareUser: false) == nil)
        #expect(ClientRef(parsing: "bob/0") == nil)
        #expect(ClientRef(parsing: "bob/02") == nil)
        #expect(ClientRef(parsing: "bob/1/2") == nil)
    }
}
