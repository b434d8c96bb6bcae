import Results

/// The rows of `mimi-harness run`'s summary table (issue 6): vectors per file, scenarios per folder. The terminal
/// writer groups cases by their source; for the table only, a scenario's source (`Scenarios/flows/leave.yaml`) is
/// replaced by its folder (`Scenarios/flows/`). The reports on disk keep each case's own source.
enum RunSummaryGrouping {
    static func forTerminal(_ results: RunResults) -> RunResults {
        var display = results
        display.cases = results.cases.map { c in
            guard c.id.hasPrefix("scenarios/"), let source = c.source, source.hasPrefix("Scenarios/") else { return c }
            var d = c
            d.source = folder(of: source)
            return d
        }
        return display
    }

    /// `Scenarios/flows/leave.yaml` → `Scenarios/flows/`; `Scenarios/x.yaml` → `Scenarios/`.
    static func folder(of source: String) -> String {
        guard let slash = source.lastIndex(of: "/") else { return source }
        return String(source[...slash])
    }
}
