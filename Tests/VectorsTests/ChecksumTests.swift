import Foundation
import Results
import Testing
import Vectors

@Suite("Manifest checksums (issue 2 item 6)")
struct ChecksumTests {
    @Test("a listed file whose SHA-256 differs is an error naming both digests, and its cases still run")
    func mismatch() throws {
        let t = try TempVectors()
        let changed = Fixtures.xor.replacingOccurrences(of: "\"out\": \"00\"", with: "\"out\": \"01\"")
        try t.write("mls/xor.json", changed)
        let suite = Fixtures.suite(Fixtures.manifest([("mls/xor.json", Fixtures.xor)]))
        let outcome = suite.run(try suite.plan(roots: [t.published]))
        let checksum = try #require(outcome.cases.first { $0.id == "mls/xor/checksum" })
        #expect(checksum.status == .error)
        #expect(checksum.expected == FileDigest.sha256(Array(Fixtures.xor.utf8)))
        #expect(checksum.actual == FileDigest.sha256(Array(changed.utf8)))
        #expect(checksum.message?.contains("expected \(checksum.expected ?? "?"), actual \(checksum.actual ?? "?")") == true)
        #expect(checksum.source == "mls/xor.json")
        // The file's own cases ran: the changed one fails with expected vs actual, the others pass.
        let statuses = outcome.cases.filter { $0.id.hasPrefix("test/xor/") }.map(\.status)
        #expect(statuses == [.passed, .failed, .passed])
        let failed = try #require(outcome.cases.first { $0.id == "test/xor/1" })
        #expect(failed.expected == "01")
        #expect(failed.actual == "00")
        #expect(failed.message?.contains("out") == true)
        #expect(failed.warnings.contains { $0.hasPrefix("checksum mismatch: mls/xor.json") })
    }

    @Test("a listed file with the right digest runs with no warning")
    func verified() throws {
        let t = try TempVectors()
        try t.write("mls/xor.json", Fixtures.xor)
        let suite = Fixtures.suite(Fixtures.manifest([("mls/xor.json", Fixtures.xor)]))
        let outcome = suite.run(try suite.plan(roots: [t.published]))
        #expect(outcome.warnings.isEmpty)
        #expect(outcome.cases.map(\.status) == [.passed, .passed, .passed])
        #expect(outcome.cases.allSatisfy { $0.warnings.isEmpty })
    }

    @Test("a byte-identical copy is verified wherever it lies")
    func copyElsewhere() throws {
        let t = try TempVectors()
        try t.write("flat/xor.json", Fixtures.xor)
        let suite = Fixtures.suite(Fixtures.manifest([("mls/xor.json", Fixtures.xor)]))
        let outcome = suite.run(try suite.plan(roots: [VectorRoot(url: t.root.appendingPathComponent("flat"), kind: .published)]))
        #expect(outcome.warnings.isEmpty)
        #expect(!outcome.cases.contains { $0.id.hasSuffix("/checksum") })
    }

    @Test("a file not in the manifest runs with an unverified-source warning on the run and on each case")
    func unlisted() throws {
        let t = try TempVectors()
        try t.write("vendor/xor.json", Fixtures.xor)
        let suite = Fixtures.suite(Fixtures.manifest([("mls/other.json", "[]")]))
        let outcome = suite.run(try suite.plan(roots: [t.published]))
        #expect(outcome.cases.map(\.status) == [.passed, .passed, .passed])
        #expect(outcome.warnings.count == 1)
        #expect(outcome.warnings.first?.hasPrefix("unverified source: vendor/xor.json is not listed in Vectors/manifest.json (sha256 ") == true)
        #expect(outcome.cases.allSatisfy { $0.warnings == ["unverified source: vendor/xor.json is not listed in Vectors/manifest.json"] })
    }

    @Test("a modified copy in a flat directory: a warning (not an error) reporting the checksum mismatch with both digests")
    func sameNameElsewhere() throws {
        let t = try TempVectors()
        let changed = Fixtures.xor.replacingOccurrences(of: "\"out\": \"f00f\"", with: "\"out\": \"f00e\"")
        try t.write("vendor/xor.json", changed)
        let suite = Fixtures.suite(Fixtures.manifest([("mls/xor.json", Fixtures.xor)]))
        let outcome = suite.run(try suite.plan(roots: [t.published]))
        #expect(outcome.cases.map(\.status) == [.failed, .passed, .passed])
        #expect(!outcome.cases.contains { $0.id.hasSuffix("/checksum") })
        let published = FileDigest.sha256(Array(Fixtures.xor.utf8))
        let actual = FileDigest.sha256(Array(changed.utf8))
        #expect(outcome.warnings == ["unverified source: vendor/xor.json is not at a listed path in Vectors/manifest.json, and its "
            + "SHA-256 differs from the published mls/xor.json of the same name (checksum mismatch: expected \(published), "
            + "actual \(actual)): it is a modified copy or another file; its cases ran"])
        #expect(outcome.cases.allSatisfy {
            $0.warnings == ["unverified source: vendor/xor.json differs from the published mls/xor.json (checksum mismatch)"]
        })
    }

    @Test("without a manifest, the run says so and every published file is unverified")
    func noManifest() throws {
        let t = try TempVectors()
        try t.write("xor.json", Fixtures.xor)
        let suite = Fixtures.suite(nil)
        let outcome = suite.run(try suite.plan(roots: [t.published]))
        #expect(outcome.warnings.contains { $0.hasPrefix("no vector manifest") })
        #expect(outcome.warnings.contains { $0.hasPrefix("unverified source: xor.json") })
    }

    @Test("manifest matching takes the longest listed path that ends the file's path")
    func matching() {
        let m = Fixtures.manifest([("mls/xor.json", "a"), ("x/mls/xor.json", "b"), ("content/reply.json", "c"),
                                   ("content/stale/reply.json", "d")])
        #expect(m.match(absolutePath: "/v/x/mls/xor.json") == .listed(m.files[1]))
        #expect(m.match(absolutePath: "/v/mls/xor.json") == .listed(m.files[0]))
        #expect(m.match(absolutePath: "/v/notmls/xor.json") == .unlisted(sameName: nil))
        #expect(m.match(absolutePath: "/v/reply.json") == .unlisted(sameName: nil))
        #expect(m.match(absolutePath: "/v/flat/tree.json") == .unlisted(sameName: nil))
    }
}
