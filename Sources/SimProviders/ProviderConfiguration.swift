import MIMIProtocol

/// How a simulated provider behaves where the drafts leave a choice (docs/providers.md lists each choice).
public struct ProviderConfiguration: Sendable, Hashable {
    /// How room and user identifiers are placed in URL paths (draft-ietf-mimi-protocol-06 §"Directory" is in flux).
    public var layout: EndpointLayout
    /// How many epochs behind the hub's an application message may be before /submitMessage answers epochTooOld
    /// (room-policy-03 AppMessagePolicy.epoch_tolerance; 0 = only the current epoch).
    public var epochTolerance: UInt64
    /// The hub's franking of messages whose AAD carries a frank_aad item (§"Franking").
    public var franking: Bool
    /// Size of the follower's window of remembered /notify bodies (§"Fanout": rolling hash of bodies).
    public var notifyDedupWindow: Int

    public init(layout: EndpointLayout = .default, epochTolerance: UInt64 = 0, franking: Bool = true,
                notifyDedupWindow: Int = 4096) {
        self.layout = layout
        self.epochTolerance = epochTolerance
        self.franking = franking
        self.notifyDedupWindow = notifyDedupWindow
    }
}
