/// A client (device) of a scenario user, written `user/N` with N counting from 1 (`bob/2`).
///
/// In MIMI terms (draft-ietf-mimi-arch-02, "Participants and clients") users are room participants and their
/// clients are the MLS group members. A bare user name where a client is expected means that user's first device.
public struct ClientRef: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var user: String
    public var device: Int

    public init(user: String, device: Int) {
        self.user = user
        self.device = device
    }

    /// Parses `user/N` or, when `allowBareUser` is set, `user` (device 1). Returns nil for anything else.
    public init?(parsing text: String, allowBareUser: Bool = true) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        if parts.count == 1, allowBareUser, ScenarioName.isValid(text) {
            self.init(user: text, device: 1)
            return
        }
        guard parts.count == 2, ScenarioName.isValid(String(parts[0])), let n = Int(parts[1]), n >= 1,
              String(n) == parts[1] else { return nil }
        self.init(user: String(parts[0]), device: n)
    }

    public var description: String { "\(user)/\(device)" }

    public static func < (a: ClientRef, b: ClientRef) -> Bool {
        a.user == b.user ? a.device < b.device : a.user < b.user
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = ClientRef(parsing: text, allowBareUser: false) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected user/N, found \(text)"))
        }
        self = parsed
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// The names a scenario gives to users, rooms, providers and message labels.
public enum ScenarioName {
    /// Letters, digits, `-`, `_` and `.`, starting with a letter or digit; at most 64 characters.
    public static func isValid(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, s.unicodeScalars.count <= 64, isAlnum(first) else { return false }
        return s.unicodeScalars.allSatisfy { isAlnum($0) || $0 == "-" || $0 == "_" || $0 == "." }
    }

    private static func isAlnum(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
    }
}
