import Foundation

/// A JSON value as written in an MLS interop config (../shared/specs/mls-interop-harness.md §3), kept typed so that the
/// config reader can be strict: a number is never read as a boolean, nor a boolean as a number.
indirect enum MLSInteropJSON: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([MLSInteropJSON])
    case object([String: MLSInteropJSON])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([MLSInteropJSON].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: MLSInteropJSON].self))
        }
    }

    /// The JSON type, for error messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A config that breaks the format of ../shared/specs/mls-interop-harness.md §3, naming the file and the field path
/// (`scripts.with_psk[4].pskID`).
struct MLSInteropConfigError: Error, Sendable, CustomStringConvertible {
    let file: String
    let field: String
    let detail: String

    var description: String { "\(file): field '\(field)': \(detail)" }
}

/// The keys of one JSON object of a config, read strictly: keys are matched as the Go runner's `encoding/json`
/// matches struct tags (case-insensitively), and also with underscores ignored, so `force_path` and `forcePath` are
/// the same key; a key that the action does not define is an error, never silently dropped.
struct MLSInteropObject {
    let file: String
    let path: String
    private var values: [String: (key: String, value: MLSInteropJSON)] = [:]
    private var used: Set<String> = []

    init(_ value: MLSInteropJSON, file: String, path: String) throws {
        self.file = file
        self.path = path
        guard case .object(let dict) = value else {
            throw MLSInteropConfigError(file: file, field: path, detail: "expected an object, found \(value.kind)")
        }
        for key in dict.keys.sorted() {
            guard let v = dict[key] else { continue }
            let n = Self.normalized(key)
            if let other = values[n] {
                throw MLSInteropConfigError(file: file, field: "\(path).\(key)",
                                            detail: "duplicates key '\(other.key)' (keys match case-insensitively, '_' ignored)")
            }
            values[n] = (key, v)
        }
    }

    static func normalized(_ key: String) -> String { key.lowercased().replacingOccurrences(of: "_", with: "") }

    func field(_ name: String) -> String { "\(path).\(values[Self.normalized(name)]?.key ?? name)" }

    private mutating func take(_ name: String) -> MLSInteropJSON? {
        let n = Self.normalized(name)
        guard let entry = values[n] else { return nil }
        used.insert(n)
        if case .null = entry.value { return nil }
        return entry.value
    }

    private func fail(_ name: String, _ detail: String) -> MLSInteropConfigError {
        MLSInteropConfigError(file: file, field: field(name), detail: detail)
    }

    mutating func string(_ name: String) throws -> String? {
        guard let v = take(name) else { return nil }
        guard case .string(let s) = v else { throw fail(name, "expected a string, found \(v.kind)") }
        return s
    }

    mutating func requiredString(_ name: String) throws -> String {
        guard let s = try string(name) else { throw fail(name, "missing") }
        return s
    }

    /// A non-empty actor name.
    mutating func actor(_ name: String) throws -> String {
        let s = try requiredString(name)
        guard !s.isEmpty else { throw fail(name, "an actor name must not be empty") }
        return s
    }

    mutating func bool(_ name: String) throws -> Bool {
        guard let v = take(name) else { return false }
        guard case .bool(let b) = v else { throw fail(name, "expected true or false, found \(v.kind)") }
        return b
    }

    mutating func integer(_ name: String) throws -> Int? {
        guard let v = take(name) else { return nil }
        return try Self.integer(v, file: file, field: field(name))
    }

    static func integer(_ v: MLSInteropJSON, file: String, field: String) throws -> Int {
        guard case .number(let d) = v else {
            throw MLSInteropConfigError(file: file, field: field, detail: "expected a non-negative integer, found \(v.kind)")
        }
        guard d >= 0, d <= 1e9, d.rounded() == d else {
            throw MLSInteropConfigError(file: file, field: field, detail: "expected a non-negative integer, found \(d)")
        }
        return Int(d)
    }

    mutating func requiredInteger(_ name: String) throws -> Int {
        guard let i = try integer(name) else { throw fail(name, "missing") }
        return i
    }

    mutating func array(_ name: String) throws -> [MLSInteropJSON] {
        guard let v = take(name) else { return [] }
        guard case .array(let a) = v else { throw fail(name, "expected an array, found \(v.kind)") }
        return a
    }

    mutating func strings(_ name: String) throws -> [String] {
        let f = field(name)
        return try array(name).enumerated().map { i, v in
            guard case .string(let s) = v, !s.isEmpty else {
                throw MLSInteropConfigError(file: file, field: "\(f)[\(i)]", detail: "expected an actor name, found \(v.kind)")
            }
            return s
        }
    }

    mutating func integers(_ name: String) throws -> [Int] {
        let f = field(name)
        return try array(name).enumerated().map { i, v in try Self.integer(v, file: file, field: "\(f)[\(i)]") }
    }

    mutating func object(_ name: String) throws -> MLSInteropObject? {
        guard let v = take(name) else { return nil }
        return try MLSInteropObject(v, file: file, path: field(name))
    }

    /// Fails on any key that was not read.
    func finish(what: String = "for this step") throws {
        for (n, entry) in values.sorted(by: { $0.value.key < $1.value.key }) where !used.contains(n) {
            throw MLSInteropConfigError(file: file, field: "\(path).\(entry.key)", detail: "unknown key \(what)")
        }
    }
}
