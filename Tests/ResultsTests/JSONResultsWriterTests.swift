import Foundation
import Results
import Testing

@Suite("results.json (docs/results.schema.json)")
struct JSONResultsWriterTests {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func schema() throws -> [String: Any] {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("docs/results.schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test("a run with every status and field validates against the published schema")
    func validatesAgainstSchema() throws {
        let bytes = try JSONResultsWriter().render(Samples.run)
        let json = try JSONSerialization.jsonObject(with: Data(bytes))
        let problems = SchemaSubsetValidator(schema: try Self.schema()).validate(json)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test("the validator is not vacuous: a wrong status, a missing id and an unknown key are caught")
    func validatorCatchesProblems() throws {
        let bytes = try JSONResultsWriter().render(Samples.run)
        var json = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        var cases = try #require(json["cases"] as? [[String: Any]])
        cases[0]["status"] = "ok"
        cases[1]["id"] = nil
        cases[2]["colour"] = "red"
        json["cases"] = cases
        let problems = SchemaSubsetValidator(schema: try Self.schema()).validate(json)
        #expect(problems.contains { $0.hasPrefix("$.cases[0].status") })
        #expect(problems.contains { $0.contains("$.cases[1]: missing required property 'id'") })
        #expect(problems.contains { $0.contains("property 'colour' is not allowed") })
    }

    @Test("summary counts each status, and the counts add up to the cases")
    func summary() throws {
        let decoded = try JSONResultsWriter.decode(try JSONResultsWriter().render(Samples.run))
        #expect(decoded.summary == Summary(passed: 2, failed: 1, unsupported: 1, skipped: 1, error: 1))
        #expect(decoded.summary.total == decoded.cases.count)
        #expect(decoded.summary.isSuccess == false)
        #expect(decoded.cases == Samples.run.cases)
    }

    @Test("output is deterministic: same input, same bytes; keys sorted; pretty")
    func deterministic() throws {
        let a = try JSONResultsWriter().render(Samples.run)
        let b = try JSONResultsWriter().render(Samples.run)
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        let topKeys = ["\"cases\"", "\"command\"", "\"seed\"", "\"summary\"", "\"tool\"", "\"version\"", "\"warnings\""]
        let positions = topKeys.compactMap { text.range(of: "\n  " + $0)?.lowerBound }
        #expect(positions.count == topKeys.count)
        #expect(positions == positions.sorted())
        #expect(text.contains("\n    {\n      \"cipher_suite\" : 1,"))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("mls/key-schedule.json"))  // slashes are not escaped
    }
}

extension Summary {
    init(passed: Int, failed: Int, unsupported: Int, skipped: Int, error: Int) {
        self.init()
        self.passed = passed
        self.failed = failed
        self.unsupported = unsupported
        self.skipped = skipped
        self.error = error
    }
}
