/// How identifiers are placed in endpoint URL paths — the drafts disagree, so vendors may differ
/// (draft-ietf-mimi-protocol-06 §"Directory" and the example flows; docs/protocol-choices.md).
public struct EndpointLayout: Hashable, Sendable, Codable {
    /// One way of writing a MIMI URI into a path.
    public enum IdentifierEncoding: String, Hashable, Sendable, Codable, CaseIterable {
        /// The URI without `scheme://`, its segments kept as path segments, each percent-encoded:
        /// `mimi://a.example/r/clubhouse` → `a.example/r/clubhouse` (the draft's flows).
        case schemeStripped
        /// The whole URI as one percent-encoded segment: `mimi%3A%2F%2Fa.example%2Fr%2Fclubhouse` (the
        /// keyMaterial text: "the target user URI (with any necessary percent-encoding)").
        case percentEncoded
        /// The scheme and the type segment dropped: `a.example/clubhouse` (the draft's external-join flow).
        case schemeAndTypeStripped
    }

    /// How `{roomId}` is written.
    public var room: IdentifierEncoding
    /// How `{targetUser}` and `{requesterUser}` are written.
    public var user: IdentifierEncoding
    /// When a template has no `/` before its placeholder (the draft's `/update{roomId}`), insert one.
    public var insertMissingSlash: Bool

    public init(room: IdentifierEncoding = .schemeStripped, user: IdentifierEncoding = .percentEncoded,
                insertMissingSlash: Bool = true) {
        self.room = room
        self.user = user
        self.insertMissingSlash = insertMissingSlash
    }

    /// The harness default: rooms as in the draft's flows, users percent-encoded as the keyMaterial text says.
    public static let `default` = EndpointLayout()

    /// Writes `uri` for a path with `encoding`.
    public static func encode(_ uri: IdentifierUri, as encoding: IdentifierEncoding) -> String {
        switch encoding {
        case .percentEncoded:
            return PercentEncoding.encode(uri.uri)
        case .schemeStripped, .schemeAndTypeStripped:
            guard let rest = uri.hierarchicalPart else { return PercentEncoding.encode(uri.uri) }
            var segments = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if encoding == .schemeAndTypeStripped, segments.count > 2 { segments.remove(at: 1) }
            return segments.map(PercentEncoding.encode).joined(separator: "/")
        }
    }

    /// Reads an identifier back from the path text after an endpoint's prefix. `type` is the type segment
    /// (`r`, `u`) that ``IdentifierEncoding/schemeAndTypeStripped`` drops; `scheme` is restored for the stripped
    /// forms. Returns nil for malformed percent-encoding or an empty identifier.
    public static func decode(_ path: Substring, as encoding: IdentifierEncoding, type: String,
                              scheme: String = "mimi") -> IdentifierUri? {
        guard !path.isEmpty else { return nil }
        switch encoding {
        case .percentEncoded:
            guard !path.contains("/"), let text = PercentEncoding.decode(path), !text.isEmpty else { return nil }
            return IdentifierUri(text)
        case .schemeStripped, .schemeAndTypeStripped:
            var segments: [String] = []
            for s in path.split(separator: "/", omittingEmptySubsequences: false) {
                guard let d = PercentEncoding.decode(s) else { return nil }
                segments.append(d)
            }
            guard let domain = segments.first, !domain.isEmpty else { return nil }
            if encoding == .schemeAndTypeStripped { segments.insert(type, at: 1) }
            return IdentifierUri("\(scheme)://" + segments.joined(separator: "/"))
        }
    }
}
