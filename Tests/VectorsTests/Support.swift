import Foundation
import Results
import TLSCodec
import Vectors

/// A temporary directory of vector files, removed when the test ends.
final class TempVectors: @unchecked Sendable {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("mimi-vectors-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    var published: VectorRoot { VectorRoot(url: root, kind: .published) }
}

/// A toy vector kind defined by the test: `xor.json`, an array of `{cipher_suite?, a, b, out}` with
/// out = a XOR b, all hex. It follows the runner conventions: a file it cannot parse is one error case, a case
/// with a bad field is an error case naming the field, and a wrong value is a failed case with expected vs actual.
struct XorRunner: VectorRunner {
    struct XorCase: Decodable {
        let cipher_suite: UInt16?
        let a: HexBytes
        let b: HexBytes
        let out: HexBytes
    }

    var name: String { "xor" }

    func accepts(relativePath: String) -> Bool {
        VectorFileRules.fileName(relativePath) == "xor.json"
    }

    func run(_ source: VectorSource) -> [CaseResult] {
        let prefix = "test/" + source.stem
        let cases: [Result<XorCase, any Error>]
        do {
            cases = try VectorJSON.decodeCases(XorCase.self, from: source)
        } catch {
            return [CaseResult(id: prefix + "/file", status: .error, message: "\(error)", source: source.relativePath)]
        }
        return cases.enumerated().map { i, decoded in
            switch decoded {
            case .failure(let e):
                return CaseResult(id: "\(prefix)/\(i)", status: .error,
                                  message: "\(source.relativePath): \(VectorJSON.describe(e))", source: source.relativePath)
            case .success(let c):
                return VectorCase.run(id: "\(prefix)/\(i)", source: source.relativePath, cipherSuite: c.cipher_suite,
                                      requirements: ["test §1"]) {
                    try VectorCase.expectEqual(zip(c.a.bytes, c.b.bytes).map { $0 ^ $1 }, c.out.bytes, "out", "test §1")
                }
            }
        }
    }
}

/// A runner that claims `welcome.json`, standing in for the real one.
struct FakeWelcomeRunner: VectorRunner {
    var name: String { "fake-welcome" }
    func accepts(relativePath: String) -> Bool { VectorFileRules.fileName(relativePath) == "welcome.json" }
    func run(_ source: VectorSource) -> [CaseResult] {
        [CaseResult(id: "mls/welcome/0", status: .passed, source: source.relativePath)]
    }
}

enum Fixtures {
    static let xor = """
    [
      {"cipher_suite": 1, "a": "0f0f", "b": "ff00", "out": "f00f"},
      {"cipher_suite": 2, "a": "01", "b": "01", "out": "00"},
      {"a": "", "b": "", "out": ""}
    ]
    """

    static func manifest(_ entries: [(String, String)]) -> VectorManifest {
        VectorManifest(files: entries.map {
            VectorManifest.Entry(path: $0.0, sha256: FileDigest.sha256(Array($0.1.utf8)), repository: "test/repo",
                                 repositoryPath: "vectors/" + $0.0, commit: String(repeating: "a", count: 40))
        })
    }

    static func suite(_ manifest: VectorManifest?) -> VectorSuite {
        VectorSuite(runners: [XorRunner(), FakeWelcomeRunner()], manifest: manifest)
    }
}
