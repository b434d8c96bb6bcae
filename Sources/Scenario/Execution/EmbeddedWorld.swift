/// The plug-in point for the embedded simulated providers (SimProviders, issue 5): `mimi-harness run` and
/// `mimi-harness replay` ask here for the world to run scenarios in.
///
/// `Scenario` depends on `SimProviders`, not the reverse, so the adapter that conforms to ``ScenarioWorld`` on top of
/// the simulated network lives in this target (`Sources/Scenario/World/`, `SimulatedWorld`). It translates each
/// ``WorldAction`` into calls on the simulated providers and clients, answers ``ScenarioWorld/observe(room:)`` from
/// their state, and builds ``ScenarioWorld/transcript()`` and ``ScenarioWorld/violations()`` with ``WireInspector``
/// over the network's recorded exchanges. Callers take the factory as optional so that a build or a test without a
/// world reports every scenario as `error` with ``unavailableReason`` instead of pretending to run.
public enum EmbeddedWorld {
    /// Transports the embedded world can use between providers.
    public enum Transport: String, Sendable, CaseIterable {
        case inprocess
        case http
    }

    /// The factory for the embedded world.
    public static func factory(transport: Transport) -> (any ScenarioWorldFactory)? {
        SimulatedWorldFactory(kind: transport == .http ? .http : .inprocess)
    }

    /// What a run without a world reports for each scenario.
    public static let unavailableReason = "no simulated world is available to run scenarios in"
}
