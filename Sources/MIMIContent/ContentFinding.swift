/// What a semantic check of a MIMI content message found. Codes are stable (`validation.<rawValue>`).
public enum FindingCode: String, Sendable, Hashable, CaseIterable, Codable {
    case nonDeterministicEncoding
    case extensionKeyRange
    case reservedExtensionKey
    case nestedMapKeyType
    case extensionDepth
    case extensionValueSize
    case floatUsed
    case nestedPartDepth
    case partCount
    case unknownPartSemantics
    case topicIdTooLong
    case expiryTooFarInPast
    case expiryTooFarInFuture
    case unknownHashAlgorithm
    case timestampInFuture
    case timestampBeforeRoom
    case senderNotMember
    case missingUri
    case weakSalt
    case nullPartWithoutReplaces
    case cidTarget
    case concatenatedReactions
    case languageTagSyntax
    case externalEncryptionFields
    case externalHashLength
    case duplicateMessageId
    case replyLoop
    case replacesNotFirstVersion
    case replacedBySomeoneElse
    case editChangesOtherFields
    case unlikeTargetNotReaction
}

/// One finding: the code, whether it makes the message invalid (`error`: a MUST/MUST NOT, or a §9.1 "treat as
/// malicious" case) or only questionable (`warning`: SHOULD-level or advisory), the requirement it cites, the field
/// path and a sentence with the values involved.
public struct ContentFinding: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    public let code: FindingCode
    public let severity: Severity
    public let requirement: ContentRequirement
    public let path: String
    public let message: String

    public init(_ code: FindingCode, _ severity: Severity, _ requirement: ContentRequirement, path: String, _ message: String) {
        self.code = code
        self.severity = severity
        self.requirement = requirement
        self.path = path
        self.message = message
    }

    public var identifier: String { "validation.\(code.rawValue)" }
    public var description: String { "\(severity): \(identifier) at \(path): \(message) [\(requirement.citation)]" }
}
