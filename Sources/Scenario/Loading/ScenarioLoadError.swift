/// A mistake in a scenario (or requirement registry) file, at a position: printed `file:line:column: message`,
/// where the message says what was expected there (Scenarios/README.md, "Errors").
public struct ScenarioLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { "\(location): \(message)" }
}

/// Every mistake found in one file; the loader reports all reference errors at once, not only the first.
public struct ScenarioLoadErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ScenarioLoadError]

    public init(_ errors: [ScenarioLoadError]) { self.errors = errors }

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
