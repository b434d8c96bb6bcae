/// A shell-style pattern for `--only`: `*` matches within one path component, `**` across components, `?` one
/// character; everything else matches itself. A pattern without `/` is matched against the file name too, so
/// `--only 'key-*'` selects `mls/key-schedule.json`.
public struct GlobPattern: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let chars: [Character]

    public init(_ pattern: String) {
        self.pattern = pattern
        self.chars = Array(pattern)
    }

    public var description: String { pattern }

    /// Whether `path` (`/`-separated, relative) matches: the whole path, or the file name for a pattern without `/`,
    /// or the path without its extension.
    public func matches(_ path: String) -> Bool {
        var candidates = [path]
        if !pattern.contains("/"), let name = path.split(separator: "/").last { candidates.append(String(name)) }
        var withoutExtension: [String] = []
        for c in candidates {
            let nameStart = c.lastIndex(of: "/").map { c.index(after: $0) } ?? c.startIndex
            if let dot = c[nameStart...].lastIndex(of: "."), dot > nameStart { withoutExtension.append(String(c[..<dot])) }
        }
        return (candidates + withoutExtension).contains { Self.match(chars[...], Array($0)[...]) }
    }

    private static func match(_ p: ArraySlice<Character>, _ s: ArraySlice<Character>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        if first == "*" {
            let doubleStar = p.dropFirst().first == "*"
            let rest = doubleStar ? p.dropFirst(2) : p.dropFirst()
            var i = s.startIndex
            while true {
                if match(rest, s[i...]) { return true }
                guard i < s.endIndex else { return false }
                if !doubleStar && s[i] == "/" { return false }
                i = s.index(after: i)
            }
        }
        guard let c = s.first else { return false }
        if first == "?" { return c != "/" && match(p.dropFirst(), s.dropFirst()) }
        return first == c && match(p.dropFirst(), s.dropFirst())
    }
}
