import ArgumentParser
import Foundation
import Scenario

/// `mimi-harness replay BUNDLE`: re-runs a reproduction bundle (written by a failing scenario into
/// `<report-dir>/bundles/`) with its seed, and reports whether the failure reproduced: same status, same failing
/// check with the same expected and actual values, and a byte-identical wire transcript.
public struct ReplayCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Re-run a failing scenario's reproduction bundle and say whether the failure reproduces.",
        discussion: """
        A bundle is the directory a failing case wrote below <report-dir>/bundles/: bundle.json (seed, world, \
        failure), transcript.json and a copy of the scenario file.

        Exit status: 0 when the failure reproduced exactly, 1 when it did not (or the bundle cannot be replayed), \
        64 on a usage error.

        Examples:
          mimi-harness replay Reports/latest/bundles/scenarios-flows-leave
          mimi-harness replay Reports/latest/bundles/scenarios-flows-leave/bundle.json --transport http
        """
    )

    @Argument(help: ArgumentHelp("A bundle directory or its bundle.json.", valueName: "bundle"))
    var bundle: String

    @Option(name: .customLong("transport"), help: ArgumentHelp("How the embedded providers talk: inprocess or http.", valueName: "transport"))
    var transport: String = EmbeddedWorld.Transport.inprocess.rawValue

    public init() {}

    public func validate() throws {
        if !FileManager.default.fileExists(atPath: bundle) {
            throw ValidationError("'\(bundle)' does not exist. Give a bundle directory, e.g. Reports/latest/bundles/scenarios-flows-leave.")
        }
        if EmbeddedWorld.Transport(rawValue: transport) == nil {
            throw ValidationError("--transport must be one of \(EmbeddedWorld.Transport.allCases.map(\.rawValue).joined(separator: ", ")); got '\(transport)'.")
        }
    }

    public func run() async throws {
        guard let t = EmbeddedWorld.Transport(rawValue: transport), let factory = EmbeddedWorld.factory(transport: t) else {
            Self.err("cannot replay: \(EmbeddedWorld.unavailableReason)\n")
            throw ExitCode(1)
        }
        let report: Replay.Report
        do {
            report = try await Replay.run(bundleAt: URL(fileURLWithPath: bundle), factory: factory)
        } catch {
            Self.err("cannot replay \(bundle): \(error)\n")
            throw ExitCode(1)
        }
        FileHandle.standardOutput.write(Data((report.summary + "\n").utf8))
        if !report.reproduced { throw ExitCode(1) }
    }

    static func err(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
