import Foundation
import Results
import Testing
import Vectors

@Suite("Finding vector files and choosing runners")
struct DiscoveryTests {
    @Test("documentation, schemas and hidden files are ignored; unknown files are unrecognised; companions are not")
    func plan() throws {
        let t = try TempVectors()
        try t.write("mls/xor.json", Fixtures.xor)
        try t.write("mls/xor.hex", "00")
        try t.write("mls/PROVENANCE.md", "#")
        try t.write("content/reply.edn", "[]")
        try t.write("content/reply.pretty", "87")
        try t.write("content/schema.cddl", "x = 1")
        try t.write(".git/config", "x")
        try t.write("mls/.DS_Store", "x")
        try t.write("other/unknown.bin", "x")
        try t.write("mls/welcome.json", "[]")
        let plan = try Fixtures.suite(nil).plan(roots: [t.published])
        #expect(plan.files.map(\.runnerPath) == ["mls/welcome.json", "mls/xor.json"])
        #expect(plan.files.map(\.runner.name) == ["fake-welcome", "xor"])
        #expect(plan.unrecognised == ["other/unknown.bin"])
        #expect(plan.companions == ["mls/xor.hex"])
        #expect(Set(plan.ignored) == ["mls/PROVENANCE.md", "content/reply.edn", "content/reply.pretty", "content/schema.cddl",
                                      ".git/config", "mls/.DS_Store"])
    }

    @Test("an unrecognised file is a run warning, never a silent skip")
    func unrecognisedWarning() throws {
        let t = try TempVectors()
        try t.write("xor.json", Fixtures.xor)
        try t.write("mystery.json", "[]")
        let suite = Fixtures.suite(nil)
        let outcome = suite.run(try suite.plan(roots: [t.published]))
        #expect(outcome.warnings.contains("unrecognised vector file: mystery.json (no runner accepts it)"))
    }

    @Test("the first runner that accepts a file takes it")
    func precedence() throws {
        let t = try TempVectors()
        try t.write("mls/welcome.json", "[{\"cipher_suite\": 1}]")
        let fakeFirst = VectorSuite(runners: [FakeWelcomeRunner(), WelcomeRunner()], manifest: nil)
        #expect(try fakeFirst.plan(roots: [t.published]).files.map(\.runner.name) == ["fake-welcome"])
        let realFirst = VectorSuite(runners: [WelcomeRunner(), FakeWelcomeRunner()], manifest: nil)
        #expect(try realFirst.plan(roots: [t.published]).files.map(\.runner.name) == ["welcome"])
    }

    @Test("--only patterns select by path or file name")
    func only() throws {
        let t = try TempVectors()
        try t.write("mls/xor.json", Fixtures.xor)
        try t.write("mls/welcome.json", "[]")
        let suite = Fixtures.suite(nil)
        #expect(try suite.plan(roots: [t.published], only: [GlobPattern("xor*")]).files.map(\.runnerPath) == ["mls/xor.json"])
        #expect(try suite.plan(roots: [t.published], only: [GlobPattern("mls/**")]).files.count == 2)
        #expect(try suite.plan(roots: [t.published], only: [GlobPattern("nothing")]).files.isEmpty)
    }

    @Test("a missing root is an error naming it")
    func missingRoot() {
        let root = VectorRoot(url: URL(fileURLWithPath: "/nonexistent/mimi-vectors"), kind: .published)
        let e = #expect(throws: VectorFileError.self) { try Fixtures.suite(nil).plan(roots: [root]) }
        #expect(e?.description == "/nonexistent/mimi-vectors: no such directory")
    }

    @Test("generated vectors run without checksum checks or warnings")
    func generated() throws {
        let t = try TempVectors()
        try t.write("xor.json", Fixtures.xor)
        let suite = Fixtures.suite(Fixtures.manifest([]))
        let outcome = suite.run(try suite.plan(roots: [VectorRoot(url: t.root, kind: .generated)]))
        #expect(outcome.warnings.isEmpty)
        #expect(outcome.cases.allSatisfy { $0.warnings.isEmpty })
    }
}

@Suite("Glob patterns for --only")
struct GlobPatternTests {
    @Test("matching rules", arguments: [
        ("key-*", "mls/key-schedule.json", true),
        ("mls/*.json", "mls/key-schedule.json", true),
        ("mls/*", "mls/sub/x.json", false),
        ("mls/**", "mls/sub/x.json", true),
        ("**/x.json", "mls/sub/x.json", true),
        ("tree-???h.json", "mls/tree-math.json", true),
        ("key-schedule", "mls/key-schedule.json", true),
        ("psk*", "mls/key-schedule.json", false),
        ("mls/key-schedule.json", "mls/key-schedule.json", true),
        ("*", "a/b", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(GlobPattern(pattern).matches(path) == expected)
    }
}
