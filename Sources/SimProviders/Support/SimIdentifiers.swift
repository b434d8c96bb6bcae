/// The identifier shapes the simulated providers use (draft-ietf-mimi-protocol-06 §"Identifiers", digest §4):
/// users `mimi://<domain>/u/<name>`, clients `mimi://<domain>/d/<name>/<device>`, rooms `mimi://<domain>/r/<id>`
/// (the hub is the room URI's domain) and MLS groups `mimi://<domain>/g/<id>`.
///
/// The grammar is not fixed by any draft; these helpers only ever parse identifiers the simulation made, and return
/// nil for anything else instead of trapping.
public enum SimIdentifiers {
    /// `mimi://domain/u/name`.
    public static func user(_ name: String, at domain: String) -> String { "mimi://\(domain)/u/\(name)" }

    /// `mimi://domain/d/name/device`.
    public static func client(_ name: String, device: String, at domain: String) -> String {
        "mimi://\(domain)/d/\(name)/\(device)"
    }

    /// `mimi://domain/r/id`.
    public static func room(_ id: String, at domain: String) -> String { "mimi://\(domain)/r/\(id)" }

    /// The MLS group ID of a room: `mimi://domain/g/id` for `mimi://domain/r/id` (the protocol draft's examples).
    public static func groupID(ofRoom room: String) -> [UInt8] {
        guard let parts = split(room), parts.segments.count >= 2, parts.segments[0] == "r" else { return Array(room.utf8) }
        return Array("mimi://\(parts.domain)/g/\(parts.segments.dropFirst().joined(separator: "/"))".utf8)
    }

    /// The provider domain of a `mimi://` identifier, lowercased.
    public static func domain(of uri: String) -> String? { split(uri)?.domain }

    /// The user a client identifier belongs to: `mimi://d/name/device` → `mimi://u/name`.
    public static func user(ofClient client: String) -> String? {
        guard let parts = split(client), parts.segments.count == 3, parts.segments[0] == "d" else { return nil }
        return user(parts.segments[1], at: parts.domain)
    }

    /// The last path segment of an identifier (a user's name, a client's device).
    public static func localName(of uri: String) -> String? {
        guard let parts = split(uri), parts.segments.count >= 2 else { return nil }
        return parts.segments[1]
    }

    static func split(_ uri: String) -> (domain: String, segments: [String])? {
        guard uri.hasPrefix("mimi://") else { return nil }
        let rest = uri.dropFirst("mimi://".count)
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let domain = parts.first, !domain.isEmpty else { return nil }
        return (domain.lowercased(), Array(parts.dropFirst()))
    }
}
