/// HPKE base mode single-shot seal and open (RFC 9180 §5.1, §5.2, §6.1) for an MLS cipher suite's KEM, KDF and AEAD.
///
/// Written on top of the suite's HKDF, ECDH and AEAD rather than swift-crypto's `HPKE.Sender`, because the sender's
/// ephemeral key must come from the run's seeded generator (swift-crypto always draws it from the system).
/// Interoperability with swift-crypto's HPKE is checked in the tests, in both directions.
public struct HPKEBase: Sendable, Hashable {
    public let kem: KEM
    public let kdf: HashAlgorithm
    public let aead: AEADAlgorithm

    public init(kem: KEM, kdf: HashAlgorithm, aead: AEADAlgorithm) {
        self.kem = kem
        self.kdf = kdf
        self.aead = aead
    }

    private var suiteID: [UInt8] {
        func be(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xff)] }
        return Array("HPKE".utf8) + be(kem.id) + be(kdf.hpkeKDFID) + be(aead.hpkeAEADID)
    }

    /// The part of KeySchedule(mode_base, ., info, psk = "", psk_id = "") that depends only on `info` and the suite
    /// (RFC 9180 §5.1): key_schedule_context = mode || psk_id_hash || info_hash. Computed once, it serves every
    /// recipient sealed under the same info (a Welcome's GroupSecrets, an UpdatePath node's ciphertexts).
    public func keyScheduleContext(info: [UInt8]) -> HPKEKeyScheduleContext {
        let pskIDHash = HPKELabels.labeledExtract(kdf, suiteID: suiteID, salt: [], label: "psk_id_hash", ikm: [])
        let infoHash = HPKELabels.labeledExtract(kdf, suiteID: suiteID, salt: [], label: "info_hash", ikm: info)
        return HPKEKeyScheduleContext(base: self, bytes: [0x00] + pskIDHash + infoHash)
    }

    /// KeySchedule(mode_base, shared_secret, info, psk = "", psk_id = "") → (key, base_nonce) (RFC 9180 §5.1).
    func keySchedule(sharedSecret: [UInt8], info: [UInt8]) throws -> (key: [UInt8], nonce: [UInt8]) {
        try keySchedule(sharedSecret: sharedSecret, context: keyScheduleContext(info: info))
    }

    /// The rest of KeySchedule: secret = LabeledExtract(shared_secret, "secret", psk = ""), then key and base_nonce
    /// expanded from it with the key_schedule_context.
    func keySchedule(sharedSecret: [UInt8], context: HPKEKeyScheduleContext) throws -> (key: [UInt8], nonce: [UInt8]) {
        guard context.base == self else {
            throw MLSCryptoError(.invalidKey, "HPKE key schedule context was computed for another KEM/KDF/AEAD (RFC 9180 §5.1)")
        }
        let secret = HPKELabels.labeledExtract(kdf, suiteID: suiteID, salt: sharedSecret, label: "secret", ikm: [])
        let key = try HPKELabels.labeledExpand(kdf, suiteID: suiteID, prk: secret, label: "key", info: context.bytes,
                                               length: aead.keyLength)
        let nonce = try HPKELabels.labeledExpand(kdf, suiteID: suiteID, prk: secret, label: "base_nonce", info: context.bytes,
                                                 length: aead.nonceLength)
        return (key, nonce)
    }

    /// SealBase(pkR, info, aad, pt) with the ephemeral key pair derived from `ephemeralIKM` → (enc, ct).
    public func seal(publicKey: [UInt8], info: [UInt8], aad: [UInt8], plaintext: [UInt8],
                     ephemeralIKM: [UInt8]) throws -> (enc: [UInt8], ciphertext: [UInt8]) {
        try seal(publicKey: publicKey, context: keyScheduleContext(info: info), aad: aad, plaintext: plaintext,
                 ephemeralIKM: ephemeralIKM)
    }

    /// SealBase with the info's key schedule context computed beforehand (``keyScheduleContext(info:)``): the same
    /// (enc, ct) as ``seal(publicKey:info:aad:plaintext:ephemeralIKM:)`` with that info.
    public func seal(publicKey: [UInt8], context: HPKEKeyScheduleContext, aad: [UInt8], plaintext: [UInt8],
                     ephemeralIKM: [UInt8]) throws -> (enc: [UInt8], ciphertext: [UInt8]) {
        let (shared, enc) = try kem.encap(publicKey: publicKey, ephemeralIKM: ephemeralIKM)
        let (key, nonce) = try keySchedule(sharedSecret: shared, context: context)
        return (enc, try aead.seal(key: key, nonce: nonce, aad: aad, plaintext: plaintext))
    }

    /// SealBase with the ephemeral key drawn from `rng`.
    public func seal(publicKey: [UInt8], info: [UInt8], aad: [UInt8], plaintext: [UInt8],
                     using rng: inout DeterministicRandom) throws -> (enc: [UInt8], ciphertext: [UInt8]) {
        try seal(publicKey: publicKey, info: info, aad: aad, plaintext: plaintext, ephemeralIKM: rng.bytes(kem.privateKeyLength))
    }

    /// SealBase with a precomputed key schedule context and the ephemeral key drawn from `rng`.
    public func seal(publicKey: [UInt8], context: HPKEKeyScheduleContext, aad: [UInt8], plaintext: [UInt8],
                     using rng: inout DeterministicRandom) throws -> (enc: [UInt8], ciphertext: [UInt8]) {
        try seal(publicKey: publicKey, context: context, aad: aad, plaintext: plaintext,
                 ephemeralIKM: rng.bytes(kem.privateKeyLength))
    }

    /// OpenBase(enc, skR, info, aad, ct); any failure throws ``MLSCryptoError/Code/hpkeOpenFailed``.
    public func open(enc: [UInt8], privateKey: [UInt8], info: [UInt8], aad: [UInt8], ciphertext: [UInt8]) throws -> [UInt8] {
        do {
            let shared = try kem.decap(enc: enc, privateKey: privateKey)
            let (key, nonce) = try keySchedule(sharedSecret: shared, info: info)
            return try aead.open(key: key, nonce: nonce, aad: aad, ciphertext: ciphertext)
        } catch let e as MLSCryptoError {
            throw MLSCryptoError(.hpkeOpenFailed, "HPKE open failed (RFC 9180 §5.2): \(e.message)")
        } catch {
            throw MLSCryptoError(.hpkeOpenFailed, "HPKE open failed (RFC 9180 §5.2): \(error)")
        }
    }
}

/// key_schedule_context = mode_base || psk_id_hash || info_hash of RFC 9180 §5.1 for one info, computed once per info
/// (the LabeledExtract of a large info, e.g. a Welcome's encrypted GroupInfo, is its costly part) and reused for every
/// recipient sealed under that info. Made by ``HPKEBase/keyScheduleContext(info:)``.
public struct HPKEKeyScheduleContext: Sendable, Hashable {
    /// The KEM, KDF and AEAD it was computed for.
    public let base: HPKEBase
    /// The serialized key_schedule_context.
    public let bytes: [UInt8]
}
