import Results

/// Every report format of a run: results.json and junit.xml (``ReportOutput/standardWriters``), then summary.md and
/// report.html with requirement coverage from the registry. `mimi-harness run` and `mimi-harness report` both use
/// it, so a stored run rebuilds into exactly what the run wrote.
public enum ScenarioReportWriters {
    public static func all(for results: RunResults, registry: RequirementRegistry?) -> [any ReportWriter] {
        let coverage = registry.map { Coverage(registry: $0, cases: results.cases).report }
        return ReportOutput.standardWriters + [MarkdownSummaryWriter(coverage: coverage), HTMLReportWriter(coverage: coverage)]
    }
}
