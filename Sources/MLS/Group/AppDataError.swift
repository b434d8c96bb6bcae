/// A rejected use of the application-data proposals of draft-ietf-mls-extensions (§4.7 AppDataUpdate, §4.8
/// AppEphemeral). Each case names the rule it enforces (``rule``).
public enum AppDataError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A component has a `remove` together with an `update`, or two `remove`s, in one Commit (§4.7: "a proposal list
    /// is valid only if it contains (a) a single remove operation or (b) one or more update operation").
    case conflictingOperations(componentID: UInt16)
    /// A `remove` of a component that has no data in the GroupContext (§4.7).
    case removeOfAbsentComponent(UInt16)
    /// A GroupContextExtensions proposal adds, removes or changes `app_data_dictionary` while `app_data_update` is in
    /// the group's required_capabilities (§4.7: MUST NOT).
    case groupContextExtensionsTouchDictionary
    /// The GroupContext's `app_data_dictionary` does not decode (§4.6: sorted, unique component IDs).
    case malformedDictionary(String)
    /// The application logic refused a component's update or ephemeral data, or the Commit's changes as a whole
    /// (`componentID` nil) (§4.7, §4.8).
    case rejectedByApplication(componentID: UInt16?, reason: String)

    /// The draft-ietf-mls-extensions rule this error enforces.
    public var rule: String {
        switch self {
        case .conflictingOperations, .removeOfAbsentComponent, .groupContextExtensionsTouchDictionary:
            "draft-ietf-mls-extensions §4.7"
        case .malformedDictionary: "draft-ietf-mls-extensions §4.6"
        case .rejectedByApplication: "draft-ietf-mls-extensions §4.7/§4.8 (application logic)"
        }
    }

    public var description: String { "\(detail) (\(rule))" }

    /// What is wrong, without the rule.
    public var detail: String {
        switch self {
        case .conflictingOperations(let id):
            "component \(id) has a remove together with an update or another remove in one Commit"
        case .removeOfAbsentComponent(let id): "remove of component \(id), which has no data in the GroupContext"
        case .groupContextExtensionsTouchDictionary:
            "a GroupContextExtensions proposal changes app_data_dictionary while app_data_update is a required capability"
        case .malformedDictionary(let r): "the GroupContext's app_data_dictionary is malformed: \(r)"
        case .rejectedByApplication(let id, let reason):
            id.map { "the application refuses the change of component \($0): \(reason)" }
                ?? "the application refuses the Commit's application-data changes: \(reason)"
        }
    }
}
