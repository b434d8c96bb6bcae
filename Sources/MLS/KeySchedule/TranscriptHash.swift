import MLSCrypto
import TLSCodec

/// Transcript hashes and the confirmation tag (RFC 9420 §8.2, §6.1).
public enum TranscriptHash {
    /// confirmed_transcript_hash = Hash(interim_transcript_hash ‖ ConfirmedTranscriptHashInput), where the input is
    /// { wire_format, FramedContent content, opaque signature<V> } serialized.
    public static func confirmed(cipherSuite suite: CipherSuite, interimBefore: [UInt8], confirmedInput: [UInt8]) -> [UInt8] {
        suite.hash(interimBefore + confirmedInput)
    }

    /// interim_transcript_hash = Hash(confirmed_transcript_hash ‖ InterimTranscriptHashInput{ MAC confirmation_tag }).
    public static func interim(cipherSuite suite: CipherSuite, confirmed: [UInt8], confirmationTag: [UInt8]) -> [UInt8] {
        var w = TLSWriter()
        w.writeOpaque(confirmationTag)
        return suite.hash(confirmed + w.bytes)
    }

    /// confirmation_tag = MAC(confirmation_key, confirmed_transcript_hash) (RFC 9420 §6.1).
    public static func confirmationTag(cipherSuite suite: CipherSuite, confirmationKey: [UInt8], confirmed: [UInt8]) -> [UInt8] {
        suite.mac(key: confirmationKey, data: confirmed)
    }

    /// Constant-time check of a received confirmation_tag.
    public static func verifyConfirmationTag(cipherSuite suite: CipherSuite, confirmationKey: [UInt8], confirmed: [UInt8],
                                             tag: [UInt8]) -> Bool {
        suite.verifyMAC(key: confirmationKey, data: confirmed, mac: tag)
    }
}
