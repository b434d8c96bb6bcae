/// The requirements of draft-ietf-mimi-content (and -07 where it differs) that the validator checks, with their
/// section and level. Texts are paraphrased.
public enum ContentRequirements {
    static func r(_ draft: ContentDraft, _ section: String, _ level: String, _ text: String) -> ContentRequirement {
        ContentRequirement(document: draft.name, section: section, level: level, text: text)
    }

    public static func deterministicEncoding(_ d: ContentDraft) -> ContentRequirement {
        r(d, "6.1", "MUST", "MIMI content is encoded with RFC 8949 §4.2.1 deterministic serialization")
    }
    public static func extensionKeys(_ d: ContentDraft) -> ContentRequirement {
        r(d, d == .draft08 ? "6.2" : "4.3", "MUST", "extension keys are integers or text strings of 1-255 octets")
    }
    public static func integerKeyRange(_ d: ContentDraft) -> ContentRequirement {
        r(d, "6.2", "MUST", "integer map keys are representable as a double without loss: -(2^53-1)..2^53-1")
    }
    public static func reservedKey(_ d: ContentDraft) -> ContentRequirement {
        r(d, "8.2.1", "reserved", "extension key 0 is reserved")
    }
    public static func nestedMapKeys(_ d: ContentDraft) -> ContentRequirement {
        r(d, "6.2", "MUST", "keys of maps nested in an extension are only integers, text strings or byte strings")
    }
    public static func extensionDepth(_ d: ContentDraft) -> ContentRequirement {
        r(d, "6.3", "MUST NOT", "extensions contain tags, maps or arrays at most 4 levels deep (the map itself is level 1)")
    }
    public static func extensionValueSize(_ d: ContentDraft) -> ContentRequirement {
        r(d, "4.3", "MUST", "an extension value is `any .size (0..4095)` (removed in -08)")
    }
    public static func floats(_ d: ContentDraft) -> ContentRequirement {
        r(d, "6.2", "SHOULD NOT", "floating-point values are strongly discouraged")
    }
    public static func nestedPartDepth(_ d: ContentDraft) -> ContentRequirement {
        r(d, d == .draft08 ? "6.3" : "9.1", d == .draft08 ? "MUST NOT" : "discard", "NestedParts are nested at most 4 levels deep")
    }
    public static func partCount(_ d: ContentDraft) -> ContentRequirement {
        r(d, d == .draft08 ? "9.1" : "9.1", "discard", "a body with more than 1024 parts is treated as malicious")
    }
    public static func unknownSemantics(_ d: ContentDraft) -> ContentRequirement {
        r(d, "9.1", "discard", "a body with an unknown PartSemantics value is treated as malicious")
    }
    public static func topicId(_ d: ContentDraft) -> ContentRequirement {
        r(d, "9.1", "discard", "a topicId longer than 4096 octets is treated as malicious")
    }
    public static func expiry(_ d: ContentDraft) -> ContentRequirement {
        r(d, "9.1", "discard", "an expiry more than a year in the past (absolute) or in the future is treated as malicious")
    }
    public static func hashAlgorithm(_ d: ContentDraft) -> ContentRequirement {
        r(d, "9.1", "discard", "a message ID whose first octet is an unknown hash algorithm is treated as malicious")
    }
    public static func timestamp(_ d: ContentDraft) -> ContentRequirement {
        r(d, "9.1", "discard", "a hub timestamp minutes in the future or before the room existed is treated as malicious")
    }
    public static func member(_ d: ContentDraft) -> ContentRequirement {
        r(d, "9.1", "discard", "a message whose apparent sender is not a member of the group is treated as malicious")
    }
    public static func messageIdInputs(_ d: ContentDraft) -> ContentRequirement {
        r(d, "3.3", "MUST", "the message ID is computed from the sender URI, the room URI, the message and the salt")
    }
    public static func salt(_ d: ContentDraft) -> ContentRequirement {
        r(d, "4.1", "MUST", "the salt is cryptographically random")
    }
    public static func nullPart(_ d: ContentDraft) -> ContentRequirement {
        r(d, "4.4", "permitted", "a body with zero parts is permitted when deleting or unliking (with replaces)")
    }
    public static func cid(_ d: ContentDraft) -> ContentRequirement {
        r(d, "4.4", "MUST", "a cid:<partIndex>@local.invalid URI only references a SinglePart or ExternalPart")
    }
    public static func reactions(_ d: ContentDraft) -> ContentRequirement {
        r(d, "5.3", "MUST NOT", "several text reactions are not represented as one text part")
    }
    public static func language(_ d: ContentDraft) -> ContentRequirement {
        r(d, "4.4", "syntax", "language is empty or a comma-separated list of RFC 5646 Language-tags")
    }
    public static func external(_ d: ContentDraft) -> ContentRequirement {
        r(d, "4.5", "MUST", "with encAlg 0 the key, nonce and aad are empty; otherwise they are the AEAD inputs (AES-128-GCM MTI)")
    }
    public static func externalHash(_ d: ContentDraft) -> ContentRequirement {
        r(d, "4.5", "MUST", "contentHash is the hash of the content with the named-information algorithm hashAlg")
    }
    public static func duplicateId(_ d: ContentDraft) -> ContentRequirement {
        r(d, "9.1", "discard", "a message ID that duplicates one already seen is treated as malicious")
    }
    public static func replyLoop(_ d: ContentDraft) -> ContentRequirement {
        r(d, "4.1", "MUST NOT", "an inReplyTo chain never loops; receivers follow the chain and check for loops")
    }
    public static func firstVersion(_ d: ContentDraft) -> ContentRequirement {
        r(d, "5.5", "SHOULD", "replaces refers to the message ID of the first version of the message")
    }
    public static func editAuthorization(_ d: ContentDraft) -> ContentRequirement {
        r(d, "9.3", "MUST NOT", "only the original sender edits or deletes a message, unless a concrete policy allows it")
    }
    public static func editScope(_ d: ContentDraft) -> ContentRequirement {
        r(d, "9.3", "MUST NOT", "an edit changes nothing but the NestedPart (topicId, inReplyTo, expires stay the same)")
    }
    public static func unlike(_ d: ContentDraft) -> ContentRequirement {
        r(d, "5.7", "semantics", "an unlike replaces the reaction message and carries a NullPart with disposition reaction")
    }
}
