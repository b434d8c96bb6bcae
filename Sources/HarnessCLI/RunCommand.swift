import ArgumentParser
import Foundation
import Results
import Scenario
import Vectors

/// `mimi-harness run`: the main job (issue 6). Runs every published test vector and every scenario in `Scenarios/`
/// against the embedded simulated implementations, shows progress, prints a summary table (vectors per file,
/// scenarios per folder) and writes results.json, junit.xml, summary.md, report.html and, for failing scenarios,
/// reproduction bundles into the report directory. Exit code 0 only when nothing failed or errored.
public struct RunCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "The main job: run every test vector and every scenario, print a summary and write the reports.",
        discussion: """
        With no PATHS, runs every vector file (found like 'mimi-harness vectors': --vectors-dir, else \
        $MIMI_VECTORS_DIR, else Vectors/published/, else ../shared/vectors/; plus Vectors/generated/) and every \
        scenario file below Scenarios/ (or --scenarios-dir). PATHS narrow the run: a path inside the scenarios \
        directory, a .yaml/.yml file, or a folder holding .yaml/.yml files selects scenarios; any other file or \
        folder selects vector files. When PATHS name only scenarios no vectors run, and the other way round.

        Scenario case ids are scenarios/<path below Scenarios/ without extension> (scenarios/flows/create-room); \
        vector case ids are mls/<file>/<index> and the like. --seed replaces every scenario's own seed.

        Reports (in --report-dir, default Reports/latest): results.json (docs/results.schema.json), junit.xml \
        (validates against docs/junit.xsd), summary.md (for a CI step summary), report.html (self-contained), and \
        bundles/<case>/ for each scenario that did not pass: replay one with 'mimi-harness replay'. Stale bundles \
        from an earlier run in the same directory are removed first. 'mimi-harness report results.json' rebuilds \
        every format from a stored run.

        When the embedded simulated world is not available in this build, every selected scenario is reported as \
        'error' (a defect of the harness, not a limitation of an implementation), with the reason; the scenario \
        file is still loaded and checked, so a mistake in it is reported at its file:line:column instead.

        Exit status: 0 when nothing failed or errored (unsupported and skipped cases do not fail a run), 1 when a \
        case failed or errored or no case ran, 64 on a usage error.

        Examples:
          mimi-harness run
          mimi-harness run Scenarios/flows Scenarios/policy/banned-cannot-rejoin.yaml
          mimi-harness run --transport http --seed 7 --report-dir /tmp/r
          mimi-harness run --no-scenarios --vectors-dir ../shared/vectors/mls
          mimi-harness run ../shared/vectors/mls/key-schedule.json
          cat Reports/latest/summary.md >> "$GITHUB_STEP_SUMMARY"
        """
    )

    @Argument(help: ArgumentHelp("Scenario files or folders, vector files or folders. Default: everything.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .customLong("transport"), help: ArgumentHelp("How the embedded providers talk: inprocess or http.", valueName: "transport"))
    var transport: String = EmbeddedWorld.Transport.inprocess.rawValue

    @Option(name: .customLong("seed"), help: ArgumentHelp("Seed for every scenario, replacing each scenario's own.", valueName: "n"))
    var seed: UInt64?

    @Option(name: .customLong("report-dir"), help: ArgumentHelp("Where the reports are written.", valueName: "dir"))
    var reportDir: String = ReportOutput.defaultDirectory

    @Option(name: .customLong("vectors-dir"), help: ArgumentHelp("Directory of published vector files, searched recursively.", valueName: "dir"))
    var vectorsDir: String?

    @Option(name: .customLong("scenarios-dir"), help: ArgumentHelp("Directory of scenario files (default: Scenarios/).", valueName: "dir"))
    var scenariosDir: String?

    @Option(name: .customLong("requirements"), help: ArgumentHelp("The requirement registry (default: docs/requirements.yaml).", valueName: "file"))
    var requirements: String?

    @Flag(name: .customLong("no-vectors"), help: "Do not run the test vectors.")
    var noVectors = false

    @Flag(name: .customLong("no-scenarios"), help: "Do not run the scenarios.")
    var noScenarios = false

    @Flag(name: .customLong("no-generated"), help: "Leave out the vectors this project generated (Vectors/generated/).")
    var noGenerated = false

    @Flag(name: .customLong("long"), help: "Also run long cases (the 1,670-step deep_random MLS interop script in every suite; minutes in a debug build). Without it they are reported skipped.")
    var long = false

    @Flag(name: .customLong("no-progress"), help: "Do not print progress to stderr.")
    var noProgress = false

    public init() {}

    public func validate() throws {
        if EmbeddedWorld.Transport(rawValue: transport) == nil {
            throw ValidationError("--transport must be one of \(EmbeddedWorld.Transport.allCases.map(\.rawValue).joined(separator: ", ")); "
                + "got '\(transport)'. Example: --transport http.")
        }
        if reportDir.isEmpty {
            throw ValidationError("--report-dir is empty. Give a directory, e.g. --report-dir Reports/latest.")
        }
        if noVectors && noScenarios {
            throw ValidationError("--no-vectors and --no-scenarios together leave nothing to run. Drop one of them.")
        }
        for (flag, value) in [("--vectors-dir", vectorsDir), ("--scenarios-dir", scenariosDir)] {
            guard let value else { continue }
            if !FileManager.default.fileExists(atPath: value) {
                throw ValidationError("\(flag) '\(value)' does not exist. Give a directory, or leave \(flag) out for the default.")
            }
            if !VectorSession.isDirectory(value) {
                throw ValidationError("\(flag) '\(value)' is a file, not a directory. To run one file, give it as a path: "
                    + "mimi-harness run \(value).")
            }
        }
        if let requirements, !FileManager.default.fileExists(atPath: requirements) {
            throw ValidationError("--requirements '\(requirements)' does not exist. Leave it out to use docs/requirements.yaml.")
        }
        for p in paths where !FileManager.default.fileExists(atPath: p) {
            throw ValidationError("'\(p)' does not exist. Give scenario or vector files or folders, e.g. "
                + "mimi-harness run Scenarios/flows, or no path to run everything.")
        }
    }

    public func run() async throws {
        let results = try await execute(output: Self.out, progressMode: noProgress ? .silent : ProgressReporter.automaticMode(every: 200))
        let status = Self.exitStatus(results.summary)
        if status != 0 { throw ExitCode(status) }
    }

    /// 0 when nothing failed or errored and at least one case ran; else 1.
    public static func exitStatus(_ summary: Summary) -> Int32 {
        summary.isSuccess && summary.total > 0 ? 0 : 1
    }

    /// Which world the scenarios run in.
    public enum WorldChoice: Sendable {
        /// ``EmbeddedWorld/factory(transport:)`` for `--transport` (nil while the embedded world is missing).
        case embedded
        /// This factory, or none (tests).
        case given((any ScenarioWorldFactory)?)
    }

    /// Runs the selection, writes the reports and returns the results; `output` receives what goes to stdout.
    public func execute(output: (String) -> Void, progressMode: ProgressReporter.Mode,
                        world: WorldChoice = .embedded) async throws -> RunResults {
        let cwd = FileManager.default.currentDirectoryPath
        let scenariosRoot = Self.scenariosRoot(explicit: scenariosDir, workingDirectory: cwd)
        let vectorSession: VectorSession? = noVectors ? nil
            : try VectorSession.open(vectorsDir: vectorsDir, manifest: nil, includeGenerated: !noGenerated, long: long)
        let selection = try RunSelection.classify(paths, scenariosRoot: scenariosRoot,
                                                  vectorRoots: vectorSession?.roots.map(\.url) ?? [], workingDirectory: cwd)
        if noScenarios, let p = selection.scenarioPaths.first {
            throw ValidationError("'\(p.path)' is a scenario path, but --no-scenarios was given. Drop one of them.")
        }
        if noVectors, let p = selection.vectorPaths.first {
            throw ValidationError("'\(p.path)' is a vector path, but --no-vectors was given. Drop one of them.")
        }
        let runVectors = !noVectors && (paths.isEmpty || !selection.vectorPaths.isEmpty)
        let runScenarios = !noScenarios && (paths.isEmpty || !selection.scenarioPaths.isEmpty)

        var warnings: [String] = []
        var cases: [CaseResult] = []
        let registry = try RequirementRegistry.locate(explicit: requirements).map { try RequirementRegistry.load($0) }
        if registry == nil {
            warnings.append("no requirement registry found (\(RequirementRegistry.relativePath)): reports have no coverage "
                + "and scenario citations are not checked")
        }

        // What runs.
        var header = ""
        var vectorPlan: VectorPlan?
        if runVectors {
            if let vectorSession {
                header += vectorSession.header
                vectorPlan = try selection.vectorPaths.isEmpty ? vectorSession.plan(only: [])
                    : vectorSession.plan(paths: selection.vectorPaths)
            } else {
                cases.append(CaseResult(id: "vectors/directory", status: .error,
                                        message: VectorSession.notFoundMessage(explicit: vectorsDir) + " Or leave the vectors out: --no-vectors.",
                                        source: "vectors"))
            }
        }
        var scenarioFiles: [(url: URL, relativePath: String)] = []
        let transportKind = EmbeddedWorld.Transport(rawValue: transport) ?? .inprocess
        let factory: (any ScenarioWorldFactory)?
        switch world {
        case .embedded: factory = EmbeddedWorld.factory(transport: transportKind)
        case .given(let f): factory = f
        }
        if runScenarios {
            if selection.scenarioPaths.isEmpty && !VectorSession.isDirectory(scenariosRoot.path) {
                cases.append(CaseResult(id: "scenarios/directory", status: .error,
                                        message: "no scenarios directory at \(scenariosRoot.path). Run from the package root, "
                                            + "pass --scenarios-dir DIR, or leave the scenarios out: --no-scenarios.",
                                        source: "Scenarios"))
            } else {
                do {
                    scenarioFiles = try ScenarioSelection.files(selection.scenarioPaths.map(\.path), root: scenariosRoot, workingDirectory: cwd)
                } catch {
                    throw ValidationError("\(error). Give scenario files (.yaml, .yml, .json) or folders holding them.")
                }
            }
            header += "Scenarios: \(scenariosRoot.path) (\(scenarioFiles.count) files)\n"
            header += "World:     " + (factory.map { "\($0.name) (--transport \(transportKind.rawValue))" }
                                       ?? "missing: \(EmbeddedWorld.unavailableReason); every scenario is reported as error") + "\n"
            if let seed { header += "Seed:      \(seed) (replaces each scenario's seed)\n" }
        }
        output(header)

        // Run: vectors file by file, then scenarios one by one.
        let progress = ProgressReporter(mode: progressMode, totalSteps: (vectorPlan?.files.count ?? 0) + scenarioFiles.count)
        if let vectorSession, let vectorPlan {
            let outcome = vectorSession.run(vectorPlan) { planned, results in progress.finished(planned.runnerPath, results: results) }
            cases += outcome.cases
            warnings += outcome.warnings
        }
        let bundles = URL(fileURLWithPath: reportDir, isDirectory: true).appendingPathComponent("bundles", isDirectory: true)
        if runScenarios {
            Self.removeStaleBundles(in: bundles)
            for (url, rel) in scenarioFiles {
                let result: CaseResult
                if let factory {
                    let runner = ScenarioRunner(factory: factory, seedOverride: seed, bundleDirectory: bundles,
                                                knownRequirements: registry?.ids)
                    result = await runner.run(file: url, relativePath: rel)
                } else {
                    result = Self.notRun(url, relativePath: rel, knownRequirements: registry?.ids)
                }
                progress.finished("Scenarios/" + rel, results: [result])
                cases.append(result)
            }
        }
        progress.done()

        let results = RunResults(command: commandLine(), seed: seed, cases: cases, warnings: warnings)
        var written = try ReportOutput.write(results, to: reportDir, writers: ScenarioReportWriters.all(for: results, registry: registry))
        if VectorSession.isDirectory(bundles.path) { written.append(bundles.path + "/") }
        output(TerminalWriter().render(RunSummaryGrouping.forTerminal(results), reportFiles: written))
        return results
    }

    /// The error case of a scenario that cannot run because the embedded world is missing: the file is still loaded,
    /// so a mistake in it is reported at its location instead.
    static func notRun(_ url: URL, relativePath: String, knownRequirements: Set<String>?) -> CaseResult {
        let id = ScenarioLoader.caseId(relativePath: relativePath)
        let source = "Scenarios/" + relativePath
        do {
            let scenario = try ScenarioLoader.load(url, displayPath: source, knownRequirements: knownRequirements)
            return CaseResult(id: id, status: .error, requirements: scenario.requirements,
                              message: "not run: \(EmbeddedWorld.unavailableReason). The built-in simulated world is part of "
                                + "the harness, so this is a harness defect, not a limitation of an implementation.",
                              source: scenario.source)
        } catch {
            return CaseResult(id: id, status: .error, message: "\(error)", source: source)
        }
    }

    /// `--scenarios-dir`, else `Scenarios/` below the working directory, else below the package this binary was
    /// built from (a development build run from elsewhere), else the working directory's (reported as missing).
    static func scenariosRoot(explicit: String?, workingDirectory: String) -> URL {
        if let explicit {
            return URL(fileURLWithPath: explicit.hasPrefix("/") ? explicit : workingDirectory + "/" + explicit).standardizedFileURL
        }
        let local = ScenarioSelection.defaultRoot(workingDirectory: workingDirectory)
        if VectorSession.isDirectory(local.path) { return local }
        if let root = ProjectLayout.packageRoot(workingDirectory: workingDirectory) {
            let built = root.appendingPathComponent("Scenarios", isDirectory: true)
            if VectorSession.isDirectory(built.path) { return built }
        }
        return local
    }

    /// Removes reproduction bundles an earlier run left in `dir` (subdirectories holding a bundle.json), so that the
    /// bundles present are this run's. Nothing else is touched.
    static func removeStaleBundles(in dir: URL) {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil) else { return }
        for e in entries where fm.fileExists(atPath: e.appendingPathComponent("bundle.json").path) {
            try? fm.removeItem(at: e)
        }
        if (try? fm.contentsOfDirectory(atPath: dir.path))?.isEmpty == true { try? fm.removeItem(at: dir) }
    }

    /// The command as recorded in results.json.
    func commandLine() -> String {
        var parts = ["run"] + paths
        if transport != EmbeddedWorld.Transport.inprocess.rawValue { parts += ["--transport", transport] }
        if let seed { parts += ["--seed", String(seed)] }
        parts += ["--report-dir", reportDir]
        if let vectorsDir { parts += ["--vectors-dir", vectorsDir] }
        if let scenariosDir { parts += ["--scenarios-dir", scenariosDir] }
        if let requirements { parts += ["--requirements", requirements] }
        if noVectors { parts.append("--no-vectors") }
        if noScenarios { parts.append("--no-scenarios") }
        if noGenerated { parts.append("--no-generated") }
        return parts.joined(separator: " ")
    }

    private static func out(_ s: String) {
        FileHandle.standardOutput.write(Data(s.utf8))
    }
}
