import Foundation
import Results
import Testing
import Vectors

/// Issue 2, "Bad input": corrupted vector files produce an error for the case or file concerned, naming the file
/// and the field, and the run goes on with the other cases. Nothing traps.
@Suite("Corrupted vector files")
struct BadInputTests {
    static func run(_ files: [(String, String)]) throws -> [CaseResult] {
        let t = try TempVectors()
        for (path, text) in files { try t.write(path, text) }
        let suite = Fixtures.suite(nil)
        return suite.run(try suite.plan(roots: [t.published])).cases
    }

    static let good = ("good/xor.json", Fixtures.xor)

    @Test("bad hex: that case is an error naming the file, the field and the character; the others run")
    func badHex() throws {
        let text = Fixtures.xor.replacingOccurrences(of: "\"a\": \"01\"", with: "\"a\": \"0x\"")
        let cases = try Self.run([("bad/xor.json", text), Self.good])
        let bad = cases.filter { $0.source == "bad/xor.json" }
        #expect(bad.map(\.status) == [.passed, .error, .passed])
        #expect(bad[1].message == "bad/xor.json: field '[1].a': tls.invalidHex at hex character 1: not a hex digit")
        #expect(cases.filter { $0.source == "good/xor.json" }.map(\.status) == [.passed, .passed, .passed])
    }

    @Test("a missing field names it")
    func missingField() throws {
        let text = Fixtures.xor.replacingOccurrences(of: "\"b\": \"01\", ", with: "")
        let cases = try Self.run([("bad/xor.json", text)])
        #expect(cases.map(\.status) == [.passed, .error, .passed])
        #expect(cases[1].message == "bad/xor.json: missing field '[1].b'")
    }

    @Test("a field of the wrong type names it")
    func wrongType() throws {
        let text = Fixtures.xor.replacingOccurrences(of: "\"cipher_suite\": 2", with: "\"cipher_suite\": \"two\"")
        let cases = try Self.run([("bad/xor.json", text)])
        #expect(cases.map(\.status) == [.passed, .error, .passed])
        #expect(cases[1].message?.hasPrefix("bad/xor.json: field '[1].cipher_suite': expected ") == true)
    }

    @Test("truncated JSON: one error for the file, naming it; other files still run", arguments: [10, 60, 150])
    func truncated(at length: Int) throws {
        let cases = try Self.run([("bad/xor.json", String(Fixtures.xor.prefix(length))), Self.good])
        let bad = cases.filter { $0.source == "bad/xor.json" }
        #expect(bad.count == 1)
        #expect(bad.first?.id == "test/xor/file")
        #expect(bad.first?.status == .error)
        #expect(bad.first?.message?.hasPrefix("bad/xor.json: not a JSON array of cases") == true)
        #expect(cases.filter { $0.source == "good/xor.json" }.count == 3)
    }

    @Test("not an array: one error for the file")
    func notAnArray() throws {
        let cases = try Self.run([("bad/xor.json", "{\"a\": \"00\"}"), Self.good])
        #expect(cases.filter { $0.source == "bad/xor.json" }.map(\.status) == [.error])
        #expect(cases.filter { $0.source == "good/xor.json" }.map(\.status) == [.passed, .passed, .passed])
    }

    @Test("an element that is not an object is an error for that case only")
    func elementNotObject() throws {
        let cases = try Self.run([("bad/xor.json", "[{\"a\":\"01\",\"b\":\"01\",\"out\":\"00\"}, 7, null]")])
        #expect(cases.map(\.status) == [.passed, .error, .error])
    }

    @Test("a file over the size limit is one error case naming it, is not read, and the other files run")
    func oversizedFile() throws {
        let t = try TempVectors()
        try t.write("big/xor.json", Fixtures.xor + String(repeating: " ", count: 100))
        try t.write(Self.good.0, Self.good.1)
        let suite = VectorSuite(runners: [XorRunner()], manifest: nil, maxFileSize: Fixtures.xor.utf8.count + 10)
        let cases = suite.run(try suite.plan(roots: [t.published])).cases
        let big = cases.filter { $0.source == "big/xor.json" }
        #expect(big.map(\.id) == ["big/xor/read"])
        #expect(big.first?.status == .error)
        #expect(big.first?.message?.hasPrefix("big/xor.json: the file is \(Fixtures.xor.utf8.count + 100) bytes, more than the ") == true)
        #expect(cases.filter { $0.source == "good/xor.json" }.map(\.status) == [.passed, .passed, .passed])
    }

    @Test("one expected value changed: that case fails with expected vs actual, the rest pass")
    func changedValue() throws {
        let text = Fixtures.xor.replacingOccurrences(of: "\"out\": \"f00f\"", with: "\"out\": \"f00e\"")
        let cases = try Self.run([("bad/xor.json", text)])
        #expect(cases.map(\.status) == [.failed, .passed, .passed])
        #expect(cases[0].expected == "f00e")
        #expect(cases[0].actual == "f00f")
        #expect(cases[0].cipherSuite == 1)
        #expect(cases[0].requirements == ["test §1"])
    }
}
