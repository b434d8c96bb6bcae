import Foundation

/// Writes a run's reports into a report directory (default `Reports/latest`): results.json and junit.xml always,
/// plus any extra ``ReportWriter`` a command adds (HTML, Markdown). Shared by every command that produces results.
public enum ReportOutput {
    /// The default report directory, relative to the working directory.
    public static let defaultDirectory = "Reports/latest"

    /// The formats every command writes.
    public static var standardWriters: [any ReportWriter] { [JSONResultsWriter(), JUnitWriter()] }

    /// Creates `directory` if needed and writes one file per writer; returns the paths written, in order.
    @discardableResult
    public static func write(_ results: RunResults, to directory: String,
                             writers: [any ReportWriter] = standardWriters) throws -> [String] {
        let dir = URL(fileURLWithPath: directory, isDirectory: true)
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        } catch {
            throw ReportOutputError(path: dir.path, detail: "cannot create the report directory: \(error.localizedDescription)")
        }
        var written: [String] = []
        for writer in writers {
            let url = dir.appendingPathComponent(writer.fileName)
            let bytes = try writer.render(results)
            do {
                try Data(bytes).write(to: url, options: .atomic)
            } catch {
                throw ReportOutputError(path: url.path, detail: "cannot write: \(error.localizedDescription)")
            }
            written.append(directory.hasSuffix("/") ? directory + writer.fileName : directory + "/" + writer.fileName)
        }
        return written
    }
}

/// A report file could not be written.
public struct ReportOutputError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let detail: String
    public var description: String { "\(path): \(detail)" }
}
