import MLS
import MLSCrypto
import Results
import TLSCodec

/// Runs `key-schedule.json`: five epochs of the key schedule, comparing the GroupContext bytes and every derived
/// secret, external_pub and an exporter output (RFC 9420 §8, §8.1, §8.3, §8.5, §8.7).
public struct KeyScheduleRunner: VectorRunner {
    public let name = "key-schedule"
    public init() {}

    public func accepts(relativePath: String) -> Bool { MLSVectorCases.isFile(relativePath, named: "key-schedule.json") }

    struct Case: Decodable {
        struct Exporter: Decodable { let label: String; let context: HexBytes; let length: Int; let secret: HexBytes }
        struct Epoch: Decodable {
            let tree_hash: HexBytes
            let commit_secret: HexBytes
            let psk_secret: HexBytes
            let confirmed_transcript_hash: HexBytes
            let group_context: HexBytes
            let joiner_secret: HexBytes
            let welcome_secret: HexBytes
            let init_secret: HexBytes
            let sender_data_secret: HexBytes
            let encryption_secret: HexBytes
            let exporter_secret: HexBytes
            let epoch_authenticator: HexBytes
            let external_secret: HexBytes
            let confirmation_key: HexBytes
            let membership_key: HexBytes
            let resumption_psk: HexBytes
            let external_pub: HexBytes
            let exporter: Exporter
        }
        let cipher_suite: UInt16
        let group_id: HexBytes
        let initial_init_secret: HexBytes
        let epochs: [Epoch]
    }

    public func run(_ source: VectorSource) -> [CaseResult] {
        MLSVectorCases.run(source, as: Case.self,
                           requirements: ["RFC9420 §8", "RFC9420 §8.1", "RFC9420 §8.3", "RFC9420 §8.5", "RFC9420 §8.7"],
                           cipherSuite: { $0.cipher_suite }) { c, _ in
            let suite = try MLSVectorCases.suite(c.cipher_suite)
            var initSecret = c.initial_init_secret.bytes
            for (n, e) in c.epochs.enumerated() {
                let p = "epochs[\(n)]."
                let gc = Self.groupContext(suite: c.cipher_suite, groupID: c.group_id.bytes, epoch: UInt64(n),
                                           treeHash: e.tree_hash.bytes, confirmedTranscriptHash: e.confirmed_transcript_hash.bytes)
                try VectorCase.expectEqual(gc, e.group_context.bytes, p + "group_context", "RFC9420 §8.1")
                let s = try VectorCase.field(p + "commit_secret, psk_secret") {
                    try KeySchedule.nextEpoch(cipherSuite: suite, initSecret: initSecret, commitSecret: e.commit_secret.bytes,
                                              pskSecret: e.psk_secret.bytes, groupContext: e.group_context.bytes)
                }
                let fields: [(String, [UInt8], [UInt8], String)] = [
                    ("joiner_secret", s.joinerSecret, e.joiner_secret.bytes, "RFC9420 §8"),
                    ("welcome_secret", s.welcomeSecret, e.welcome_secret.bytes, "RFC9420 §8"),
                    ("init_secret", s.initSecret, e.init_secret.bytes, "RFC9420 §8"),
                    ("sender_data_secret", s.senderDataSecret, e.sender_data_secret.bytes, "RFC9420 §8"),
                    ("encryption_secret", s.encryptionSecret, e.encryption_secret.bytes, "RFC9420 §8"),
                    ("exporter_secret", s.exporterSecret, e.exporter_secret.bytes, "RFC9420 §8"),
                    ("epoch_authenticator", s.epochAuthenticator, e.epoch_authenticator.bytes, "RFC9420 §8.7"),
                    ("external_secret", s.externalSecret, e.external_secret.bytes, "RFC9420 §8"),
                    ("confirmation_key", s.confirmationKey, e.confirmation_key.bytes, "RFC9420 §8"),
                    ("membership_key", s.membershipKey, e.membership_key.bytes, "RFC9420 §8"),
                    ("resumption_psk", s.resumptionPSK, e.resumption_psk.bytes, "RFC9420 §8"),
                ]
                for (name, actual, expected, requirement) in fields {
                    try VectorCase.expectEqual(actual, expected, p + name, requirement)
                }
                try VectorCase.expectEqual(try VectorCase.field(p + "external_secret") { try s.externalKeyPair().publicKey },
                                           e.external_pub.bytes, p + "external_pub", "RFC9420 §8.3")
                // The exporter label is the literal string (its characters happen to be hex digits); the context is hex.
                let exported = try VectorCase.field(p + "exporter") {
                    try s.export(label: Array(e.exporter.label.utf8), context: e.exporter.context.bytes, length: e.exporter.length)
                }
                try VectorCase.expectEqual(exported, e.exporter.secret.bytes, p + "exporter.secret", "RFC9420 §8.5")
                initSecret = s.initSecret
            }
        }
    }

    /// GroupContext { version = mls10, cipher_suite, group_id<V>, epoch, tree_hash<V>, confirmed_transcript_hash<V>,
    /// extensions<V> = [] } (RFC 9420 §8.1).
    static func groupContext(suite: UInt16, groupID: [UInt8], epoch: UInt64, treeHash: [UInt8],
                             confirmedTranscriptHash: [UInt8]) -> [UInt8] {
        var w = TLSWriter()
        w.writeUInt16(1)
        w.writeUInt16(suite)
        w.writeOpaque(groupID)
        w.writeUInt64(epoch)
        w.writeOpaque(treeHash)
        w.writeOpaque(confirmedTranscriptHash)
        w.writeOpaque([UInt8]())
        return w.bytes
    }
}
