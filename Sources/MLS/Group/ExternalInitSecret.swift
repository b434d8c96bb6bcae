import MLSCrypto

/// The init_secret of an external join (RFC 9420 §8.3): `kem_output, context = SetupBaseS(external_pub, "")`;
/// `init_secret = context.export("MLS 1.0 external init secret", Nh)`, with the HPKE secret export of RFC 9180
/// §5.3 (base mode, empty info).
enum ExternalInitSecret {
    static let exporterContext = Array("MLS 1.0 external init secret".utf8)

    /// The joiner's side: a fresh KEM output to `externalPub` and the init secret.
    static func create(suite: CipherSuite, externalPub: [UInt8],
                       using rng: inout DeterministicRandom) throws -> (kemOutput: [UInt8], initSecret: [UInt8]) {
        let (shared, enc) = try suite.kem.encap(publicKey: externalPub, ephemeralIKM: rng.bytes(suite.kem.privateKeyLength))
        return (enc, try export(suite: suite, sharedSecret: shared))
    }

    /// The group's side: the init secret from the ExternalInit kem_output and the external private key.
    static func receive(suite: CipherSuite, kemOutput: [UInt8], externalPrivateKey: [UInt8]) throws -> [UInt8] {
        let shared = try suite.kem.decap(enc: kemOutput, privateKey: externalPrivateKey)
        return try export(suite: suite, sharedSecret: shared)
    }

    /// KeySchedule(mode_base, shared_secret, info = "") then Export(exporter_context, Nh) (RFC 9180 §5.1, §5.3).
    private static func export(suite: CipherSuite, sharedSecret: [UInt8]) throws -> [UInt8] {
        func be(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xff)] }
        let kdf = suite.hash
        let suiteID = Array("HPKE".utf8) + be(suite.kem.id) + be(kdf.hpkeKDFID) + be(suite.aead.hpkeAEADID)
        let version = Array("HPKE-v1".utf8)
        func labeledExtract(salt: [UInt8], label: String, ikm: [UInt8]) -> [UInt8] {
            kdf.extract(salt: salt, ikm: version + suiteID + Array(label.utf8) + ikm)
        }
        func labeledExpand(prk: [UInt8], label: String, info: [UInt8], length: Int) throws -> [UInt8] {
            try kdf.expand(prk: prk, info: be(UInt16(length)) + version + suiteID + Array(label.utf8) + info, length: length)
        }
        let pskIDHash = labeledExtract(salt: [], label: "psk_id_hash", ikm: [])
        let infoHash = labeledExtract(salt: [], label: "info_hash", ikm: [])
        let context = [0x00] + pskIDHash + infoHash
        let secret = labeledExtract(salt: sharedSecret, label: "secret", ikm: [])
        let exporterSecret = try labeledExpand(prk: secret, label: "exp", info: context, length: kdf.outputLength)
        return try labeledExpand(prk: exporterSecret, label: "sec", info: exporterContext, length: suite.hashLength)
    }
}
