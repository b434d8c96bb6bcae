import TLSCodec

/// `PathSecret` (RFC 9420 §12.4.3): the path secret of the lowest common ancestor, given to a new member.
public struct PathSecret: Hashable, Sendable, TLSCodable {
    public var pathSecret: [UInt8]
    public init(pathSecret: [UInt8]) { self.pathSecret = pathSecret }
    public init(from reader: inout TLSReader) throws { pathSecret = try reader.readOpaque("path_secret") }
    public func encode(to writer: inout TLSWriter) { writer.writeOpaque(pathSecret) }
}
