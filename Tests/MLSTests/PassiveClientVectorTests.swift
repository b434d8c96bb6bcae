import Foundation
import MLS
import Results
import Testing
import Vectors

/// The Welcome and passive-client runners on the published files (RFC 9420 §12.4.3.1, §12.4.2): every case of the
/// supported suites passes, suites 4 and 6 are unsupported, and each case carries the lifetime-checks-off warning.
@Suite struct PassiveClientVectorTests {
    static func run(_ runner: any VectorRunner, _ file: String) throws -> [CaseResult] {
        runner.run(try CryptoVectorFile.source("mls/\(file)"))
    }

    @Test("welcome.json: 5 passed, 2 unsupported")
    func welcome() throws {
        let results = try Self.run(WelcomeRunner(), "welcome.json")
        #expect(results.filter { $0.status == .passed }.count == 5)
        #expect(results.filter { $0.status == .unsupported }.count == 2)
    }

    @Test("passive-client files pass for every supported suite", arguments: [
        ("passive-client-welcome.json", 40, 16),
        ("passive-client-handling-commit.json", 65, 26),
        ("passive-client-random.json", 1, 0),
    ])
    func passive(file: String, passed: Int, unsupported: Int) throws {
        let results = try Self.run(PassiveClientRunner(), file)
        #expect(results.filter { $0.status == .passed }.count == passed)
        #expect(results.filter { $0.status == .unsupported }.count == unsupported)
        #expect(results.allSatisfy { $0.warnings.contains { $0.contains("lifetime checks off") } })
    }

    @Test("A changed epoch authenticator makes the case fail, not pass")
    func tampered() throws {
        let source = try CryptoVectorFile.source("mls/passive-client-handling-commit.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(source.bytes)) as? [[String: Any]])
        var first = json[0]
        var epochs = try #require(first["epochs"] as? [[String: Any]])
        epochs[0]["epoch_authenticator"] = String(repeating: "00", count: 32)
        first["epochs"] = epochs
        json = [first]
        let bytes = Array(try JSONSerialization.data(withJSONObject: json))
        let results = PassiveClientRunner().run(VectorSource(url: source.url, relativePath: source.relativePath, bytes: bytes))
        #expect(results.count == 1)
        #expect(results.first?.status == .failed)
    }
}
