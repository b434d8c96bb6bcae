import TLSCodec

/// `ExtensionType` (RFC 9420 §13, IANA registry §17.3): a uint16 from an open registry. Unknown and GREASE values
/// are kept as they are.
public struct ExtensionType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    /// `application_id(1)`, §5.3.3.
    public static let applicationID = ExtensionType(1)
    /// `ratchet_tree(2)`, §12.4.3.3.
    public static let ratchetTree = ExtensionType(2)
    /// `required_capabilities(3)`, §11.1.
    public static let requiredCapabilities = ExtensionType(3)
    /// `external_pub(4)`, §12.4.3.2.
    public static let externalPub = ExtensionType(4)
    /// `external_senders(5)`, §12.1.8.1.
    public static let externalSenders = ExtensionType(5)
    /// `app_data_dictionary` (draft-ietf-mls-extensions §7.2.1, 0x0006 suggested).
    public static let appDataDictionary = ExtensionType(0x0006)
    /// `supported_wire_formats` (draft-ietf-mls-extensions §7.2.2, 0x0007 suggested).
    public static let supportedWireFormats = ExtensionType(0x0007)
    /// `required_wire_formats` (draft-ietf-mls-extensions §7.2.3, 0x0008 suggested).
    public static let requiredWireFormats = ExtensionType(0x0008)

    /// The extension types RFC 9420 defines; §7.2 says a client need not list these in its capabilities.
    public static let defaultTypes: [ExtensionType] = [.applicationID, .ratchetTree, .requiredCapabilities, .externalPub, .externalSenders]

    public var isGrease: Bool { GreaseValue.isGrease(rawValue) }
    public var description: String {
        switch rawValue {
        case 1: "application_id"
        case 2: "ratchet_tree"
        case 3: "required_capabilities"
        case 4: "external_pub"
        case 5: "external_senders"
        case 6: "app_data_dictionary"
        case 7: "supported_wire_formats"
        case 8: "required_wire_formats"
        default: "extension_type(0x\(String(rawValue, radix: 16)))"
        }
    }
}
