import MIMIProtocol

/// What came of one client action that went to the hub (draft-ietf-mimi-protocol-06 response codes by name:
/// `success`, `wrongEpoch`, `notAllowed`, `invalidProposal`, `epochTooOld`, or an HTTP failure `http<status>`).
public struct FlowOutcome: Sendable, Hashable {
    public var code: String
    /// HTTP status of the decisive response (nil when the hub is the client's own provider: no HTTP is involved).
    public var httpStatus: Int?
    /// The provider whose answer decided the outcome.
    public var respondent: String
    public var detail: String
    /// The epoch the client is in afterwards.
    public var epoch: UInt64?
    /// For a sent message: its message ID, accepted timestamp and frank.
    public var messageID: [UInt8]?
    public var timestamp: UInt64?
    public var frank: Frank?
    /// For a wrongEpoch or epochTooOld answer: the hub's epoch.
    public var currentEpoch: UInt64?

    public init(code: String, httpStatus: Int? = nil, respondent: String, detail: String = "", epoch: UInt64? = nil) {
        self.code = code
        self.httpStatus = httpStatus
        self.respondent = respondent
        self.detail = detail
        self.epoch = epoch
    }

    public var accepted: Bool { code == "success" }
}
