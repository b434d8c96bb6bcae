import ArgumentParser
import Foundation
import Results
import Scenario

/// `mimi-harness report RESULTS.json`: rebuilds every report format (results.json, junit.xml, summary.md,
/// report.html) from a stored run, with requirement coverage from the registry (docs/requirements.yaml).
public struct ReportCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Rebuild results.json, junit.xml, summary.md and report.html from a stored results.json.",
        discussion: """
        The requirement registry is read from --requirements, else $MIMI_REQUIREMENTS, else docs/requirements.yaml \
        below the working directory or the harness's own source tree. Without it the reports are written without \
        coverage and a warning says so.

        Exit status: 0 when the reports were written, 1 when the results file cannot be read, 64 on a usage error.

        Examples:
          mimi-harness report Reports/latest/results.json
          mimi-harness report run-a/results.json --report-dir /tmp/rebuilt
          cat Reports/latest/summary.md >> "$GITHUB_STEP_SUMMARY"
        """
    )

    @Argument(help: ArgumentHelp("A results.json written by mimi-harness.", valueName: "results.json"))
    var results: String

    @Option(name: .customLong("report-dir"), help: ArgumentHelp("Where the reports are written (default: the directory of results.json).", valueName: "dir"))
    var reportDir: String?

    @Option(name: .customLong("requirements"), help: ArgumentHelp("The requirement registry (default: docs/requirements.yaml).", valueName: "file"))
    var requirements: String?

    public init() {}

    public func validate() throws {
        if !FileManager.default.fileExists(atPath: results) {
            throw ValidationError("'\(results)' does not exist. Give the results.json of a run, e.g. Reports/latest/results.json.")
        }
        if let requirements, !FileManager.default.fileExists(atPath: requirements) {
            throw ValidationError("--requirements '\(requirements)' does not exist. Leave it out to use docs/requirements.yaml.")
        }
        if reportDir?.isEmpty == true {
            throw ValidationError("--report-dir is empty. Give a directory, e.g. --report-dir Reports/latest.")
        }
    }

    public func run() throws {
        let stored: RunResults
        do {
            stored = try JSONDecoder().decode(RunResults.self, from: Data(contentsOf: URL(fileURLWithPath: results)))
        } catch {
            Self.err("\(results): not a mimi-harness results.json: \(error)\n")
            throw ExitCode(1)
        }
        let registry: RequirementRegistry?
        if let url = RequirementRegistry.locate(explicit: requirements) {
            registry = try RequirementRegistry.load(url)
        } else {
            registry = nil
            Self.err("warning: no requirement registry found (docs/requirements.yaml); writing the reports without coverage\n")
        }
        let dir = reportDir ?? URL(fileURLWithPath: results).deletingLastPathComponent().path
        let written = try ReportOutput.write(stored, to: dir.isEmpty ? "." : dir,
                                             writers: ScenarioReportWriters.all(for: stored, registry: registry))
        Self.out(written.map { "wrote \($0)\n" }.joined())
    }

    static func out(_ s: String) { FileHandle.standardOutput.write(Data(s.utf8)) }
    static func err(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
