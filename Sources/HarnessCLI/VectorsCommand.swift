import ArgumentParser
import Foundation
import Results
import Vectors

/// `mimi-harness vectors`: runs every recognised test-vector file (RFC 9420 published vectors, MIMI content
/// examples, and the project's own `Vectors/generated/`), verifies published files against `Vectors/manifest.json`,
/// prints a summary and writes results.json and junit.xml. Exit code 0 only when nothing failed or errored.
public struct VectorsCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "vectors",
        abstract: "Run the published MLS and MIMI test vectors and write results.json and junit.xml.",
        discussion: """
        Vector files are looked for in --vectors-dir, else $MIMI_VECTORS_DIR, else Vectors/published/ (filled by \
        scripts/fetch-vectors), else ../shared/vectors/. Every file below that directory is handed to the runner \
        that recognises its name; documentation, schema and generator files (.md .edn .pretty .cddl .diag .txt \
        .py .sh) are ignored, and any other file no runner accepts is reported as a warning. Published files are \
        checked against the SHA-256 in Vectors/manifest.json: a file at a listed path (e.g. mls/key-schedule.json) \
        that was modified is an error case <path>/checksum (its cases still run); any other file runs with an \
        "unverified source" warning, which names the checksum mismatch when a listed file has the same name.

        Exit status: 0 when nothing failed or errored (unsupported and skipped cases do not fail a run), 1 when a \
        case failed or errored, 64 on a usage error.

        Examples:
          mimi-harness vectors
          mimi-harness vectors --vectors-dir ../shared/vectors/mls --report-dir R
          mimi-harness vectors --only 'key-schedule*' --only 'psk_secret*'
          mimi-harness vectors --only 'mls/**' --no-generated
          mimi-harness vectors --list
        """
    )

    /// Whether the project's own `Vectors/generated/` is run too.
    public enum GeneratedVectors: String, EnumerableFlag, Sendable {
        case includeGenerated
        case noGenerated

        public static func name(for value: Self) -> NameSpecification {
            switch value {
            case .includeGenerated: return .customLong("include-generated")
            case .noGenerated: return .customLong("no-generated")
            }
        }

        public static func help(for value: Self) -> ArgumentHelp? {
            switch value {
            case .includeGenerated: return "Also run the vectors this project generated, in Vectors/generated/."
            case .noGenerated: return "Run only the published vectors."
            }
        }
    }

    @Option(name: .customLong("vectors-dir"), help: ArgumentHelp("Directory of vector files, searched recursively.", valueName: "dir"))
    var vectorsDir: String?

    @Option(name: .customLong("report-dir"), help: ArgumentHelp("Where results.json and junit.xml are written.", valueName: "dir"))
    var reportDir: String = ReportOutput.defaultDirectory

    @Option(name: .customLong("only"), help: ArgumentHelp(
        "Run only files matching this glob (* within a path component, ** across, ?); matched against the path and the file name. Repeatable.",
        valueName: "glob"))
    var only: [String] = []

    @Flag var generated: GeneratedVectors = .includeGenerated

    @Option(name: .customLong("manifest"), help: ArgumentHelp("The vector manifest (default: Vectors/manifest.json of this project).", valueName: "file"))
    var manifest: String?

    @Flag(name: .customLong("list"), help: "List the files that would run and the runner for each, then exit.")
    var list = false

    @Flag(name: .customLong("long"), help: "Also run long cases (the 1,670-step deep_random MLS interop script in every suite; minutes in a debug build). Without it they are reported skipped.")
    var long = false

    @Flag(name: .customLong("no-progress"), help: "Do not print progress to stderr.")
    var noProgress = false

    public init() {}

    public func validate() throws {
        if let vectorsDir {
            var isDir: ObjCBool = false
            if !FileManager.default.fileExists(atPath: vectorsDir, isDirectory: &isDir) {
                throw ValidationError("--vectors-dir '\(vectorsDir)' does not exist. Give a directory of vector files, "
                    + "e.g. --vectors-dir ../shared/vectors/mls, or run scripts/fetch-vectors and leave --vectors-dir out.")
            }
            if !isDir.boolValue {
                throw ValidationError("--vectors-dir '\(vectorsDir)' is a file, not a directory. To run one file, give its "
                    + "directory and select the file: --vectors-dir \(Self.parent(vectorsDir)) --only '\(Self.name(vectorsDir))'.")
            }
        }
        if reportDir.isEmpty {
            throw ValidationError("--report-dir is empty. Give a directory, e.g. --report-dir Reports/latest.")
        }
        for pattern in only where pattern.isEmpty {
            throw ValidationError("--only needs a pattern, e.g. --only 'key-schedule*' or --only 'mls/**'.")
        }
        if let manifest, !FileManager.default.fileExists(atPath: manifest) {
            throw ValidationError("--manifest '\(manifest)' does not exist. Leave it out to use Vectors/manifest.json.")
        }
    }

    public func run() throws {
        let results: RunResults
        do {
            results = try execute(output: Self.out, progressMode: noProgress ? .silent : ProgressReporter.automaticMode())
        } catch let e as ValidationError {
            // Thrown after parsing, ArgumentParser would show the root command's usage; point at this one instead.
            FileHandle.standardError.write(Data("Error: \(e.message)\nSee 'mimi-harness vectors --help'.\n".utf8))
            throw ExitCode.validationFailure
        }
        if list { return }
        if !results.summary.isSuccess || results.summary.total == 0 {
            throw ExitCode(1)
        }
    }

    /// Runs the vectors, writes the reports and returns the results; `output` receives what goes to stdout.
    /// Exit status is the caller's business (``run()``: 1 when something failed or errored, or nothing ran).
    public func execute(output: (String) -> Void, progressMode: ProgressReporter.Mode) throws -> RunResults {
        guard let session = try VectorSession.open(vectorsDir: vectorsDir, manifest: manifest,
                                                   includeGenerated: generated == .includeGenerated, long: long) else {
            throw ValidationError(VectorSession.notFoundMessage(explicit: vectorsDir))
        }
        let root = session.root
        let patterns = only.map(GlobPattern.init)
        let plan = try session.plan(only: patterns)
        output(session.header)

        if !patterns.isEmpty && plan.files.isEmpty {
            throw ValidationError("--only \(only.map { "'\($0)'" }.joined(separator: " ")) matched no vector file under \(root.path). "
                + "Run 'mimi-harness vectors --list' to see the files.")
        }
        if list {
            for f in plan.files { output("  \(f.runnerPath)  →  \(f.runner.name)\n") }
            for f in plan.unrecognised { output("  \(f)  →  (unrecognised)\n") }
            output("\(plan.files.count) files to run, \(plan.unrecognised.count) unrecognised, \(plan.companions.count) companions, "
                   + "\(plan.ignored.count) ignored, \(plan.filteredOut.count) left out by --only\n")
            return RunResults(command: commandLine(), cases: [])
        }

        let progress = ProgressReporter(mode: progressMode, totalSteps: plan.files.count)
        let outcome = session.run(plan) { planned, results in progress.finished(planned.runnerPath, results: results) }
        progress.done()

        let results = RunResults(command: commandLine(), cases: outcome.cases, warnings: outcome.warnings)
        let written = try ReportOutput.write(results, to: reportDir)
        output(TerminalWriter().render(results, reportFiles: written))
        return results
    }

    /// The command as recorded in results.json.
    private func commandLine() -> String {
        var parts = ["vectors"]
        if let vectorsDir { parts += ["--vectors-dir", vectorsDir] }
        parts += ["--report-dir", reportDir]
        for o in only { parts += ["--only", o] }
        if generated == .noGenerated { parts.append("--no-generated") }
        if let manifest { parts += ["--manifest", manifest] }
        return parts.joined(separator: " ")
    }

    private static func out(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }

    private static func parent(_ path: String) -> String {
        let p = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return p.isEmpty ? "." : p
    }

    private static func name(_ path: String) -> String {
        URL(fileURLWithPath: path).lastPathComponent
    }
}
