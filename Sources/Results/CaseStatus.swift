/// The outcome of one conformance case (issue 2 item 7; `status` in docs/results.schema.json). Only `passed` counts
/// as a pass; `unsupported` and `skipped` always carry their reason in the case's message.
public enum CaseStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case passed
    case failed
    case unsupported
    case skipped
    case error
}
