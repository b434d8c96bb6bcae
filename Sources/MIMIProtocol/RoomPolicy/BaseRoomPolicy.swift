import TLSCodec

/// `Optionality` (draft-ietf-mimi-room-policy-03 §"Common data structures"): `optional(0)`, `required(1)`,
/// `forbidden(2)` (the draft's selects say "mandatory" for `required`). One octet.
public enum Optionality: UInt8, Hashable, Sendable, CaseIterable, TLSCodable {
    case optional = 0
    case required = 1
    case forbidden = 2

    public init(from reader: inout TLSReader) throws {
        self = try reader.readEnum8(Optionality.self, "optionality",
                                    rule: "Optionality must be optional(0), required(1) or forbidden(2) (room-policy-03)")
    }

    public func encode(to writer: inout TLSWriter) { writer.writeUInt8(rawValue) }
}

/// `BaseRoomPolicy` (draft-ietf-mimi-room-policy-03 §"Base room policy"): the `base_room_policy` component
/// (0x0027). The draft writes `Uri parent_room<V>`; it is read as a vector of ``Uri`` (empty = no parent).
public struct BaseRoomPolicy: Hashable, Sendable, TLSCodable {
    public var fixedMembership: Bool
    public var parentDependent: Bool
    public var parentRoom: [Uri]
    public var multiDevice: Bool
    public var maxClients: UInt32?
    public var maxUsers: UInt32?
    public var pseudonymsAllowed: Bool
    public var persistentRoom: Bool
    public var discoverable: Bool
    public var policyComponentIDs: [UInt16]

    public init(fixedMembership: Bool = false, parentDependent: Bool = false, parentRoom: [Uri] = [],
                multiDevice: Bool = true, maxClients: UInt32? = nil, maxUsers: UInt32? = nil,
                pseudonymsAllowed: Bool = false, persistentRoom: Bool = false, discoverable: Bool = false,
                policyComponentIDs: [UInt16] = []) {
        self.fixedMembership = fixedMembership
        self.parentDependent = parentDependent
        self.parentRoom = parentRoom
        self.multiDevice = multiDevice
        self.maxClients = maxClients
        self.maxUsers = maxUsers
        self.pseudonymsAllowed = pseudonymsAllowed
        self.persistentRoom = persistentRoom
        self.discoverable = discoverable
        self.policyComponentIDs = policyComponentIDs
    }

    public init(from reader: inout TLSReader) throws {
        fixedMembership = try reader.readBool("fixed_membership")
        parentDependent = try reader.readBool("parent_dependent")
        parentRoom = try reader.readList(Uri.self, "parent_room")
        multiDevice = try reader.readBool("multi_device")
        maxClients = try reader.readOptional("max_clients") { try $0.readUInt32("") }
        maxUsers = try reader.readOptional("max_users") { try $0.readUInt32("") }
        pseudonymsAllowed = try reader.readBool("pseudonyms_allowed")
        persistentRoom = try reader.readBool("persistent_room")
        discoverable = try reader.readBool("discoverable")
        policyComponentIDs = try reader.readUInt16List("policy_component_ids")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeBool(fixedMembership)
        writer.writeBool(parentDependent)
        writer.writeList(parentRoom)
        writer.writeBool(multiDevice)
        writer.writeOptional(maxClients) { w, v in w.writeUInt32(v) }
        writer.writeOptional(maxUsers) { w, v in w.writeUInt32(v) }
        writer.writeBool(pseudonymsAllowed)
        writer.writeBool(persistentRoom)
        writer.writeBool(discoverable)
        writer.writeUInt16List(policyComponentIDs)
    }
}

/// `StatusNotificationPolicy` (draft-ietf-mimi-room-policy-03): the `status_notification_policy` component.
public struct StatusNotificationPolicy: Hashable, Sendable, TLSCodable {
    public var deliveryNotifications: Optionality
    public var readReceipts: Optionality

    public init(deliveryNotifications: Optionality, readReceipts: Optionality) {
        self.deliveryNotifications = deliveryNotifications
        self.readReceipts = readReceipts
    }

    public init(from reader: inout TLSReader) throws {
        deliveryNotifications = try reader.read(Optionality.self, "delivery_notifications")
        readReceipts = try reader.read(Optionality.self, "read_receipts")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(deliveryNotifications)
        writer.write(readReceipts)
    }
}
