import TLSCodec

/// `ComponentData` (draft-ietf-mls-extensions §4.6 "Attaching Application Data to MLS Messages"): one component's
/// data, `struct { ComponentID component_id; opaque data<V>; }` with a uint16 ComponentID (-09 and later).
public struct ComponentData: Hashable, Sendable, TLSCodable {
    public var componentID: UInt16
    public var data: [UInt8]

    public init(componentID: UInt16, data: [UInt8]) {
        self.componentID = componentID
        self.data = data
    }

    public init(from reader: inout TLSReader) throws {
        componentID = try reader.readUInt16("component_id")
        data = try reader.readOpaque("data")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt16(componentID)
        writer.writeOpaque(data)
    }
}

/// `AppDataDictionary` (draft-ietf-mls-extensions §4.6): `struct { ComponentData component_data<V>; }`, the body of
/// the `app_data_dictionary` extension (0x0006, suggested) in a KeyPackage, LeafNode, GroupContext or GroupInfo.
/// Entries MUST be sorted by `component_id` with at most one entry per ID; the decoder rejects anything else.
/// MIMI also uses the struct as a generic extension map (`consent_extensions`, `id_request_extensions`, … in
/// draft-ietf-mimi-protocol-06).
public struct AppDataDictionary: Hashable, Sendable, ExtensionContent {
    public static let extensionType = ExtensionType.appDataDictionary
    public private(set) var entries: [ComponentData]

    /// An empty dictionary.
    public init() { entries = [] }

    /// A dictionary of `entries`, sorted; two entries with one ID keep the last.
    public init(_ entries: [ComponentData]) {
        var byID: [UInt16: [UInt8]] = [:]
        for e in entries { byID[e.componentID] = e.data }
        self.entries = byID.keys.sorted().compactMap { id in byID[id].map { ComponentData(componentID: id, data: $0) } }
    }

    /// The data of component `id`; setting nil removes the entry, setting a value inserts it at its sorted place.
    public subscript(id: UInt16) -> [UInt8]? {
        get { entries.first { $0.componentID == id }?.data }
        set {
            entries.removeAll { $0.componentID == id }
            if let newValue {
                let index = entries.firstIndex { $0.componentID > id } ?? entries.endIndex
                entries.insert(ComponentData(componentID: id, data: newValue), at: index)
            }
        }
    }

    /// The component IDs present, ascending.
    public var componentIDs: [UInt16] { entries.map(\.componentID) }

    public init(from reader: inout TLSReader) throws {
        entries = try reader.readList("component_data") { r in
            try ComponentData(from: &r)
        }
        // Ordering is checked after the list is read, so the error names the list and the offending index.
        for i in entries.indices.dropFirst() where entries[i].componentID <= entries[i - 1].componentID {
            throw reader.error(.invalidValue, "component_data[\(i)]",
                               "component_id \(entries[i].componentID) after \(entries[i - 1].componentID): entries must be sorted by component_id with no duplicates (draft-ietf-mls-extensions §4.6)")
        }
    }

    public func encode(to writer: inout TLSWriter) { writer.writeList(entries) }
}
