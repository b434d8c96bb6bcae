import TLSCodec

/// `ApplicationId` (RFC 9420 §5.3.3): the `application_id` extension of a LeafNode.
public struct ApplicationID: Hashable, Sendable, ExtensionContent {
    public static let extensionType = ExtensionType.applicationID
    public var applicationID: [UInt8]
    public init(applicationID: [UInt8]) { self.applicationID = applicationID }

    public init(from reader: inout TLSReader) throws { applicationID = try reader.readOpaque("application_id") }
    public func encode(to writer: inout TLSWriter) { writer.writeOpaque(applicationID) }
}
