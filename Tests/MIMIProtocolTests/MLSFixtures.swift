import Foundation
import MLS
import TLSCodec
import Vectors

/// Real MLS objects for embedding in MIMI structures, decoded from the published RFC 9420 `messages.json` vector
/// (read at run time from the vectors directory, never copied).
struct MLSFixtures: Sendable {
    let welcome: MLSMessage
    let groupInfo: MLSMessage
    let keyPackage: MLSMessage
    let ratchetTree: [Node?]
    let proposal: MLSMessage
    let commit: MLSMessage
    let application: MLSMessage
    let publicApplication: MLSMessage

    var welcomeBody: Welcome { get throws { guard case .welcome(let w) = welcome.body else { throw FixtureError.wrongType }; return w } }
    var groupInfoBody: GroupInfo { get throws { guard case .groupInfo(let g) = groupInfo.body else { throw FixtureError.wrongType }; return g } }
    var keyPackageBody: KeyPackage { get throws { guard case .keyPackage(let k) = keyPackage.body else { throw FixtureError.wrongType }; return k } }

    enum FixtureError: Error { case missing(String), wrongType }

    static func load() throws -> MLSFixtures {
        guard let url = VectorsDirectory.published("mls/messages.json") else { throw FixtureError.missing("mls/messages.json") }
        let data = try Data(contentsOf: url)
        guard let list = try JSONSerialization.jsonObject(with: data) as? [[String: Any]], let first = list.first else {
            throw FixtureError.missing("messages.json entries")
        }
        func bytes(_ key: String) throws -> [UInt8] {
            guard let hex = first[key] as? String else { throw FixtureError.missing(key) }
            return try [UInt8](hex: hex)
        }
        return MLSFixtures(
            welcome: try MLSMessage(tlsDecoding: bytes("mls_welcome")),
            groupInfo: try MLSMessage(tlsDecoding: bytes("mls_group_info")),
            keyPackage: try MLSMessage(tlsDecoding: bytes("mls_key_package")),
            ratchetTree: try RatchetTreeExtension(tlsDecoding: bytes("ratchet_tree")).nodes,
            proposal: try MLSMessage(tlsDecoding: bytes("public_message_proposal")),
            commit: try MLSMessage(tlsDecoding: bytes("public_message_commit")),
            application: try MLSMessage(tlsDecoding: bytes("private_message")),
            publicApplication: try MLSMessage(tlsDecoding: bytes("public_message_application")))
    }
}
