import Foundation
import MLSCrypto

/// The source of the current time for lifetime checks (RFC 9420 §7.3): the system clock, or a fixed or scripted
/// time for reproducible runs.
public struct MLSClock: Sendable {
    /// Seconds since the Unix epoch.
    public let now: @Sendable () -> UInt64

    public init(now: @escaping @Sendable () -> UInt64) { self.now = now }

    /// The system clock.
    public static let system = MLSClock { UInt64(max(0, Date().timeIntervalSince1970)) }

    /// A clock that always reads `seconds`.
    public static func fixed(_ seconds: UInt64) -> MLSClock { MLSClock { seconds } }
}

/// How a group member behaves (RFC 9420 §6, §7.3, §9, §12.4.3; draft-ietf-mls-extensions §4.7).
public struct GroupConfiguration: Sendable {
    /// Check KeyPackage lifetimes against ``clock`` (§7.3: a MUST for the leaves this member sends, so a Commit adding
    /// an expired KeyPackage is refused; RECOMMENDED for those it receives, so an expired leaf in a received Commit or
    /// tree is a finding). On by default; the published passive-client vectors carry expired lifetimes and are run
    /// with it off.
    public var checkLifetimes: Bool = true
    /// The clock for lifetime checks.
    public var clock: MLSClock = .system
    /// The wire format of this member's handshake messages: PublicMessage or PrivateMessage (§6).
    public var handshakeWireFormat: WireFormat = .publicMessage
    /// PrivateMessage contents are zero-padded to a multiple of this many bytes (0 = no padding, §6.3.1).
    public var paddingBlock: Int = 0
    /// How many past epochs' secret trees are kept to open late application messages (§9.2 deletion schedule).
    public var pastEpochsKept: Int = 3
    /// Forward and out-of-order limits of the secret tree ratchets (§9.1).
    public var secretTree: SecretTreeConfiguration = .default
    /// Put the ratchet_tree extension in the GroupInfo of Welcomes (§12.4.3.3); otherwise the tree is sent out of band.
    public var ratchetTreeInWelcome: Bool = true
    /// The application logic for AppDataUpdate and AppEphemeral proposals (draft-ietf-mls-extensions §4.7, §4.8),
    /// consulted when a Commit is created and when one is processed. By default each update replaces its component's
    /// data.
    public var appData: any AppDataLogic = ReplacingAppDataLogic()

    public init() {}

    /// The lifetime check for leaves this member sends (`sending`) or receives (§7.3).
    public func lifetimeCheck(sending: Bool) -> LifetimeCheck {
        guard checkLifetimes else { return .off }
        let now = clock.now()
        return sending ? .sending(now: now) : .receiving(now: now)
    }
}
