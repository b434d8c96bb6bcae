/// One report format written into a report directory (results.json, junit.xml, report.html, …).
///
/// Writers are pure: they render a ``RunResults`` to bytes, and ``ReportOutput`` puts the bytes on disk. A command
/// that adds a format (the scenario runner's HTML and Markdown reports) conforms here and passes its writer to
/// ``ReportOutput/write(_:to:writers:)``.
public protocol ReportWriter: Sendable {
    /// File name inside the report directory (`results.json`).
    var fileName: String { get }
    /// The file's contents.
    func render(_ results: RunResults) throws -> [UInt8]
}
