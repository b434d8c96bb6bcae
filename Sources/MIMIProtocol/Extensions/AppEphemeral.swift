import TLSCodec

/// `AppEphemeral` proposal (draft-ietf-mls-extensions §"Application Ephemeral"): data for one component that
/// applies to one commit only.
public struct AppEphemeral: Hashable, Sendable, TLSCodable {
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

/// `SelfRemove` proposal (draft-ietf-mls-extensions §"SelfRemove"): `struct {} SelfRemove;`, an empty body.
public struct SelfRemove: Hashable, Sendable, TLSCodable {
    public init() {}
    public init(from reader: inout TLSReader) throws {}
    public func encode(to writer: inout TLSWriter) {}
}
