import Foundation
import Testing
import Vectors

@Suite("Vectors/manifest.json")
struct ManifestTests {
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func manifest() throws -> VectorManifest {
        try VectorManifest.load(from: packageRoot.appendingPathComponent(VectorManifest.relativeLocation))
    }

    @Test("loads, and lists every published family with source, pinned commit and digest")
    func loads() throws {
        let m = try Self.manifest()
        #expect(m.files.count == 110)
        #expect(m.files.filter { $0.path.hasPrefix("mls/") }.count == 16)
        #expect(m.files.filter { $0.path.hasPrefix("mls-interop/configs/") }.count == 8)
        #expect(m.files.filter { $0.path.hasPrefix("mimi-message-status/") }.count == 5)
        #expect(m.files.contains { $0.path.hasPrefix("mimi-content/draft-08-editors-copy/") })
        for e in m.files {
            #expect(e.commit.count == 40, "\(e.path)")
            #expect(e.origin == "upstream" ? e.repositoryPath != nil : e.derivedFrom != nil, "\(e.path)")
        }
        #expect(Set(m.files.map(\.path)).count == m.files.count)
        let ks = try #require(m.files.first { $0.path == "mls/key-schedule.json" })
        #expect(ks.sha256 == "05aa9a68bd2538ace72d8c53375984cc728ef62220ebf314df675708546d97a7")
        #expect(ks.repository == "mlswg/mls-implementations")
        #expect(ks.repositoryPath == "test-vectors/key-schedule.json")
    }

    @Test("every listed file present in the vectors directory has the listed digest",
          .enabled(if: VectorsDirectory.published("mls/tree-math.json") != nil))
    func digestsMatchPublishedFiles() throws {
        let root = try #require(VectorsDirectory.locate())
        var checked = 0
        for e in try Self.manifest().files {
            let url = root.appendingPathComponent(e.path)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            #expect(FileDigest.sha256(Array(data)) == e.sha256, "\(e.path)")
            checked += 1
        }
        #expect(checked > 0)
    }

    @Test("no published file is copied into the repository")
    func notCopied() throws {
        let digests = Set(try Self.manifest().files.map(\.sha256))
        let fm = FileManager.default
        var offenders: [String] = []
        for dir in ["Vectors", "Sources", "Tests", "docs", "Scenarios"] {
            let base = Self.packageRoot.appendingPathComponent(dir)
            guard let subpaths = try? fm.subpathsOfDirectory(atPath: base.path) else { continue }
            for sub in subpaths where !sub.hasPrefix("published") {
                guard let data = fm.contents(atPath: base.appendingPathComponent(sub).path), !data.isEmpty else { continue }
                if digests.contains(FileDigest.sha256(Array(data))) { offenders.append(dir + "/" + sub) }
            }
        }
        #expect(offenders.isEmpty)
    }

    @Test("a malformed manifest is an error naming the field")
    func malformed() throws {
        let t = try TempVectors()
        let url = try t.write("manifest.json", "{\"version\": 1, \"files\": [{\"path\": \"a\", \"sha256\": \"XYZ\", \"origin\": \"upstream\", \"repository\": \"r\", \"commit\": \"c\"}]}")
        let e = #expect(throws: VectorFileError.self) { try VectorManifest.load(from: url) }
        #expect(e?.detail.contains("files.[0].sha256") == true)
        let url2 = try t.write("manifest2.json", "{\"version\": 1}")
        let e2 = #expect(throws: VectorFileError.self) { try VectorManifest.load(from: url2) }
        #expect(e2?.detail.contains("missing field 'files'") == true)
    }
}
