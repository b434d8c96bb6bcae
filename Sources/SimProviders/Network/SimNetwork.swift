import MIMIProtocol
import MLSCrypto
import Transport

/// A set of simulated providers wired through one ``TransportSeam`` (in-process or loopback HTTP, chosen by
/// ``TransportKind``), sharing one injected clock and deriving all randomness from one seed. Every request between
/// providers is recorded in ``recorder``.
public final class SimNetwork: Sendable {
    public let kind: TransportKind
    public let seed: UInt64
    public let clock: SimClock
    public let seam: TransportSeam
    public let providers: [String: SimProvider]

    /// Starts providers for `domains` (registering loopback servers for ``TransportKind/http``).
    public static func start(domains: [String], kind: TransportKind, seed: UInt64,
                             configuration: ProviderConfiguration = ProviderConfiguration()) async throws -> SimNetwork {
        let clock = SimClock()
        let seam = TransportSeam(kind: kind, curlOptions: CurlOptions(connectTimeoutMilliseconds: 5_000, totalTimeoutMilliseconds: 30_000,
                                                                      verifyPeer: false))
        var providers: [String: SimProvider] = [:]
        for domain in domains {
            let d = domain.lowercased()
            let provider = SimProvider(domain: d, seed: seed, clock: clock, configuration: configuration)
            await provider.connect(seam.transport(for: d))
            try await seam.register(provider, as: d)
            providers[d] = provider
        }
        // Every provider learns every peer's endpoints from its directory (§"Directory").
        for domain in providers.keys.sorted() {
            for peer in providers.keys.sorted() where peer != domain {
                try await providers[domain]?.fetchDirectory(of: peer)
            }
        }
        return SimNetwork(kind: kind, seed: seed, clock: clock, seam: seam, providers: providers)
    }

    private init(kind: TransportKind, seed: UInt64, clock: SimClock, seam: TransportSeam, providers: [String: SimProvider]) {
        self.kind = kind
        self.seed = seed
        self.clock = clock
        self.seam = seam
        self.providers = providers
    }

    /// The provider for `domain`.
    public func provider(_ domain: String) throws -> SimProvider {
        guard let p = providers[domain.lowercased()] else { throw SimError.unknownUser(domain) }
        return p
    }

    /// The provider of an identifier's domain.
    public func provider(of uri: String) throws -> SimProvider {
        guard let d = SimIdentifiers.domain(of: uri) else { throw SimError.unknownUser(uri) }
        return try provider(d)
    }

    /// Delivers everything queued (fan-out, consent answers), provider by provider in domain order, until no
    /// provider has anything left to send. Returns how many requests were sent.
    @discardableResult
    public func settle() async -> Int {
        var total = 0
        var round = 0
        while round < 64 {
            var sent = 0
            for domain in providers.keys.sorted() {
                if let p = providers[domain] { sent += await p.flushOutbox() }
            }
            total += sent
            if sent == 0 { break }
            round += 1
        }
        return total
    }

    /// Every exchange between providers so far.
    public func exchanges() -> [Exchange] { recorder.exchanges }

    public var recorder: ExchangeRecorder { seam.recorder }

    /// Stops loopback servers.
    public func shutdown() async { await seam.shutdown() }
}
