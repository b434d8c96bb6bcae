import TLSCodec

/// `AppEphemeral` proposal body (draft-ietf-mls-extensions §4.8 "Attaching Application Data to a Commit", proposal
/// type `app_ephemeral`, 0x0009 suggested): `struct { ComponentID component_id; opaque data<V>; }`, data for one
/// component that accompanies one Commit and changes no state but the transcript. In a `Proposal` the body follows
/// `proposal_type` inline, with no length prefix.
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
