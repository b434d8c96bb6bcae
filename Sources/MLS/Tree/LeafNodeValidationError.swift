/// A LeafNode that fails validation (RFC 9420 §7.3); each case names the rule it breaks.
public enum LeafNodeValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The signature over LeafNodeTBS does not verify with signature_key (§7.3).
    case signatureInvalid
    /// The leaf does not list a required extension, proposal or credential type of required_capabilities (§7.3, §11.1).
    case missingRequiredCapability(String)
    /// A member does not support this leaf's credential type, or this leaf does not support a member's (§7.3).
    case credentialTypeNotSupported(CredentialType, leaf: UInt32)
    /// The current time is outside the KeyPackage lifetime (§7.3).
    case lifetimeExpired(Lifetime, now: UInt64)
    /// The leaf carries an extension its own capabilities do not list (§7.3).
    case extensionNotInCapabilities(ExtensionType)
    /// leaf_node_source is not the one the context requires (§7.3).
    case wrongSource(expected: String, actual: String)
    /// The capabilities do not list the group's protocol version or cipher suite (§7.2).
    case versionOrSuiteNotInCapabilities
    /// The leaf's credential type is not listed in its own capabilities (§7.2).
    case ownCredentialNotInCapabilities(CredentialType)

    public var rule: String {
        switch self {
        case .versionOrSuiteNotInCapabilities, .ownCredentialNotInCapabilities: "RFC9420 §7.2"
        default: "RFC9420 §7.3"
        }
    }

    public var description: String {
        switch self {
        case .signatureInvalid: "the LeafNode signature does not verify"
        case .missingRequiredCapability(let what): "capabilities lack the required \(what)"
        case .credentialTypeNotSupported(let t, let l): "credential type \(t) is not mutually supported with leaf \(l)"
        case .lifetimeExpired(let lt, let now): "time \(now) is outside the lifetime [\(lt.notBefore), \(lt.notAfter)]"
        case .extensionNotInCapabilities(let t): "extension \(t) is not listed in the leaf's capabilities"
        case .wrongSource(let e, let a): "leaf_node_source is \(a), expected \(e)"
        case .versionOrSuiteNotInCapabilities: "capabilities do not list the group's version and cipher suite"
        case .ownCredentialNotInCapabilities(let t): "the leaf's own credential type \(t) is not in its capabilities"
        }
    }
}
