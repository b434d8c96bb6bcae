/// Cases grouped by the file they came from, in first-seen order: one row of the terminal summary, one
/// `<testsuite>` of junit.xml.
public struct ResultGroup: Sendable, Hashable {
    /// The source file (`mls/key-schedule.json`), or the id prefix when a case names no source.
    public let source: String
    public let cases: [CaseResult]
}

/// Grouping of a run's cases for the writers (issue 2 item 7: the terminal table and junit.xml testsuites).
public enum ResultGrouping {
    /// Groups `cases` by ``CaseResult/source`` (or the id without its last component), keeping first-seen order.
    public static func bySource(_ cases: [CaseResult]) -> [ResultGroup] {
        var order: [String] = []
        var buckets: [String: [CaseResult]] = [:]
        for c in cases {
            let key = sourceKey(c)
            if buckets[key] == nil { order.append(key) }
            buckets[key, default: []].append(c)
        }
        return order.map { ResultGroup(source: $0, cases: buckets[$0] ?? []) }
    }

    static func sourceKey(_ c: CaseResult) -> String {
        if let s = c.source, !s.isEmpty { return s }
        if let slash = c.id.lastIndex(of: "/") { return String(c.id[..<slash]) }
        return c.id
    }
}
