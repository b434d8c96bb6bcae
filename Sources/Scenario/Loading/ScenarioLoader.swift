import Foundation
import Yams

/// Loads scenario files (YAML, or JSON parsed as YAML flow style so positions are kept) and validates them.
///
/// Syntax errors come from Yams with the mark libyaml reports; structural errors come from ``ScenarioParser``
/// and reference errors from ``ScenarioValidator``; all are `file:line:column: expected …`.
public enum ScenarioLoader {
    /// File extensions loaded as scenarios.
    public static let extensions: Set<String> = ["yaml", "yml", "json"]
    /// Files in `Scenarios/` that are not scenarios.
    public static let nonScenarioFiles: Set<String> = ["schema.json", "requirements.yaml"]

    /// Parses `text`; `file` is the name used in diagnostics and recorded as the scenario's source.
    public static func parse(_ text: String, file: String, knownRequirements: Set<String>? = nil) throws -> Scenario {
        do {
            try NestingGuard.check(text, file: file)
        } catch let e as ScenarioLoadError {
            throw ScenarioLoadErrors([e])
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw ScenarioLoadErrors([ScenarioLoadError(SourceLocation(file: file, line: 1, column: 1), "expected a scenario mapping, found an empty document")])
            }
            root = node
        } catch let e as YamlError {
            throw ScenarioLoadErrors([syntaxError(e, file: file)])
        }
        let scenario: Scenario
        do {
            scenario = try ScenarioParser(file: file).parse(YAMLCursor(node: root, file: file, path: ""))
        } catch let e as ScenarioLoadError {
            throw ScenarioLoadErrors([e])
        }
        let problems = ScenarioValidator(knownRequirements: knownRequirements).validate(scenario)
        if !problems.isEmpty { throw ScenarioLoadErrors(problems) }
        return scenario
    }

    /// Reads and parses one file. `displayPath` is how the file is named in messages (default: its path).
    public static func load(_ url: URL, displayPath: String? = nil, knownRequirements: Set<String>? = nil) throws -> Scenario {
        let name = displayPath ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ScenarioLoadErrors([ScenarioLoadError(SourceLocation(file: name, line: 1, column: 1), "cannot read the file: \(error.localizedDescription)")])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScenarioLoadErrors([ScenarioLoadError(SourceLocation(file: name, line: 1, column: 1), "expected UTF-8 text")])
        }
        return try parse(text, file: name, knownRequirements: knownRequirements)
    }

    /// Every scenario file below `root` (recursively, sorted by relative path), excluding ``nonScenarioFiles``.
    public static func scenarioFiles(under root: URL) -> [(url: URL, relativePath: String)] {
        guard let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let base = root.standardizedFileURL.path
        var out: [(URL, String)] = []
        for case let url as URL in e where extensions.contains(url.pathExtension.lowercased()) {
            let full = url.standardizedFileURL.path
            guard full.hasPrefix(base) else { continue }
            let rel = String(full.dropFirst(base.count)).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            if rel.split(separator: "/").count == 1, nonScenarioFiles.contains(rel) { continue }
            out.append((url, rel))
        }
        return out.sorted { $0.1 < $1.1 }
    }

    /// The case id of a scenario file: `scenarios/` plus its path below Scenarios/ without extension.
    public static func caseId(relativePath: String) -> String {
        var parts = relativePath.split(separator: "/").map(String.init)
        if let last = parts.popLast() {
            let stem = last.split(separator: ".").dropLast().joined(separator: ".")
            parts.append(stem.isEmpty ? last : stem)
        }
        return "scenarios/" + parts.joined(separator: "/")
    }

    static func syntaxError(_ e: YamlError, file: String) -> ScenarioLoadError {
        func at(_ m: Mark) -> SourceLocation { SourceLocation(file: file, line: m.line, column: m.column) }
        let origin = SourceLocation(file: file, line: 1, column: 1)
        switch e {
        case .scanner(let ctx, let problem, let mark, _), .parser(let ctx, let problem, let mark, _),
             .composer(let ctx, let problem, let mark, _):
            let context = ctx.map { " (\($0.text))" } ?? ""
            return ScenarioLoadError(at(mark), "YAML syntax error: \(problem)\(context)")
        case .duplicatedKeysInMapping(let duplicates, let ctx):
            return ScenarioLoadError(at(ctx.mark), "expected each key once in a mapping; duplicated: \(duplicates.joined(separator: ", "))")
        case .reader(let problem, let offset, _, _):
            return ScenarioLoadError(origin, "cannot read the text: \(problem)\(offset.map { " at byte \($0)" } ?? "")")
        default:
            return ScenarioLoadError(origin, "YAML error: \(e)")
        }
    }
}
