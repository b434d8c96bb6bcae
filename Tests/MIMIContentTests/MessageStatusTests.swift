import Testing
import Foundation
import CBOR
import MIMIContent
import Vectors

/// draft-mahy-mimi-message-status-01: the published example and schema errors.
struct MessageStatusTests {
    @Test func publishedExample() throws {
        let url = try #require(VectorsDirectory.published("mimi-message-status/status.cbor"))
        let bytes = [UInt8](try Data(contentsOf: url))
        let report = try MessageStatusReport.decode(bytes)
        #expect(report.encoded == bytes)
        #expect(report.entries.map(\.status) == [.read, .read, .unread, .expired])
        #expect(report.entries[0].messageId.hex == "017ce54837404c3696e0c747b985cb172716d0ed0a3d249ca63ace7d82a096f4")
    }

    @Test func schemaErrors() {
        func code(_ v: CBOR) -> String? {
            do { _ = try MessageStatusReport.decode(v.encoded); return nil } catch { return error.identifier }
        }
        let id = CBOR.bytes([1] + [UInt8](repeating: 0, count: 31))
        #expect(code(.map([])) == "content.statusShape")
        #expect(code(.array([.array([id])])) == "content.statusShape")
        #expect(code(.array([.array([.bytes([1]), .unsigned(0)])])) == "content.messageIdSize")
        #expect(code(.array([.array([id, .unsigned(256)])])) == "content.statusRange")
        #expect(code(.array([.array([id, .unsigned(200)])])) == nil)
        #expect(MessageStatus(rawValue: 200).name == "unknown(200)")
    }
}
