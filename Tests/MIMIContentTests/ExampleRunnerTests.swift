import Testing
import Foundation
import Results
import Vectors

/// `mimi-harness vectors` over the published content and message-status examples.
@Suite(.enabled(if: Examples.available, "published vectors not found"))
struct ExampleRunnerTests {
    func run(_ rel: String) throws -> CaseResult {
        let url = try #require(VectorsDirectory.published(rel))
        let runner = ContentExampleRunner()
        #expect(runner.accepts(relativePath: rel))
        let results = runner.run(VectorSource(url: url, relativePath: rel, bytes: [UInt8](try Data(contentsOf: url))))
        return try #require(results.first)
    }

    @Test(arguments: Examples.names)
    func everyExamplePasses(name: String) throws {
        let r = try run("mimi-content/draft-08-editors-copy/\(name).cbor")
        #expect(r.status == .passed, "\(r.message ?? "")")
        #expect(r.id == "mimi-content/draft-08-editors-copy/\(name)")
        #expect(r.checks.count >= 7 && r.checks.allSatisfy(\.passed))
    }

    @Test func knownDefectsAreReportedAsVectorDefects() throws {
        for rel in ["mimi-content/draft-08-editors-copy/implied-original.cbor",
                    "mimi-content/draft-08-editors-copy/md-inline-stale/reply.hex",
                    "mimi-content/draft-08-editors-copy/md-inline-stale/reaction.hex"] {
            let r = try run(rel)
            #expect(r.status == .skipped, "\(rel): \(r.status) \(r.message ?? "")")
            #expect(r.message?.hasPrefix("vector defect:") == true)
            #expect(r.message?.contains("01b0084467273cc43d6f0ebeac13eb84229c4fffe8f6c3594c905f47779e5a79") == true)
            #expect(r.warnings.count == 1)
        }
    }

    @Test func messageStatusExamplePasses() throws {
        let r = try run("mimi-message-status/status.cbor")
        #expect(r.status == .passed, "\(r.message ?? "")")
        #expect(r.id == "mimi-message-status/status")
        #expect(r.checks.map(\.description).contains("entry 2: the -08 ID of 'mention' is unread"))
    }

    @Test func acceptsOnlyItsFiles() {
        let runner = ContentExampleRunner()
        #expect(!runner.accepts(relativePath: "mimi-content/draft-08-editors-copy/original.json"))
        #expect(!runner.accepts(relativePath: "mimi-content/draft-08-editors-copy/original.hex"))
        #expect(!runner.accepts(relativePath: "mimi-content-negative/001-x.json"))
        #expect(!runner.accepts(relativePath: "mls/tree-math.json"))
        #expect(ContentExampleRunner.isSidecar(relativePath: "mimi-content/draft-08-editors-copy/original.edn"))
    }

    @Test func aTamperedExampleFails() throws {
        let rel = "mimi-content/draft-08-editors-copy/original.cbor"
        let url = try #require(VectorsDirectory.published(rel))
        var bytes = [UInt8](try Data(contentsOf: url))
        bytes[bytes.count - 1] ^= 1
        let r = ContentExampleRunner().run(VectorSource(url: url, relativePath: rel, bytes: bytes))
        #expect(r.first?.status == .failed)
        #expect(r.first?.message?.contains("message ID") == true)
    }
}
