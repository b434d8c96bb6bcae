/// The outcome of one conformance case. Only `passed` counts as a pass; `unsupported` and `skipped` always carry
/// their reason in the case's message.
public enum CaseStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case passed
    case failed
    case unsupported
    case skipped
    case error
}
