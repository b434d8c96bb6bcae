import MLS
import MLSCrypto
import Results
import TLSCodec

/// Runs `psk_secret.json`: psk_secret from a list of external PSKs (RFC 9420 §8.4).
public struct PSKSecretRunner: VectorRunner {
    public let name = "psk_secret"
    public init() {}

    public func accepts(relativePath: String) -> Bool { MLSVectorCases.isFile(relativePath, named: "psk_secret.json") }

    struct Case: Decodable {
        struct PSK: Decodable { let psk_id: HexBytes; let psk: HexBytes; let psk_nonce: HexBytes }
        let cipher_suite: UInt16
        let psks: [PSK]
        let psk_secret: HexBytes
    }

    public func run(_ source: VectorSource) -> [CaseResult] {
        MLSVectorCases.run(source, as: Case.self, requirements: ["RFC9420 §8.4"], cipherSuite: { $0.cipher_suite }) { c, _ in
            let suite = try MLSVectorCases.suite(c.cipher_suite)
            let inputs = c.psks.map { PSKSecret.Input(pskID: Self.externalPSKID($0.psk_id.bytes, nonce: $0.psk_nonce.bytes), psk: $0.psk.bytes) }
            let computed = try VectorCase.field("psks") { try PSKSecret.compute(cipherSuite: suite, psks: inputs) }
            try VectorCase.expectEqual(computed, c.psk_secret.bytes, "psk_secret", "RFC9420 §8.4")
        }
    }

    /// PreSharedKeyID { psktype = external(1); opaque psk_id<V>; opaque psk_nonce<V> } (RFC 9420 §8.4).
    static func externalPSKID(_ id: [UInt8], nonce: [UInt8]) -> [UInt8] {
        var w = TLSWriter()
        w.writeUInt8(1)
        w.writeOpaque(id)
        w.writeOpaque(nonce)
        return w.bytes
    }
}
