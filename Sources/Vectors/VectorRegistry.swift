/// Every vector runner the harness knows, in report order. A file that no runner accepts is reported as
/// unrecognised, never silently ignored.
public enum VectorRegistry {
    /// The runners of a default run (long interop scripts skipped with their reason).
    public static let runners: [any VectorRunner] = runners(long: false)

    /// The runners, with long cases run (`long`) or reported `skipped`.
    public static func runners(long: Bool) -> [any VectorRunner] { [
        // MLS crypto, key schedule, secret tree (RFC 9420 §5, §8, §9, Appendix C).
        TreeMathRunner(),
        CryptoBasicsRunner(),
        SecretTreeRunner(),
        KeyScheduleRunner(),
        PSKSecretRunner(),

        // MLS structures and codec (RFC 9420 §2.1 and the structure sections).
        DeserializationRunner(),
        MessagesRunner(),

        // MLS framing and protection (RFC 9420 §6, §8.2).
        TranscriptHashesRunner(),
        MessageProtectionRunner(),

        // MLS ratchet tree and group (RFC 9420 §7, §12).
        TreeValidationRunner(),
        TreeOperationsRunner(),
        TreekemRunner(),
        WelcomeRunner(),
        PassiveClientRunner(),
        MLSInteropRunner(runLongScripts: long),

        // MIMI content (draft-ietf-mimi-content) and message status.
        ContentExampleRunner(),
        ContentNegativeRunner(),
    ] }
}
