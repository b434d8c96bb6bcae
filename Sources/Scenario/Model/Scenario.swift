/// A scenario file: who takes part, what they do, and what must be true afterwards (Scenarios/README.md).
///
/// Providers are declared with a role only; which implementation plays each provider is bound at run time
/// (`--bind a.example=http://…`), never in the file, so the same file runs in every cell of an interop matrix.
public struct Scenario: Sendable, Hashable {
    /// Stable identifier; the case id in reports is `scenarios/<path without extension>`.
    public var id: String
    public var title: String
    /// Requirement registry ids the scenario checks (docs/requirements.yaml).
    public var requirements: [String]
    /// Seed every random value of the run derives from (keys, salts, identifiers, simulated timestamps).
    public var seed: UInt64
    /// MLS cipher suite (RFC 9420 §17.1) every client uses unless the client says otherwise.
    public var suite: UInt16
    /// Providers by domain, in file order.
    public var providers: [ProviderDecl]
    /// Users in file order.
    public var users: [UserDecl]
    public var steps: [ScenarioStep]
    /// Where the scenario was loaded from (file path as given to the loader).
    public var source: String
    /// Free-form notes.
    public var description: String?

    public init(id: String, title: String, requirements: [String], seed: UInt64, suite: UInt16,
                providers: [ProviderDecl], users: [UserDecl], steps: [ScenarioStep], source: String,
                description: String? = nil) {
        self.id = id
        self.title = title
        self.requirements = requirements
        self.seed = seed
        self.suite = suite
        self.providers = providers
        self.users = users
        self.steps = steps
        self.source = source
        self.description = description
    }

    public func provider(named domain: String) -> ProviderDecl? { providers.first { $0.domain == domain } }
    public func user(named name: String) -> UserDecl? { users.first { $0.name == name } }

    /// The hub provider (exactly one per scenario; the loader enforces it).
    public var hub: ProviderDecl? { providers.first { $0.role == .hub } }

    /// Every client of every user, in declaration order.
    public var allClients: [ClientRef] {
        users.flatMap { u in (1...max(u.devices, 1)).map { ClientRef(user: u.name, device: $0) } }
    }
}

/// The role a provider plays in the scenario's rooms (draft-ietf-mimi-protocol-06, "Roles": hub and follower).
public enum ProviderRole: String, Sendable, Hashable, Codable, CaseIterable {
    case hub
    case follower
}

/// A provider, named by its domain, with its role.
public struct ProviderDecl: Sendable, Hashable {
    public var domain: String
    public var role: ProviderRole
    public var location: SourceLocation

    public init(domain: String, role: ProviderRole, location: SourceLocation) {
        self.domain = domain
        self.role = role
        self.location = location
    }
}

/// A user of one provider with a number of clients (devices), each an MLS member once it joins a room.
public struct UserDecl: Sendable, Hashable {
    public var name: String
    public var provider: String
    public var devices: Int
    /// Per-user cipher suite override.
    public var suite: UInt16?
    /// Handles and profile fields the provider answers identifier queries with (e.g. `handle: im:bob@b.example`).
    public var identifiers: [String: String]
    public var location: SourceLocation

    public init(name: String, provider: String, devices: Int, suite: UInt16? = nil,
                identifiers: [String: String] = [:], location: SourceLocation) {
        self.name = name
        self.provider = provider
        self.devices = devices
        self.suite = suite
        self.identifiers = identifiers
        self.location = location
    }
}
