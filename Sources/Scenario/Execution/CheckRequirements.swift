/// The registry ids (docs/requirements.yaml) the executor's built-in checks cite. A test keeps every id here
/// present in the registry.
public enum CheckRequirements {
    /// After every commit, every member's epoch_authenticator agrees (RFC 9420 §8.7).
    public static let epochAuthenticator = "RFC9420-8.7-epochAuthenticator"
    /// Members that processed a commit are in the epoch the committer created (RFC 9420 §12.4.2).
    public static let epochAdvance = "RFC9420-12.4.2-epochAdvance"
    /// Membership after Add/Remove as the proposals say (RFC 9420 §12.3).
    public static let membership = "RFC9420-12.3-membership"
    /// The hub's participant list and each member's view of it (protocol -06, participant_list).
    public static let participantList = "MIMI-PROTO-participantList-consistent"
    /// Fan-out: each active participant's clients receive each accepted application message.
    public static let fanout = "MIMI-PROTO-fanout-app"
    /// Received content equals sent content: same message ID (content -08 §"Message ID").
    public static let messageId = "MIMI-CONTENT-messageId"
    /// A client keeps one copy of a message however often it is delivered (content -08: duplicates are discarded).
    public static let duplicateId = "MIMI-CONTENT-duplicateId"
    /// Received content decodes to the same semantics as sent.
    public static let contentRoundTrip = "MIMI-CONTENT-roundTrip"
    /// A removed or banned user's clients stop receiving application messages.
    public static let removedNoReceive = "MIMI-PROTO-removed-noMessages"
    /// A refused event changes no room state (protocol -06: the hub changes state only when it accepts an event).
    public static let refusedNoChange = "MIMI-PROTO-update-refusedNoChange"
    /// An action a scenario expects to succeed is accepted.
    public static let accepted = "MIMI-PROTO-accept-valid"
    /// HTTP status codes of the transport binding (e.g. 201 for /notify).
    public static let httpStatus = "MIMI-PROTO-notify-201"
    /// Identifier query answers.
    public static let identifierQuery = "MIMI-PROTO-identifierQuery-match"
    /// Messages crossing a provider boundary decode and validate.
    public static let wireValid = "MIMI-PROTO-wire-valid"

    /// The requirement an `expect-status` check cites: the refusal's when the step must be refused, else the
    /// endpoint's status rule.
    public static func forStatus(of step: ScenarioStep) -> String {
        if let code = step.expectReject { return forRejection(code) }
        switch step.action.kind {
        case .consent: return "MIMI-PROTO-consent-201"
        case .reportAbuse: return "MIMI-PROTO-reportAbuse-hubVerifies"
        case .inject: return "MIMI-PROTO-notify-duplicate201"
        default: return httpStatus
        }
    }

    /// The requirement a named refusal code checks.
    public static func forRejection(_ code: String) -> String {
        switch code {
        case "wrongEpoch": return "MIMI-PROTO-update-wrongEpoch"
        case "notAllowed": return "MIMI-POLICY-authorize-every-change"
        case "invalidProposal": return "MIMI-PROTO-update-invalidProposal"
        case "epochTooOld": return "MIMI-PROTO-submit-epochTooOld"
        case "invalidMessage": return "RFC9420-6-validateFraming"
        case "malformed": return "MIMI-PROTO-wire-valid"
        case "noConsent", "noConsentForThisRoom": return "MIMI-PROTO-keyMaterial-consent"
        case "notAuthorized", "noSuchRoom": return "MIMI-PROTO-groupInfo-authorize"
        default: return "MIMI-PROTO-response-codes"
        }
    }
}
