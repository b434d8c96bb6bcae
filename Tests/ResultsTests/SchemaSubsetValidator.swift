import Foundation

/// A validator for the subset of JSON Schema draft 2020-12 that docs/results.schema.json uses, so that `swift test`
/// checks a produced results.json against the published schema without Python. A schema keyword outside the subset
/// is itself reported, so the schema cannot grow a rule this validator silently ignores.
struct SchemaSubsetValidator {
    static let supported: Set<String> = [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "required", "properties",
        "additionalProperties", "items", "enum", "minimum", "maximum", "minLength",
    ]

    let root: [String: Any]

    init(schema: [String: Any]) {
        root = schema
    }

    /// Every violation, as `path: problem`.
    func validate(_ value: Any) -> [String] {
        var problems: [String] = []
        check(value, against: root, at: "$", into: &problems)
        return problems
    }

    private func resolve(_ ref: String) -> [String: Any]? {
        let prefix = "#/$defs/"
        guard ref.hasPrefix(prefix), let defs = root["$defs"] as? [String: Any] else { return nil }
        return defs[String(ref.dropFirst(prefix.count))] as? [String: Any]
    }

    private func check(_ value: Any, against schema: [String: Any], at path: String, into problems: inout [String]) {
        for key in schema.keys where !Self.supported.contains(key) {
            problems.append("\(path): schema keyword '\(key)' is not supported by this validator")
        }
        if let ref = schema["$ref"] as? String {
            guard let target = resolve(ref) else {
                problems.append("\(path): unresolvable $ref \(ref)")
                return
            }
            check(value, against: target, at: path, into: &problems)
        }
        if let type = schema["type"] as? String, !Self.matches(value, type: type) {
            problems.append("\(path): expected \(type), found \(Self.describe(value))")
            return
        }
        if let options = schema["enum"] as? [Any] {
            let ok = options.contains { ($0 as? String) == (value as? String) && value is String }
            if !ok { problems.append("\(path): \(Self.describe(value)) is not one of \(options)") }
        }
        if let n = value as? NSNumber, !(value is String) {
            if let min = (schema["minimum"] as? NSNumber)?.doubleValue, n.doubleValue < min {
                problems.append("\(path): \(n) is below the minimum \(min)")
            }
            if let max = (schema["maximum"] as? NSNumber)?.doubleValue, n.doubleValue > max {
                problems.append("\(path): \(n) is above the maximum \(max)")
            }
        }
        if let s = value as? String, let minLength = (schema["minLength"] as? NSNumber)?.intValue, s.count < minLength {
            problems.append("\(path): string shorter than \(minLength)")
        }
        if let object = value as? [String: Any] {
            for name in (schema["required"] as? [String]) ?? [] where object[name] == nil {
                problems.append("\(path): missing required property '\(name)'")
            }
            let properties = (schema["properties"] as? [String: Any]) ?? [:]
            for (name, v) in object {
                if let sub = properties[name] as? [String: Any] {
                    check(v, against: sub, at: "\(path).\(name)", into: &problems)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    problems.append("\(path): property '\(name)' is not allowed")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, v) in array.enumerated() { check(v, against: items, at: "\(path)[\(i)]", into: &problems) }
        }
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "number": return value is NSNumber && !(value is String)
        case "integer":
            guard let n = value as? NSNumber, !(value is String) else { return false }
            return n.doubleValue.rounded() == n.doubleValue
        case "boolean":
            guard let n = value as? NSNumber, !(value is String) else { return false }
            return n.doubleValue == 0 || n.doubleValue == 1
        default: return false
        }
    }

    private static func describe(_ value: Any) -> String {
        switch value {
        case is String: return "a string"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case is NSNull: return "null"
        default: return "\(value)"
        }
    }
}
