import Foundation
import Results
import Testing
import Vectors

/// Issue 2, "Done when": in a copy of a published vector file with one expected value changed, that case fails with
/// expected vs actual, the checksum mismatch is reported, and the other cases still run. Uses the real tree-math
/// runner and the real manifest; the copy lives in a temporary directory, never in the repository.
@Suite("A modified copy of a published file",
       .enabled(if: VectorsDirectory.published("mls/tree-math.json") != nil))
struct PublishedCopyTests {
    static var manifest: VectorManifest {
        get throws {
            try VectorManifest.load(from: ManifestTests.packageRoot.appendingPathComponent(VectorManifest.relativeLocation))
        }
    }

    @Test("tree-math.json with case 3's root changed: checksum error, case 3 fails, the other 9 pass")
    func changedRoot() throws {
        let original = try Data(contentsOf: try #require(VectorsDirectory.published("mls/tree-math.json")))
        var cases = try #require(try JSONSerialization.jsonObject(with: original) as? [[String: Any]])
        let root = try #require(cases[3]["root"] as? Int)
        cases[3]["root"] = root + 1
        let t = try TempVectors()
        let url = t.root.appendingPathComponent("mls/tree-math.json")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: cases).write(to: url)

        let suite = VectorSuite(manifest: try Self.manifest)
        let outcome = suite.run(try suite.plan(roots: [t.published]))
        let checksum = try #require(outcome.cases.first { $0.id == "mls/tree-math/checksum" })
        #expect(checksum.status == .error)
        #expect(checksum.expected == "27f04891f56106593b74b674445f01b845e173953770c084deb2f8cf5592e2fc")
        let ran = outcome.cases.filter { $0.id != "mls/tree-math/checksum" }
        #expect(ran.count == 10)
        let changed = try #require(ran.first { $0.id == "mls/tree-math/3" })
        #expect(changed.status == .failed)
        #expect(changed.expected == String(root + 1))
        #expect(changed.actual == String(root))
        #expect(changed.message?.contains("root") == true)
        #expect(ran.filter { $0.status == .passed }.count == 9)
    }

    @Test("the published directory itself verifies: no checksum errors and no unverified warnings")
    func publishedVerifies() throws {
        let root = try #require(VectorsDirectory.locate())
        let suite = VectorSuite(runners: [AcceptAll()], manifest: try Self.manifest)
        let outcome = suite.run(try suite.plan(roots: [VectorRoot(url: root, kind: .published)]))
        #expect(outcome.cases.isEmpty)
        #expect(outcome.warnings.isEmpty, "\(outcome.warnings)")
    }
}

/// Claims every file and runs nothing: isolates the manifest checks from the runners.
private struct AcceptAll: VectorRunner {
    var name: String { "accept-all" }
    func accepts(relativePath: String) -> Bool { true }
    func run(_ source: VectorSource) -> [CaseResult] { [] }
}
