import Synchronization

/// The injected clock of a simulated run: milliseconds since the UNIX epoch, the unit of every MIMI timestamp
/// (draft-ietf-mimi-protocol-06 §5.3 `accepted_timestamp`, §5.5 FanoutMessage `timestamp`).
///
/// It never reads the wall clock (DEVELOPERS.md, Determinism): it starts at a fixed instant and each reading
/// advances it by ``tick`` milliseconds, so a deterministic sequence of readings yields the same timestamps on
/// every run.
public final class SimClock: Sendable {
    private let state: Mutex<UInt64>
    /// Milliseconds added after each reading.
    public let tick: UInt64

    /// 2026-01-01T00:00:00Z, the default start of simulated time.
    public static let defaultStart: UInt64 = 1_767_225_600_000

    public init(startMilliseconds: UInt64 = SimClock.defaultStart, tick: UInt64 = 1) {
        state = Mutex(startMilliseconds)
        self.tick = tick
    }

    /// The current time in milliseconds; advances the clock by ``tick``.
    public func nowMilliseconds() -> UInt64 {
        state.withLock { now in
            let value = now
            now &+= tick
            return value
        }
    }

    /// The current time in whole seconds (KeyPackage lifetimes, RFC 9420 §7.2), without advancing.
    public var nowSeconds: UInt64 { state.withLock { $0 } / 1000 }

    /// Moves the clock forward by `milliseconds` (to expire KeyPackages in tests).
    public func advance(by milliseconds: UInt64) {
        state.withLock { $0 &+= milliseconds }
    }
}
