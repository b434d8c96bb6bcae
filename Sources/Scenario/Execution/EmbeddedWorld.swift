/// The plug-in point for the embedded simulated providers (SimProviders, issue 5): `mimi-harness run` and
/// `mimi-harness replay` ask here for the world to run scenarios in. Until the simulated hub and followers are
/// wired in, there is none, and both commands say so instead of pretending to run.
///
/// Where the adapter goes: `Scenario` depends on `SimProviders`, not the reverse, so the type that conforms to
/// ``ScenarioWorld`` on top of the simulated network belongs in this target (`Sources/Scenario/Worlds/`). It
/// translates each ``WorldAction`` into calls on the simulated providers and clients, answers ``ScenarioWorld/observe(room:)``
/// from their state, and builds ``ScenarioWorld/transcript()`` and ``ScenarioWorld/violations()`` with
/// ``WireInspector`` over the network's recorded exchanges. EmbeddedWorldTests switch on as soon as
/// ``factory(transport:)`` returns it.
public enum EmbeddedWorld {
    /// Transports the embedded world can use between providers.
    public enum Transport: String, Sendable, CaseIterable {
        case inprocess
        case http
    }

    /// The factory for the embedded world, or nil while none is wired in.
    public static func factory(transport: Transport) -> (any ScenarioWorldFactory)? {
        SimulatedWorldFactory(kind: transport == .http ? .http : .inprocess)
    }

    /// Why ``factory(transport:)`` returned nil.
    public static let unavailableReason = "the embedded simulated providers (SimProviders, issue 5) are not wired in yet"
}
