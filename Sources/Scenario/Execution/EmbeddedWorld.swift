/// The plug-in point for the embedded simulated providers (SimProviders, issue 5): `mimi-harness run` and
/// `mimi-harness replay` ask here for the world to run scenarios in. Until the simulated hub and followers exist,
/// there is none, and both commands say so instead of pretending to run.
public enum EmbeddedWorld {
    /// Transports the embedded world can use between providers.
    public enum Transport: String, Sendable, CaseIterable {
        case inprocess
        case http
    }

    /// The factory for the embedded world, or nil while SimProviders has none.
    public static func factory(transport: Transport) -> (any ScenarioWorldFactory)? {
        nil
    }

    /// Why ``factory(transport:)`` returned nil.
    public static let unavailableReason = "the embedded simulated providers (SimProviders, issue 5) are not built yet"
}
