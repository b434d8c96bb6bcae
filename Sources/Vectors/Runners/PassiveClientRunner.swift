import Foundation
import MLS
import MLSCrypto
import Results
import TLSCodec

/// Runs `passive-client-welcome.json`, `passive-client-handling-commit.json` and `passive-client-random.json`
/// (RFC 9420 §12.4.3.1, §12.1, §12.2, §12.3, §12.4.2): checks the private keys against the KeyPackage, joins from the
/// Welcome (external PSKs installed, tree in the extension or out of band, validated in full), compares the epoch
/// authenticator, then for every epoch caches the proposals, processes the Commit with full validation and compares
/// the epoch authenticator. A MUST a message breaks fails the case; the engine's findings (SHOULD-level and policy
/// checks that did not hold) are on the case.
///
/// Lifetime checks are off for these files (each case says so in its warnings): RFC 9420 §7.3 makes the check
/// RECOMMENDED, and the published passive-client-welcome KeyPackages expired on 2024-03-02.
public struct PassiveClientRunner: VectorRunner {
    public let name = "passive-client"
    public init() {}

    static let files = ["passive-client-welcome.json", "passive-client-handling-commit.json", "passive-client-random.json"]

    public func accepts(relativePath: String) -> Bool {
        Self.files.contains { MLSVectorCases.isFile(relativePath, named: $0) }
    }

    struct Case: Decodable {
        struct PSK: Decodable { let psk_id: HexBytes; let psk: HexBytes }
        struct Epoch: Decodable { let proposals: [HexBytes]; let commit: HexBytes; let epoch_authenticator: HexBytes }
        let cipher_suite: UInt16
        let external_psks: [PSK]
        let key_package: HexBytes
        let signature_priv: HexBytes
        let encryption_priv: HexBytes
        let init_priv: HexBytes
        let welcome: HexBytes
        let ratchet_tree: HexBytes?
        let initial_epoch_authenticator: HexBytes
        let epochs: [Epoch]
    }

    static let requirements = ["RFC9420 §12.4.3.1", "RFC9420 §12.2", "RFC9420 §12.3", "RFC9420 §12.4.2", "RFC9420 §8.7",
                               "RFC9420 §13.4"]
    static let warning = "lifetime checks off (RFC 9420 §7.3 RECOMMENDED; the published passive-client KeyPackages carry expired lifetimes)"

    public func run(_ source: VectorSource) -> [CaseResult] {
        let cases: [Result<Case, any Error>]
        do {
            cases = try VectorJSON.decodeCases(Case.self, from: source)
        } catch {
            return [CaseResult(id: "mls/\(source.stem)", status: .error, requirements: Self.requirements,
                               message: "\(error)", source: source.relativePath)]
        }
        return cases.enumerated().map { index, decoded in
            let id = "mls/\(source.stem)/\(index)"
            switch decoded {
            case .failure(let error):
                return CaseResult(id: id, status: .error, requirements: Self.requirements,
                                  message: "\(source.relativePath): case \(index): \(VectorJSON.describe(error))",
                                  source: source.relativePath)
            case .success(let c):
                return VectorCase.run(id: id, source: source.relativePath, cipherSuite: c.cipher_suite,
                                      requirements: Self.requirements, warnings: [Self.warning]) { (findings: inout [Finding]) in
                    var engine: [MLSFinding] = []
                    defer { findings += engine.map { Finding($0) } }
                    try Self.check(c, id: id, findings: &engine)
                }
            }
        }
    }

    static func check(_ c: Case, id: String, findings: inout [MLSFinding]) throws {
        let suite = try MLSVectorCases.suite(c.cipher_suite)
        let (kp, welcome) = try MLSVectorCases.keyPackageAndWelcome(c.key_package.bytes, c.welcome.bytes)
        // The private keys belong to the KeyPackage (§10).
        try VectorCase.expectEqual(try suite.kem.publicKey(privateKey: c.init_priv.bytes), kp.initKey, "init_priv", "RFC9420 §10")
        try VectorCase.expectEqual(try suite.kem.publicKey(privateKey: c.encryption_priv.bytes), kp.leafNode.encryptionKey,
                                   "encryption_priv", "RFC9420 §10")
        try VectorCase.expectEqual(try suite.signature.publicKey(privateKey: c.signature_priv.bytes), kp.leafNode.signatureKey,
                                   "signature_priv", "RFC9420 §10")

        var psks = PSKStore()
        for p in c.external_psks { psks.addExternal(id: p.psk_id.bytes, psk: p.psk.bytes) }
        var configuration = GroupConfiguration()
        configuration.checkLifetimes = false
        let identity = SigningIdentity(credential: kp.leafNode.credential, signaturePublicKey: kp.leafNode.signatureKey,
                                       signaturePrivateKey: c.signature_priv.bytes)
        let bundle = KeyPackageBundle(keyPackage: kp, initPrivateKey: c.init_priv.bytes,
                                      encryptionPrivateKey: c.encryption_priv.bytes, identity: identity)
        let tree = try c.ratchet_tree.map { try RatchetTreeExtension(tlsDecoding: $0.bytes).nodes }
        var rng = DeterministicRandom(seed: Array(id.utf8))
        var group = try MLSGroup.join(welcome: welcome, keyPackage: bundle, ratchetTree: tree, psks: psks,
                                      configuration: configuration, using: &rng)
        findings += group.takeFindings()
        try VectorCase.expectEqual(group.epochAuthenticator, c.initial_epoch_authenticator.bytes,
                                   "initial_epoch_authenticator", "RFC9420 §8.7")
        for (n, epoch) in c.epochs.enumerated() {
            for (k, proposal) in epoch.proposals.enumerated() {
                do {
                    try group.process(try MLSMessage(tlsDecoding: proposal.bytes))
                } catch {
                    throw VectorMismatch(field: "epochs[\(n)].proposals[\(k)]", expected: "accepted", actual: "\(error)")
                }
            }
            do {
                try group.process(try MLSMessage(tlsDecoding: epoch.commit.bytes))
            } catch {
                throw VectorMismatch(field: "epochs[\(n)].commit", expected: "accepted", actual: "\(error)")
            }
            findings += group.takeFindings()
            try VectorCase.expectEqual(group.epochAuthenticator, epoch.epoch_authenticator.bytes,
                                       "epochs[\(n)].epoch_authenticator", "RFC9420 §8.7")
        }
    }
}
