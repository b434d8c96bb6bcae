import Foundation

/// Progress of a long run, on stderr so that stdout stays the summary.
///
/// On a terminal it redraws one status line per step; otherwise (CI logs) it prints a counter line each time
/// another `every` cases have finished, and once at the end, so that logs stay short.
public final class ProgressReporter {
    /// How progress is shown: redrawn on a terminal, counter lines in CI logs, or not at all.
    public enum Mode: Sendable, Equatable {
        /// Redraw a single line (stderr is a terminal).
        case interactive
        /// A line every N cases.
        case counter(every: Int)
        /// Nothing.
        case silent
    }

    public let mode: Mode
    private let totalSteps: Int
    private var steps = 0
    private var cases = 0
    private var lastReported = 0
    private var summary = Summary()
    private let sink: (String) -> Void

    /// `totalSteps` is the number of units (files) expected; `sink` receives text as it is produced.
    public init(mode: Mode, totalSteps: Int, sink: @escaping (String) -> Void = ProgressReporter.standardError) {
        self.mode = mode
        self.totalSteps = totalSteps
        self.sink = sink
    }

    /// Interactive when stderr is a terminal, else a counter line every `every` cases.
    public static func automaticMode(every: Int = 100) -> Mode {
        isatty(STDERR_FILENO) == 1 ? .interactive : .counter(every: every)
    }

    public static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Records that one unit (`label`) finished with `results`.
    public func finished(_ label: String, results: [CaseResult]) {
        steps += 1
        cases += results.count
        for r in results { summary.add(r.status) }
        switch mode {
        case .silent:
            return
        case .interactive:
            let line = "[\(steps)/\(totalSteps)] \(cases) cases, \(summary.passed) passed, \(summary.failed) failed, "
                + "\(summary.error) error: \(label)"
            sink("\r\u{1B}[2K" + line)
        case .counter(let every):
            if every > 0, cases / every > lastReported / every {
                sink("… \(cases) cases done (\(steps)/\(totalSteps) files), \(summary.failed) failed, \(summary.error) error\n")
                lastReported = cases
            }
        }
    }

    /// Ends the progress display (clears the interactive line; prints the final count in counter mode).
    public func done() {
        switch mode {
        case .silent: return
        case .interactive: sink("\r\u{1B}[2K")
        case .counter:
            if cases != lastReported {
                sink("… \(cases) cases done (\(steps)/\(totalSteps) files), \(summary.failed) failed, \(summary.error) error\n")
                lastReported = cases
            }
        }
    }
}
