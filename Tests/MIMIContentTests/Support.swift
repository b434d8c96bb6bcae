import Foundation
import CBOR
import MIMIContent
import TLSCodec
import Vectors

/// The published -08 examples, read from the shared vectors directory (never copied into the repository).
enum Examples {
    static let names = ["original", "reply", "reaction", "mention", "mention-html", "edit", "delete", "unlike", "expiring",
                        "attachment", "conferencing", "multipart-1", "multipart-2", "multipart-3"]

    static func bytes(_ name: String) -> [UInt8]? {
        guard let url = VectorsDirectory.published("mimi-content/draft-08-editors-copy/\(name).cbor"),
              let data = try? Data(contentsOf: url) else { return nil }
        return [UInt8](data)
    }

    static var available: Bool { bytes("original") != nil }
}

/// SplitMix64: seeded generator for reproducible property tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

func hexBytes(_ s: String) -> [UInt8] { (try? [UInt8](hex: s)) ?? [] }

func id(_ s: String) -> MessageID? { MessageID(hexBytes(s)) }

/// A minimal valid message with one text part.
func sampleMessage(_ text: String = "hi", sender: String = "mimi://example.com/u/alice", salt: UInt8 = 7) -> MimiContent {
    MimiContent(salt: (0..<16).map { UInt8($0) &+ salt }, extensions: MimiExtensions(senderUri: sender, roomUri: "mimi://example.com/r/room"),
                nestedPart: NestedPart(body: .single(SinglePart(contentType: "text/plain;charset=utf-8", content: Array(text.utf8)))))
}
