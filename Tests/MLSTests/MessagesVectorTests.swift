import Foundation
import MLS
import Results
import Testing
import TLSCodec
@testable import Vectors

/// messages.json (RFC 9420 §2.1, §6, §7, §10, §12): every field of all 300 cases decodes and re-encodes identically.
@Suite struct MessagesVectorTests {
    static func source(_ name: String) throws -> VectorSource {
        let url = try #require(VectorsDirectory.published("mls/\(name)"), "published vector mls/\(name) not found")
        return VectorSource(url: url, relativePath: "mls/\(name)", bytes: Array(try Data(contentsOf: url)))
    }

    @Test func allMessagesRoundTrip() throws {
        let results = MessagesRunner().run(try Self.source("messages.json"))
        #expect(results.count == 300)
        let bad = results.filter { $0.status != .passed }
        #expect(bad.isEmpty, "\(bad.count) cases not passed; first: \(bad.first.map { "\($0.id) \($0.message ?? "") expected \($0.expected ?? "") actual \($0.actual ?? "")" } ?? "")")
        #expect(results.first?.id == "mls/messages/0")
    }

    @Test func deserializationHeaders() throws {
        let results = DeserializationRunner().run(try Self.source("deserialization.json"))
        #expect(results.count == 14)
        #expect(results.allSatisfy { $0.status == .passed }, "\(results.filter { $0.status != .passed }.map { "\($0.id): \($0.message ?? "")" })")
    }

    @Test func corruptedFieldFailsNamingTheField() throws {
        let src = try Self.source("messages.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(src.bytes)) as? [[String: String]])
        json = [json[0]]
        // A trailing byte after the Commit must fail the case and name the field.
        json[0]["commit"] = (json[0]["commit"] ?? "") + "00"
        let data = try JSONSerialization.data(withJSONObject: json)
        let results = MessagesRunner().run(VectorSource(url: src.url, relativePath: src.relativePath, bytes: Array(data)))
        #expect(results.count == 1)
        #expect(results[0].status == .failed)
        #expect(results[0].message?.contains("commit") == true)
    }

    @Test func unreadableFileIsOneError() {
        let src = VectorSource(url: URL(fileURLWithPath: "/x/messages.json"), relativePath: "mls/messages.json", bytes: Array("{".utf8))
        let results = MessagesRunner().run(src)
        #expect(results.count == 1)
        #expect(results.first?.status == .error)
    }
}
