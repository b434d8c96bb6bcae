import MLS
import MLSCrypto
import Results

/// Runs `secret-tree.json`: the sender-data key and nonce (RFC 9420 §6.3.2), and the handshake and application
/// keys and nonces of every leaf at the listed generations (RFC 9420 §9, §9.1).
public struct SecretTreeRunner: VectorRunner {
    public let name = "secret-tree"
    public init() {}

    public func accepts(relativePath: String) -> Bool { MLSVectorCases.isFile(relativePath, named: "secret-tree.json") }

    struct Case: Decodable {
        struct SenderData: Decodable {
            let sender_data_secret: HexBytes; let ciphertext: HexBytes; let key: HexBytes; let nonce: HexBytes
        }
        struct Generation: Decodable {
            let generation: UInt32
            let handshake_key: HexBytes
            let handshake_nonce: HexBytes
            let application_key: HexBytes
            let application_nonce: HexBytes
        }
        let cipher_suite: UInt16
        let encryption_secret: HexBytes
        let sender_data: SenderData
        let leaves: [[Generation]]
    }

    public func run(_ source: VectorSource) -> [CaseResult] {
        MLSVectorCases.run(source, as: Case.self, requirements: ["RFC9420 §9", "RFC9420 §9.1", "RFC9420 §6.3.2"],
                           cipherSuite: { $0.cipher_suite }) { c, _ in
            let suite = try MLSVectorCases.suite(c.cipher_suite)
            let sd = try VectorCase.field("sender_data") {
                try SenderDataKeys.derive(cipherSuite: suite, senderDataSecret: c.sender_data.sender_data_secret.bytes,
                                          ciphertext: c.sender_data.ciphertext.bytes)
            }
            try VectorCase.expectEqual(sd.key, c.sender_data.key.bytes, "sender_data.key", "RFC9420 §6.3.2")
            try VectorCase.expectEqual(sd.nonce, c.sender_data.nonce.bytes, "sender_data.nonce", "RFC9420 §6.3.2")

            var tree = try VectorCase.field("leaves (\(c.leaves.count) leaves)") {
                try SecretTree(cipherSuite: suite, encryptionSecret: c.encryption_secret.bytes, leafCount: UInt32(clamping: c.leaves.count))
            }
            for (leaf, generations) in c.leaves.enumerated() {
                for g in generations.sorted(by: { $0.generation < $1.generation }) {
                    let p = "leaves[\(leaf)][generation \(g.generation)]."
                    let hs = try VectorCase.field(p + "generation") {
                        try tree.keyNonce(leaf: UInt32(leaf), type: .handshake, generation: g.generation)
                    }
                    try VectorCase.expectEqual(hs.key, g.handshake_key.bytes, p + "handshake_key", "RFC9420 §9.1")
                    try VectorCase.expectEqual(hs.nonce, g.handshake_nonce.bytes, p + "handshake_nonce", "RFC9420 §9.1")
                    let app = try VectorCase.field(p + "generation") {
                        try tree.keyNonce(leaf: UInt32(leaf), type: .application, generation: g.generation)
                    }
                    try VectorCase.expectEqual(app.key, g.application_key.bytes, p + "application_key", "RFC9420 §9.1")
                    try VectorCase.expectEqual(app.nonce, g.application_nonce.bytes, p + "application_nonce", "RFC9420 §9.1")
                }
            }
        }
    }
}
