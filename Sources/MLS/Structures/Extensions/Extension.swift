import TLSCodec

/// `Extension` (RFC 9420 §13): a type and opaque data. The data is kept byte for byte whatever the type, so
/// unknown and GREASE extensions re-encode identically; typed views decode it on demand (``ExtensionContent``).
public struct Extension: Hashable, Sendable, TLSCodable {
    public var extensionType: ExtensionType
    public var extensionData: [UInt8]

    public init(extensionType: ExtensionType, extensionData: [UInt8]) {
        self.extensionType = extensionType
        self.extensionData = extensionData
    }

    /// Wraps a typed extension payload.
    public init<C: ExtensionContent>(_ content: C) {
        self.init(extensionType: C.extensionType, extensionData: content.tlsEncoded)
    }

    public init(from reader: inout TLSReader) throws {
        extensionType = ExtensionType(try reader.readUInt16("extension_type"))
        extensionData = try reader.readOpaque("extension_data")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt16(extensionType.rawValue)
        writer.writeOpaque(extensionData)
    }

    /// Decodes the data as `C`, strictly (no trailing bytes); `nil` when the type is not `C`'s.
    public func content<C: ExtensionContent>(_ type: C.Type) throws -> C? {
        guard extensionType == C.extensionType else { return nil }
        return try C(tlsDecoding: extensionData)
    }
}

/// The payload of an extension type defined by RFC 9420 §13 (a typed view of ``Extension/extensionData``).
public protocol ExtensionContent: TLSCodable {
    static var extensionType: ExtensionType { get }
}

extension Array where Element == Extension {
    /// The first extension of `C`'s type, decoded; `nil` when there is none.
    public func find<C: ExtensionContent>(_ type: C.Type) throws -> C? {
        guard let ext = first(where: { $0.extensionType == C.extensionType }) else { return nil }
        return try C(tlsDecoding: ext.extensionData)
    }

    /// Whether an extension of `type` is present.
    public func contains(type: ExtensionType) -> Bool { contains { $0.extensionType == type } }

    /// The first extension type that occurs more than once (RFC 9420 §13: an extension list must not repeat a type).
    public var firstDuplicateType: ExtensionType? {
        var seen = Set<ExtensionType>()
        for e in self where !seen.insert(e.extensionType).inserted { return e.extensionType }
        return nil
    }
}
