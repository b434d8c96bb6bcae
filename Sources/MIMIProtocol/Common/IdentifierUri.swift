import TLSCodec

/// `IdentifierUri` (draft-ietf-mimi-protocol-06 §5.1): `struct { opaque uri<V>; }` holding a UTF-8 URI such as
/// `mimi://b.example/u/bob`. The draft uses `RoomId` without defining it; this harness reads it as an
/// `IdentifierUri` (docs/protocol-choices.md).
///
/// The decoder requires valid UTF-8 and nothing else: the MIMI URI grammar is not fixed (mimi-specs digest §4).
public struct IdentifierUri: Hashable, Sendable, Comparable, TLSCodable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public var uri: String

    public init(_ uri: String) { self.uri = uri }
    public init(stringLiteral value: String) { self.uri = value }

    public init(from reader: inout TLSReader) throws {
        uri = try reader.readUTF8("uri")
    }

    public func encode(to writer: inout TLSWriter) { writer.writeUTF8(uri) }

    public var description: String { uri }

    public static func < (lhs: IdentifierUri, rhs: IdentifierUri) -> Bool { lhs.uri < rhs.uri }

    /// What follows `scheme://`, when the URI has that form.
    public var hierarchicalPart: Substring? {
        guard let colon = uri.firstIndex(of: ":") else { return nil }
        let after = uri[uri.index(after: colon)...]
        guard after.hasPrefix("//") else { return nil }
        return after.dropFirst(2)
    }

    /// The scheme, lowercased (`mimi`, `im`, …), or nil when the URI has none.
    public var scheme: String? {
        guard let colon = uri.firstIndex(of: ":") else { return nil }
        let s = uri[..<colon]
        guard !s.isEmpty, s.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return s.lowercased()
    }

    /// The authority of a hierarchical URI (`mimi://a.example/...` → `a.example`), lowercased; for an
    /// `im:user@domain` handle, the domain.
    public var domain: String? {
        if let rest = hierarchicalPart {
            let end = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
            let authority = rest[..<end]
            return authority.isEmpty ? nil : authority.lowercased()
        }
        if scheme == "im", let at = uri.lastIndex(of: "@") {
            let d = uri[uri.index(after: at)...]
            return d.isEmpty ? nil : d.lowercased()
        }
        return nil
    }
}

/// `RoomId`: used by draft-ietf-mimi-protocol-06 §5 but never defined; read as an ``IdentifierUri``.
public typealias RoomId = IdentifierUri
