/// The response codes a step may be expected to be refused with, by name, from draft-ietf-mimi-protocol-06:
/// UpdateResponseCode, SubmitResponseCode, KeyMaterialUserCode, GroupInfoCode and IdentifierQueryCode, plus two
/// harness outcomes: `invalidMessage` (a receiver discarded a message that failed validation, e.g. a tampered
/// commit) and `malformed` (a request body that does not parse, answered with HTTP 400).
public enum ResponseCodes {
    public static let update = ["wrongEpoch", "notAllowed", "invalidProposal"]
    public static let submit = ["notAllowed", "epochTooOld"]
    public static let keyMaterial = ["partialSuccess", "incompatibleProtocol", "noCompatibleMaterial", "userUnknown",
                                     "noConsent", "noConsentForThisRoom", "userDeleted"]
    public static let groupInfo = ["notAuthorized", "noSuchRoom"]
    public static let identifierQuery = ["notFound", "ambiguous", "forbidden", "unsupportedField"]
    public static let harness = ["invalidMessage", "malformed"]

    /// Every name accepted by `expect-reject`, sorted, without duplicates.
    public static let rejections: [String] = Array(Set(update + submit + keyMaterial + groupInfo + identifierQuery + harness)).sorted()

    /// The code every world reports for an accepted request (`success`/`accepted` in the draft's enums).
    public static let success = "success"
}
