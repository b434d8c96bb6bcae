import Foundation
import Results
import Testing
import Vectors

/// Issue 2, "Bad input" and "Done when", on the eight MLS runners of the issue with the published files: one
/// corrupted case is an error naming the file and the field (or a failure with expected vs actual when only an
/// expected value changed), the file's other cases keep their verdicts, and a file that is not JSON is one error.
@Suite("Corrupted published MLS vector files")
struct MLSRunnerBadInputTests {
    /// A published file, read and parsed; a missing vectors directory or a file that is not a JSON array fails the
    /// test.
    static func published(_ file: String) throws -> (bytes: [UInt8], cases: [Any]) {
        let url = try #require(VectorsDirectory.published("mls/" + file), "no published vectors directory holds mls/\(file)")
        let bytes = Array(try Data(contentsOf: url))
        let cases = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [Any], "mls/\(file) is not a JSON array")
        return (bytes, cases)
    }

    static func run(_ file: String, _ bytes: [UInt8]) throws -> [CaseResult] {
        let path = "mls/" + file
        let runner = try #require(VectorRegistry.runners.first { $0.accepts(relativePath: path) })
        return runner.run(VectorSource(url: URL(fileURLWithPath: "/v/" + path), relativePath: path, bytes: bytes))
    }

    /// Sets (or, with nil, removes) the value at `path` (object keys, or array indices as numbers) below `value`.
    static func set(_ value: Any, _ path: ArraySlice<String>, _ new: Any?) -> Any {
        guard let key = path.first else { return new ?? NSNull() }
        if var array = value as? [Any], let i = Int(key), array.indices.contains(i) {
            array[i] = set(array[i], path.dropFirst(), new)
            return array
        }
        guard var object = value as? [String: Any] else { return value }
        if path.count == 1 && new == nil {
            object[key] = nil
        } else {
            object[key] = set(object[key] ?? NSNull(), path.dropFirst(), new)
        }
        return object
    }

    static func get(_ value: Any, _ path: [String]) -> Any? {
        var v: Any? = value
        for key in path {
            if let a = v as? [Any], let i = Int(key), a.indices.contains(i) { v = a[i] } else { v = (v as? [String: Any])?[key] }
        }
        return v
    }

    static func encode(_ cases: [Any]) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: cases))
    }

    /// A hex string with its first digit changed.
    static func flipped(_ hex: String) -> String {
        guard let first = hex.first else { return "00" }
        return (first == "0" ? "1" : "0") + hex.dropFirst()
    }

    /// The files of the issue, with a field of case 0 that is an expected output, and the field name the failure shows.
    static let expectedOutputs: [(file: String, path: [String], shown: String)] = [
        ("tree-math.json", ["0", "root"], "root"),
        ("deserialization.json", ["0", "length"], "length"),
        ("crypto-basics.json", ["0", "ref_hash", "out"], "ref_hash.out"),
        ("secret-tree.json", ["0", "sender_data", "key"], "sender_data.key"),
        ("key-schedule.json", ["0", "epochs", "0", "joiner_secret"], "epochs[0].joiner_secret"),
        ("psk_secret.json", ["0", "psk_secret"], "psk_secret"),
        ("transcript-hashes.json", ["0", "confirmed_transcript_hash_after"], "confirmed_transcript_hash_after"),
        ("message-protection.json", ["0", "application"], "application_priv: content"),
    ]

    @Test("one expected value changed: that case fails with expected vs actual, the others keep their verdicts",
          arguments: expectedOutputs.indices)
    func changedExpectedValue(index: Int) throws {
        let (file, path, shown) = Self.expectedOutputs[index]
        let (bytes, cases) = try Self.published(file)
        let before = try Self.run(file, bytes)
        #expect(before.first?.status == .passed)
        let old = try #require(Self.get(cases, path))
        let new: Any
        if let hex = old as? String {
            new = Self.flipped(hex)
        } else {
            new = try #require(old as? Int) + 1
        }
        let after = try Self.run(file, try Self.encode(Self.set(cases, path[...], new) as? [Any] ?? []))
        #expect(after.count == before.count)
        let changed = try #require(after.first)
        #expect(changed.id == "mls/\(file.replacingOccurrences(of: ".json", with: ""))/0")
        #expect(changed.status == .failed)
        #expect(changed.message?.hasPrefix(shown) == true, "\(changed.message ?? "")")
        #expect(changed.expected == "\(new)")
        #expect(changed.actual == "\(old)")
        #expect(Array(after.dropFirst().map(\.status)) == Array(before.dropFirst().map(\.status)))
    }

    /// Corruptions of case 0 that the decoder catches, and the text the error message must contain.
    static let corruptions: [(file: String, path: [String], value: String?, message: String)] = [
        ("key-schedule.json", ["0", "initial_init_secret"], "zz", "key-schedule.json: case 0: field '[0].initial_init_secret': tls.invalidHex"),
        ("key-schedule.json", ["0", "group_id"], nil, "key-schedule.json: case 0: missing field '[0].group_id'"),
        ("secret-tree.json", ["0", "encryption_secret"], "abc", "secret-tree.json: case 0: field '[0].encryption_secret': tls.invalidHex"),
        ("tree-math.json", ["0", "left"], "x", "tree-math.json: case 0: field '[0].left': expected Array"),
        ("crypto-basics.json", ["0", "derive_secret"], nil, "crypto-basics.json: case 0: missing field '[0].derive_secret'"),
        ("psk_secret.json", ["0", "psks"], "none", "psk_secret.json: case 0: field '[0].psks': expected Array"),
        ("deserialization.json", ["0", "vlbytes_header"], "0g", "deserialization.json: case 0: field '[0].vlbytes_header': tls.invalidHex"),
        ("transcript-hashes.json", ["0", "cipher_suite"], "one", "transcript-hashes.json: case 0: field '[0].cipher_suite': expected UInt16"),
        // Valid hex the runner cannot use: the error names the vector field.
        ("message-protection.json", ["0", "proposal_pub"], "0001", "field 'proposal_pub': tls.truncated at MLSMessage.wire_format at byte 2"),
        ("message-protection.json", ["0", "commit_priv"], "000100020000", "field 'commit_priv': "),
        ("crypto-basics.json", ["0", "sign_with_label", "signature"], "0000", "field 'sign_with_label.signature': "),
        ("crypto-basics.json", ["0", "encrypt_with_label", "kem_output"], "00", "field 'encrypt_with_label.kem_output, ciphertext': "),
        ("transcript-hashes.json", ["0", "authenticated_content"], "00", "field 'authenticated_content': "),
    ]

    @Test("a corrupted field: that case is an error naming the file or field, the others keep their verdicts",
          arguments: corruptions.indices)
    func corruptedField(index: Int) throws {
        let (file, path, value, message) = Self.corruptions[index]
        let (bytes, cases) = try Self.published(file)
        let before = try Self.run(file, bytes)
        let after = try Self.run(file, try Self.encode(Self.set(cases, path[...], value) as? [Any] ?? []))
        #expect(after.count == before.count)
        #expect(after.first?.status == .error)
        #expect(after.first?.message?.contains(message) == true, "\(after.first?.message ?? "")")
        #expect(Array(after.dropFirst().map(\.status)) == Array(before.dropFirst().map(\.status)))
    }

    @Test("an integer too large for its field is an error for that case naming the number")
    func integerOutOfRange() throws {
        let (bytes, cases) = try Self.published("tree-math.json")
        let before = try Self.run("tree-math.json", bytes)
        let after = try Self.run("tree-math.json", try Self.encode(Self.set(cases, ["0", "n_leaves"], 1 << 40) as? [Any] ?? []))
        #expect(after.first?.status == .error)
        #expect(after.first?.message?.contains("case 0: ") == true)
        #expect(after.first?.message?.contains("1099511627776") == true, "\(after.first?.message ?? "")")
        #expect(Array(after.dropFirst().map(\.status)) == Array(before.dropFirst().map(\.status)))
    }

    static let files = ["tree-math.json", "deserialization.json", "crypto-basics.json", "secret-tree.json", "key-schedule.json",
                        "psk_secret.json", "transcript-hashes.json", "message-protection.json"]

    @Test("truncated JSON, an empty file or an object: one error case <stem>/file naming the file", arguments: files)
    func brokenFile(file: String) throws {
        let (bytes, _) = try Self.published(file)
        let stem = file.replacingOccurrences(of: ".json", with: "")
        for broken in [Array(bytes.prefix(bytes.count / 2)), [], Array("{\"cases\": []}".utf8)] {
            let results = try Self.run(file, broken)
            #expect(results.map(\.id) == ["mls/\(stem)/file"])
            #expect(results.first?.status == .error)
            #expect(results.first?.message?.hasPrefix("mls/\(file): not a JSON array of cases: ") == true,
                    "\(results.first?.message ?? "")")
        }
    }
}
