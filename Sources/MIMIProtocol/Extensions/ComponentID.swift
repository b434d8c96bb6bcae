/// `uint16 ComponentID` (draft-ietf-mls-extensions §4.1 "Component IDs"), with the code points MIMI uses. The MLS
/// code points of mls-extensions (extension `app_data_dictionary`, proposals `app_data_update`, `app_ephemeral`,
/// `self_remove`) are `ExtensionType` and `ProposalType` constants of the MLS module.
///
/// Every value here is only *suggested* by its draft (no IANA assignment yet); they are collected in one place so
/// a vendor using other values changes one file.
public enum ComponentID {
    // draft-ietf-mls-extensions (suggested)
    public static let appComponents: UInt16 = 0x0001
    public static let safeAAD: UInt16 = 0x0002
    public static let contentMediaTypes: UInt16 = 0x0003
    public static let lastResortKeyPackage: UInt16 = 0x0004
    public static let appAck: UInt16 = 0x0005
    // draft-ietf-mimi-protocol-06 §9 (suggested)
    public static let frankAAD: UInt16 = 0x0020
    public static let frankingSignatureKey: UInt16 = 0x0021
    public static let participantList: UInt16 = 0x0022
    public static let roomMetadata: UInt16 = 0x0023
    // draft-ietf-mimi-room-policy-03 §"IANA" (suggested)
    public static let mlsOperationalPolicy: UInt16 = 0x0024
    public static let rolesList: UInt16 = 0x0025
    public static let preauthList: UInt16 = 0x0026
    public static let baseRoomPolicy: UInt16 = 0x0027
    public static let statusNotificationPolicy: UInt16 = 0x0028
    public static let joinLinkPolicy: UInt16 = 0x0029
    public static let joinLinks: UInt16 = 0x002A
    public static let linkPreviewPolicy: UInt16 = 0x002B
    public static let assetPolicy: UInt16 = 0x002C
    public static let loggingPolicy: UInt16 = 0x002D
    public static let chatHistoryPolicy: UInt16 = 0x002E
    public static let botPolicy: UInt16 = 0x002F
    public static let messageExpirationPolicy: UInt16 = 0x0030

    /// True for the GREASE values 0x0A0A, 0x1A1A, … 0x7A7A (draft-ietf-mls-extensions §"GREASE").
    public static func isGREASE(_ id: UInt16) -> Bool {
        id & 0x0F0F == 0x0A0A && id >> 12 <= 7
    }

    /// True for the private-use range 0x8000–0xFFFF.
    public static func isPrivateUse(_ id: UInt16) -> Bool { id >= 0x8000 }
}
