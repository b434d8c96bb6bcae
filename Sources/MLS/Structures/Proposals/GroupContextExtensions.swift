import TLSCodec

/// `GroupContextExtensions` (RFC 9420 §12.1.7): replaces the GroupContext's extensions.
public struct GroupContextExtensions: Hashable, Sendable, TLSCodable {
    public var extensions: [Extension]
    public init(extensions: [Extension]) { self.extensions = extensions }
    public init(from reader: inout TLSReader) throws {
        extensions = try reader.readList("extensions") { try Extension(from: &$0) }
    }
    public func encode(to writer: inout TLSWriter) { writer.writeList(extensions) }
}
