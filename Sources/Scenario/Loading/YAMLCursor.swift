import Yams

/// A position in a composed YAML document with typed, strict accessors. Each accessor either returns the value or
/// throws a ``ScenarioLoadError`` naming the node's line and column and what was expected there.
///
/// Strictness rules: mappings may only hold the keys the format defines; integers and booleans must be plain
/// scalars (`"42"` in quotes is a string); null is never accepted where a value is expected; anchors and aliases
/// are refused, so a file reads the same to a person as to the loader.
struct YAMLCursor {
    let node: Node
    let file: String
    /// Human-readable path (`steps[3].add-user.room`).
    let path: String

    var location: SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func fail(_ message: String) -> ScenarioLoadError { ScenarioLoadError(location, message) }

    /// What the node is, for "found …" in messages.
    var found: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let s):
            if s.style == .plain && (s.string == "null" || s.string == "~" || s.string.isEmpty) { return "null" }
            return "\"\(s.string.prefix(40))\""
        }
    }

    private var isNull: Bool {
        if case .scalar(let s) = node, s.style == .plain, s.string == "null" || s.string == "~" || s.string.isEmpty {
            return true
        }
        return false
    }

    func string(_ what: String) throws -> String {
        guard case .scalar(let s) = node, !isNull else { throw fail("expected \(what) (a string), found \(found)") }
        return s.string
    }

    /// A string that must be one of `choices`.
    func choice(_ what: String, _ choices: [String]) throws -> String {
        let s = try string(what)
        guard choices.contains(s) else {
            throw fail("expected \(what): one of \(choices.joined(separator: ", ")); found \"\(s)\"")
        }
        return s
    }

    /// A name as defined by ``ScenarioName``.
    func name(_ what: String) throws -> String {
        let s = try string(what)
        guard ScenarioName.isValid(s) else {
            throw fail("expected \(what): letters, digits, '-', '_' or '.', at most 64; found \"\(s)\"")
        }
        return s
    }

    func client(_ what: String, allowBareUser: Bool = true) throws -> ClientRef {
        let s = try string(what)
        guard let c = ClientRef(parsing: s, allowBareUser: allowBareUser) else {
            throw fail("expected \(what) as user/N (N ≥ 1)\(allowBareUser ? " or user" : ""); found \"\(s)\"")
        }
        return c
    }

    func unsigned(_ what: String, max: UInt64 = UInt64.max) throws -> UInt64 {
        guard case .scalar(let s) = node, s.style == .plain, !isNull else {
            throw fail("expected \(what) (a non-negative integer), found \(found)")
        }
        let text = s.string
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let v = UInt64(text) else {
            throw fail("expected \(what) (a non-negative integer), found \"\(text)\"")
        }
        guard v <= max else { throw fail("expected \(what) at most \(max), found \(v)") }
        return v
    }

    func int(_ what: String, range: ClosedRange<Int>) throws -> Int {
        let v = try unsigned(what, max: UInt64(range.upperBound))
        guard Int(v) >= range.lowerBound else {
            throw fail("expected \(what) between \(range.lowerBound) and \(range.upperBound), found \(v)")
        }
        return Int(v)
    }

    func bool(_ what: String) throws -> Bool {
        guard case .scalar(let s) = node, s.style == .plain, s.string == "true" || s.string == "false" else {
            throw fail("expected \(what) (true or false), found \(found)")
        }
        return s.string == "true"
    }

    func hexBytes(_ what: String) throws -> [UInt8] {
        let s = try string(what).filter { !$0.isWhitespace }
        guard s.count % 2 == 0 else { throw fail("expected \(what) as hex with an even number of digits") }
        var out: [UInt8] = []
        out.reserveCapacity(s.count / 2)
        var it = s.makeIterator()
        while let hi = it.next(), let lo = it.next() {
            guard let h = hi.hexDigitValue, let l = lo.hexDigitValue else {
                throw fail("expected \(what) as hex digits, found \"\(hi)\(lo)\"")
            }
            out.append(UInt8(h << 4 | l))
        }
        return out
    }

    func list(_ what: String) throws -> [YAMLCursor] {
        guard case .sequence(let seq) = node else { throw fail("expected \(what) (a list), found \(found)") }
        return seq.enumerated().map { YAMLCursor(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// A list, or a single value standing for a one-element list.
    func listOrOne(_ what: String) throws -> [YAMLCursor] {
        if case .sequence = node { return try list(what) }
        return [self]
    }

    /// A mapping whose keys must all be in `allowed`.
    func map(_ what: String, allowed: [String]) throws -> YAMLMap {
        let m = try openMap(what)
        for (key, keyNode, _) in m.entries where !allowed.contains(key) {
            let c = YAMLCursor(node: keyNode, file: file, path: path)
            throw c.fail("unknown key '\(key)' in \(what); expected one of: \(allowed.joined(separator: ", "))")
        }
        return m
    }

    /// A mapping with any string keys (e.g. providers by domain).
    func openMap(_ what: String) throws -> YAMLMap {
        guard case .mapping(let mapping) = node else { throw fail("expected \(what) (a mapping), found \(found)") }
        var entries: [(String, Node, YAMLCursor)] = []
        for (k, v) in mapping {
            guard case .scalar(let ks) = k else {
                throw YAMLCursor(node: k, file: file, path: path).fail("expected a string key in \(what)")
            }
            if case .alias = v { throw YAMLCursor(node: v, file: file, path: path).fail("aliases are not supported") }
            entries.append((ks.string, k, YAMLCursor(node: v, file: file, path: "\(path).\(ks.string)")))
        }
        return YAMLMap(cursor: self, what: what, entries: entries)
    }
}

/// A YAML mapping read through ``YAMLCursor``, in file order.
struct YAMLMap {
    let cursor: YAMLCursor
    let what: String
    let entries: [(key: String, keyNode: Node, value: YAMLCursor)]

    var keys: [String] { entries.map(\.key) }

    func has(_ key: String) -> Bool { entries.contains { $0.key == key } }

    func optional(_ key: String) -> YAMLCursor? { entries.first { $0.key == key }?.value }

    func required(_ key: String) throws -> YAMLCursor {
        guard let v = optional(key) else { throw cursor.fail("expected key '\(key)' in \(what)") }
        return v
    }
}
