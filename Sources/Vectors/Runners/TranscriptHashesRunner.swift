import MLS
import MLSCrypto
import Results
import TLSCodec

/// Runs `transcript-hashes.json` (RFC 9420 §8.2, §6.1): the confirmed transcript hash from the interim one and the
/// commit's AuthenticatedContent, the confirmation tag, and the next interim transcript hash.
public struct TranscriptHashesRunner: VectorRunner {
    public let name = "transcript-hashes"
    public init() {}

    public func accepts(relativePath: String) -> Bool { MLSVectorCases.isFile(relativePath, named: "transcript-hashes.json") }

    struct Case: Decodable {
        let cipher_suite: UInt16
        let confirmation_key: HexBytes
        let authenticated_content: HexBytes
        let interim_transcript_hash_before: HexBytes
        let confirmed_transcript_hash_after: HexBytes
        let interim_transcript_hash_after: HexBytes
    }

    public func run(_ source: VectorSource) -> [CaseResult] {
        MLSVectorCases.run(source, as: Case.self, requirements: ["RFC9420 §8.2", "RFC9420 §6.1"],
                           cipherSuite: { $0.cipher_suite }) { c, _ in
            let suite = try MLSVectorCases.suite(c.cipher_suite)
            let ac = try VectorCase.field("authenticated_content") { try AuthenticatedContent(tlsDecoding: c.authenticated_content.bytes) }
            try VectorCase.expectEqual(ac.tlsEncoded, c.authenticated_content.bytes, "authenticated_content (re-encoded)", "RFC9420 §6.1")
            guard ac.content.contentType == .commit, let tag = ac.auth.confirmationTag else {
                throw VectorMismatch(field: "authenticated_content.content_type", expected: "commit with confirmation_tag",
                                     actual: "\(ac.content.contentType)", requirement: "RFC9420 §8.2")
            }
            let confirmed = TranscriptHash.confirmed(cipherSuite: suite, interimBefore: c.interim_transcript_hash_before.bytes,
                                                     confirmedInput: ConfirmedTranscriptHashInput(ac).tlsEncoded)
            try VectorCase.expectEqual(confirmed, c.confirmed_transcript_hash_after.bytes, "confirmed_transcript_hash_after", "RFC9420 §8.2")
            let computedTag = TranscriptHash.confirmationTag(cipherSuite: suite, confirmationKey: c.confirmation_key.bytes, confirmed: confirmed)
            try VectorCase.expectEqual(computedTag, tag, "authenticated_content.auth.confirmation_tag", "RFC9420 §6.1")
            let interim = TranscriptHash.interim(cipherSuite: suite, confirmed: confirmed, confirmationTag: tag)
            try VectorCase.expectEqual(interim, c.interim_transcript_hash_after.bytes, "interim_transcript_hash_after", "RFC9420 §8.2")
        }
    }
}
