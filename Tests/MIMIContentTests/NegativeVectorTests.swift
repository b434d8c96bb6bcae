import Testing
import Foundation
import Results
import Vectors

/// The project's negative vectors (Vectors/generated/mimi-content-negative): each is rejected with its named error.
struct NegativeVectorTests {
    static var directory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Vectors/generated/mimi-content-negative")
    }

    static var files: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    @Test func atLeastFortyVectorsOneRuleEach() throws {
        #expect(Self.files.count >= 40)
        var expected = Set<String>()
        for f in Self.files {
            let v = try JSONDecoder().decode(ContentNegativeVector.self, from: Data(contentsOf: f))
            expected.insert(v.expected_error)
        }
        #expect(expected.count >= 40, "distinct expected errors: \(expected.count)")
    }

    @Test func everyVectorIsRejectedWithItsError() throws {
        let runner = ContentNegativeRunner()
        for f in Self.files {
            let rel = "mimi-content-negative/" + f.lastPathComponent
            #expect(runner.accepts(relativePath: rel))
            let results = runner.run(VectorSource(url: f, relativePath: rel, bytes: [UInt8](try Data(contentsOf: f))))
            #expect(results.count == 1)
            #expect(results.first?.status == .passed, "\(rel): \(results.first?.message ?? "")")
            #expect(results.first?.id == "mimi-content-negative/" + f.deletingPathExtension().lastPathComponent)
        }
    }

    @Test func aWrongExpectationFails() throws {
        let f = try #require(Self.files.first)
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: f)) as? [String: Any])
        json["expected_error"] = "cbor.duplicateMapKey"
        let bytes = [UInt8](try JSONSerialization.data(withJSONObject: json))
        let result = ContentNegativeRunner().run(VectorSource(url: f, relativePath: "mimi-content-negative/x.json", bytes: bytes))
        #expect(result.first?.status == .failed)
        #expect(result.first?.expected == "cbor.duplicateMapKey")
    }
}
