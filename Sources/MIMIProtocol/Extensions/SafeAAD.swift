import TLSCodec

/// `SafeAADItem` (draft-ietf-mls-extensions §"Safe Additional Authenticated Data").
public struct SafeAADItem: Hashable, Sendable, TLSCodable {
    public var componentID: UInt16
    public var aadItemData: [UInt8]

    public init(componentID: UInt16, aadItemData: [UInt8]) {
        self.componentID = componentID
        self.aadItemData = aadItemData
    }

    public init(from reader: inout TLSReader) throws {
        componentID = try reader.readUInt16("component_id")
        aadItemData = try reader.readOpaque("aad_item_data")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt16(componentID)
        writer.writeOpaque(aadItemData)
    }
}

/// `SafeAAD` (draft-ietf-mls-extensions §"Safe Additional Authenticated Data"): the whole
/// `authenticated_data` of a message when `safe_aad` is in the GroupContext; items sorted by component ID with no
/// duplicates (the decoder rejects anything else).
public struct SafeAAD: Hashable, Sendable, TLSCodable {
    public var aadItems: [SafeAADItem]

    public init(aadItems: [SafeAADItem]) { self.aadItems = aadItems }

    public init(from reader: inout TLSReader) throws {
        aadItems = try reader.readList(SafeAADItem.self, "aad_items")
        for i in aadItems.indices.dropFirst() where aadItems[i].componentID <= aadItems[i - 1].componentID {
            throw reader.error(.invalidValue, "aad_items[\(i)]",
                               "component_id \(aadItems[i].componentID) after \(aadItems[i - 1].componentID): items must be sorted with no duplicates (draft-ietf-mls-extensions)")
        }
    }

    public func encode(to writer: inout TLSWriter) { writer.writeList(aadItems) }

    /// The data of the item for `componentID`, if present.
    public subscript(componentID: UInt16) -> [UInt8]? {
        aadItems.first { $0.componentID == componentID }?.aadItemData
    }
}

/// `ComponentsList` (draft-ietf-mls-extensions): the data of the `safe_aad` and `app_components` components.
public struct ComponentsList: Hashable, Sendable, TLSCodable {
    public var componentIDs: [UInt16]

    public init(componentIDs: [UInt16]) { self.componentIDs = componentIDs }

    public init(from reader: inout TLSReader) throws {
        componentIDs = try reader.readUInt16List("component_ids")
    }

    public func encode(to writer: inout TLSWriter) { writer.writeUInt16List(componentIDs) }
}
