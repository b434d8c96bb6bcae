import Foundation
@testable import Scenario

/// Scenario texts shared by the tests.
enum Fixtures {
    static let basic = """
    id: test/basic
    title: Alice adds Bob; Bob sends; Carol is refused
    requirements: [MIMI-PROTO-fanout-app]
    seed: 42
    providers:
      a.example: { role: hub }
      b.example: { role: follower }
    users:
      alice: { provider: a.example }
      bob:   { provider: b.example, devices: 2 }
      carol: { provider: b.example }
    steps:
      - create-room: { by: alice, room: clubhouse }
      - add-user:    { by: alice/1, room: clubhouse, user: bob }
      - expect:
          room: clubhouse
          epoch: 1
          participants: { alice: admin, bob: regular }
          members: [alice/1, bob/1, bob/2]
      - send:        { by: bob/2, room: clubhouse, as: m1, text: "hello from b" }
      - expect-received: { room: clubhouse, by: [alice/1, bob/1], message: m1 }
      - send:        { by: alice/1, room: clubhouse, as: m2, reply: { to: m1, markdown: "**hi**" } }
      - expect-received: { room: clubhouse, by: [bob/1, bob/2], message: m2 }
      - add-user:    { by: bob/1, room: clubhouse, user: carol, expect-reject: notAllowed }
      - expect:      { room: clubhouse, epoch: 1 }
    """

    /// `basic` with one line replaced.
    static func basic(replacing old: String, with new: String) -> String {
        basic.replacingOccurrences(of: old, with: new)
    }

    static func load(_ text: String, file: String = "test.yaml") throws -> Scenario {
        try ScenarioLoader.parse(text, file: file)
    }

    /// The single error a text produces, or nil when it loads.
    static func error(_ text: String, file: String = "test.yaml") -> ScenarioLoadError? {
        do {
            _ = try ScenarioLoader.parse(text, file: file)
            return nil
        } catch let e as ScenarioLoadErrors {
            return e.errors.first
        } catch {
            return nil
        }
    }

    /// The package root (Tests/ScenarioTests/Support/Fixtures.swift → three levels up).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }
}
