import Foundation
import MLS
import MLSCrypto
import Results
import Testing
@testable import Vectors

/// The MLS working group's interop scripts run as a self-interop (issue 3: "mls-interop/configs holds the MLS
/// working group's interop scripts: cover the operations they use"; ../shared/specs/mls-interop-harness.md §3).
@Suite("MLS interop scripts")
struct MLSInteropRunnerTests {
    static let scriptCounts = ["application.json": 3, "branch.json": 4, "commit.json": 9, "external_join.json": 5,
                               "external_proposals.json": 8, "reinit.json": 6, "welcome_join.json": 4]

    static func source(_ path: String, _ bytes: [UInt8]) -> VectorSource {
        VectorSource(url: URL(fileURLWithPath: "/v/" + path), relativePath: path, bytes: bytes)
    }

    static func published(_ file: String) throws -> VectorSource? {
        guard let url = VectorsDirectory.published("mls-interop/configs/" + file) else { return nil }
        return source("mls-interop/configs/" + file, Array(try Data(contentsOf: url)))
    }

    /// Runs an inline config in cipher suite 1.
    static func run(_ json: String, fault: MLSInteropFault? = nil) -> [CaseResult] {
        MLSInteropRunner(fault: fault).run(source("mls-interop/configs/inline.json", Array(json.utf8)), suites: [1])
    }

    @Test("the registry hands every published config to this runner, flat copies included")
    func recognised() throws {
        for file in MLSInteropRunner.knownConfigs {
            let runner = try #require(VectorRegistry.runners.first { $0.accepts(relativePath: "mls-interop/configs/" + file) })
            #expect(runner is MLSInteropRunner)
            #expect(MLSInteropRunner().accepts(relativePath: file))
        }
        #expect(MLSInteropRunner().accepts(relativePath: "mls-interop/configs/new_script.json"))
        #expect(!MLSInteropRunner().accepts(relativePath: "other/configs/new_script.json"))
        #expect(!MLSInteropRunner().accepts(relativePath: "mls/welcome.json"))
        #expect(!MLSInteropRunner().accepts(relativePath: "mls-interop/configs/README.md"))
    }

    @Test("every script of every published config but deep_random passes in suite 2, PublicMessage and PrivateMessage handshakes",
          .enabled(if: VectorsDirectory.published("mls-interop/configs/commit.json") != nil))
    func publishedScriptsPass() throws {
        var total = 0
        for (file, count) in Self.scriptCounts.sorted(by: { $0.key < $1.key }) {
            let source = try #require(try Self.published(file))
            let results = MLSInteropRunner().run(source, suites: [2])
            #expect(results.count == count, "\(file)")
            for r in results {
                #expect(r.status == .passed, "\(r.id): \(r.message ?? "") expected \(r.expected ?? "") actual \(r.actual ?? "")")
                #expect(r.id.hasPrefix("mls-interop/\(source.stem)/") && r.id.hasSuffix("/2"))
                #expect(r.message?.contains("PrivateMessage handshakes") == true)
            }
            total += results.count
        }
        #expect(total == 39)
    }

    @Test("suites 4 and 6 are unsupported with the reason, one case per script and suite")
    func unsupportedSuites() throws {
        let json = #"{"scripts": {"s": [{"action": "createGroup", "actor": "alice"}]}}"#
        let results = MLSInteropRunner().run(Self.source("mls-interop/configs/x.json", Array(json.utf8)))
        #expect(results.map(\.id) == (1...7).map { "mls-interop/x/s/\($0)" })
        for r in results {
            if r.cipherSuite == 4 || r.cipherSuite == 6 {
                #expect(r.status == .unsupported)
                #expect(r.message?.contains("X448") == true)
            } else {
                #expect(r.status == .passed, "\(r.id): \(r.message ?? "")")
            }
        }
    }

    @Test("unprotecting the same ciphertext twice fails at that step, naming the party")
    func replayedCiphertext() throws {
        let results = Self.run("""
            {"scripts": {"replay": [
              {"action": "createGroup", "actor": "alice", "members": ["bob"]},
              {"action": "protect", "actor": "alice", "authenticatedData": "a", "plaintext": "p"},
              {"action": "unprotect", "actor": "bob", "ciphertext": 1},
              {"action": "unprotect", "actor": "bob", "ciphertext": 1}
            ]}}
            """)
        let r = try #require(results.first)
        #expect(r.status == .failed)
        #expect(r.message?.contains("step 3 (unprotect): bob: unprotect the message of step 1") == true, "\(r.message ?? "")")
        #expect(r.expected == "accepted")
        #expect(r.actual?.isEmpty == false)
    }

    @Test("a member that reports a different epoch authenticator fails with expected vs actual (RFC 9420 §8.7)")
    func authenticatorMismatch() throws {
        let config = """
            {"scripts": {"empty": [
              {"action": "createGroup", "actor": "alice", "members": ["bob"]},
              {"action": "fullCommit", "actor": "alice", "members": ["bob"]}
            ]}}
            """
        let honest = try #require(Self.run(config).first)
        #expect(honest.status == .passed)
        let r = try #require(Self.run(config, fault: .corruptAuthenticator(step: 1, party: "bob")).first)
        #expect(r.status == .failed)
        #expect(r.message?.contains("PublicMessage handshakes: step 1 (fullCommit): epoch_authenticator of bob") == true,
                "\(r.message ?? "")")
        #expect(r.requirements.contains("RFC9420 §8.7"))
        let expected = try [UInt8](hex: try #require(r.expected))
        let actual = try [UInt8](hex: try #require(r.actual))
        #expect(expected.count == actual.count && expected.first.map { $0 ^ 1 } == actual.first)
        #expect(Array(expected.dropFirst()) == Array(actual.dropFirst()))
    }

    @Test("malformed configs are errors naming the file and the field")
    func malformed() throws {
        let cases: [(String, String)] = [
            (#"{"scripts": {"s": [{"action": "addProposal", "actor": "a", "keyPackage": "one"}]}}"#,
             "field 'scripts.s[0].keyPackage': expected a non-negative integer, found a string"),
            (#"{"scripts": {"s": [{"action": "createGroup", "actor": "a"}, {"action": "addProposal", "actor": "a", "keyPackage": 0}]}}"#,
             "field 'scripts.s[1].keyPackage': step 0 is createGroup, which produces no key_package"),
            (#"{"scripts": {"s": [{"action": "unprotect", "actor": "a", "ciphertext": 3}]}}"#,
             "field 'scripts.s[0].ciphertext': step 3 is not an earlier step"),
            (#"{"scripts": {"s": [{"action": "fullCommit", "actor": "a", "forcePth": true}]}}"#,
             "field 'scripts.s[0].forcePth': unknown key for this step"),
            (#"{"scripts": {"s": [{"action": "fullCommit", "actor": "a", "force_path": 1}]}}"#,
             "field 'scripts.s[0].force_path': expected true or false, found a number"),
            (#"{"scripts": {"s": [{"action": "fullCommit", "actor": "a", "byValue": [{"proposalType": "delete"}]}]}}"#,
             "field 'scripts.s[0].byValue[0].proposalType': unknown proposal type 'delete'"),
            (#"{"scripts": {"s": [{"action": "groupContextExtensionsProposal", "actor": "a", "extensions": [{"extension_type": 3, "extension_data": "A*"}]}]}}"#,
             "field 'scripts.s[0].extensions[0].extension_data': 'A*' is not base64"),
            (#"{"scripts": {"s": [{"actor": "a"}]}}"#, "field 'scripts.s[0].action': missing"),
        ]
        for (json, detail) in cases {
            let results = Self.run(json)
            #expect(results.count == 1)
            let r = try #require(results.first)
            #expect(r.status == .error)
            #expect(r.message?.hasPrefix("mls-interop/configs/inline.json: ") == true, "\(r.message ?? "")")
            #expect(r.message?.contains(detail) == true, "\(r.message ?? "") lacks \(detail)")
        }
        for (json, detail) in [("{", "not valid JSON"), (#"{"script": {}}"#, "field 'config.script': unknown key"),
                               (#"{"mode": "random"}"#, "field 'scripts': missing")] {
            let r = try #require(Self.run(json).first)
            #expect(r.id == "mls-interop/inline/file")
            #expect(r.status == .error)
            #expect(r.message?.contains(detail) == true, "\(r.message ?? "")")
        }
    }

    @Test("an action the runner does not define makes its script unsupported, the other scripts still run")
    func unknownAction() throws {
        let results = Self.run("""
            {"scripts": {
              "old": [{"action": "createGroup", "actor": "a"}, {"action": "verifyStateAuth"}],
              "new": [{"action": "createGroup", "actor": "a"}, {"action": "frobnicate", "actor": "a"}],
              "fine": [{"action": "createGroup", "actor": "a"}]
            }}
            """)
        #expect(results.map(\.id) == ["mls-interop/inline/fine/1", "mls-interop/inline/new/1", "mls-interop/inline/old/1"])
        #expect(results[0].status == .passed)
        #expect(results[1].status == .unsupported)
        #expect(results[1].message?.hasPrefix("action frobnicate not supported: ") == true)
        #expect(results[2].status == .unsupported)
        #expect(results[2].message?.hasPrefix("action verifyStateAuth not supported: removed from the runner") == true)
    }

    @Test("a script that refers to an actor without a group is an error, not a failure")
    func scriptError() throws {
        let r = try #require(Self.run(#"{"scripts": {"s": [{"action": "updateProposal", "actor": "zoe"}]}}"#).first)
        #expect(r.status == .error)
        #expect(r.message?.contains("step 0 (updateProposal): actor 'zoe' has no group state") == true, "\(r.message ?? "")")
    }

    @Test("a run is reproducible from its seed: same seed, same epoch authenticators; another seed, others")
    func deterministic() throws {
        let json = """
            {"scripts": {"s": [
              {"action": "createGroup", "actor": "alice"},
              {"action": "installExternalPSK", "clients": ["alice"]},
              {"action": "externalJoin", "actor": "alice", "joiner": "bob", "psks": [1]}
            ]}}
            """
        let scripts = try MLSInteropConfigReader.read(Array(json.utf8), file: "inline.json")
        guard case .steps(let steps) = try #require(scripts.first).script else { Issue.record("not parsed"); return }
        func authenticator(_ seed: String) throws -> [UInt8] {
            var run = MLSInteropExecution(suite: try CipherSuite(1), encryptHandshake: true, seed: seed)
            try run.run(steps)
            return try run.group("bob").epochAuthenticator
        }
        #expect(try authenticator("a") == (try authenticator("a")))
        #expect(try authenticator("a") != (try authenticator("b")))
    }
}
