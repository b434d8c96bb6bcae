import Foundation
import Yams

/// The requirement registry: loaded from docs/requirements.yaml (strictly, with `file:line:column` errors), looked
/// up by id, and able to map the citations vector cases use (`RFC9420 §8.5`) to registry ids.
public struct RequirementRegistry: Sendable {
    public let requirements: [Requirement]
    private let byId: [String: Requirement]
    /// Normalized citation string → ids of the entries listing it in `citations`, in registry order.
    private let listed: [String: [String]]

    /// The registry file, relative to the package root.
    public static let relativePath = "docs/requirements.yaml"
    public static let environmentVariable = "MIMI_REQUIREMENTS"

    public init(_ requirements: [Requirement]) {
        self.requirements = requirements
        self.byId = Dictionary(requirements.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var listed: [String: [String]] = [:]
        for r in requirements {
            for c in Set(r.citations.map(Citation.normalize)) { listed[c, default: []].append(r.id) }
        }
        self.listed = listed
    }

    public subscript(id: String) -> Requirement? { byId[id] }
    public var ids: Set<String> { Set(byId.keys) }

    // MARK: loading

    public static func parse(_ text: String, file: String) throws -> RequirementRegistry {
        try NestingGuard.check(text, file: file)
        let root: Node
        do {
            guard let n = try Yams.compose(yaml: text) else {
                throw ScenarioLoadError(SourceLocation(file: file, line: 1, column: 1), "expected a mapping with key 'requirements'")
            }
            root = n
        } catch let e as YamlError {
            throw ScenarioLoader.syntaxError(e, file: file)
        }
        let top = try YAMLCursor(node: root, file: file, path: "").map("the registry", allowed: ["requirements"])
        var out: [Requirement] = []
        var seen: Set<String> = []
        for item in try top.required("requirements").list("requirements") {
            let m = try item.map("a requirement", allowed: ["id", "source", "section", "level", "text", "citations", "derived"])
            let idCursor = try m.required("id")
            let id = try idCursor.string("id")
            guard !id.isEmpty, id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._".contains($0)) }) else {
                throw idCursor.fail("expected id: ASCII letters, digits, '-', '.', '_'; found \"\(id)\"")
            }
            guard seen.insert(id).inserted else { throw idCursor.fail("expected a unique id, \"\(id)\" appears twice") }
            let level = try m.required("level").choice("level", Requirement.Level.allCases.map(\.rawValue))
            out.append(Requirement(
                id: id, source: try m.required("source").string("source"), section: try m.required("section").string("section"),
                level: Requirement.Level(rawValue: level) ?? .must, text: try m.required("text").string("text"),
                citations: try m.optional("citations")?.list("citations").map { try $0.string("a citation") } ?? [],
                derived: try m.optional("derived")?.bool("derived") ?? false))
        }
        return RequirementRegistry(out)
    }

    public static func load(_ url: URL) throws -> RequirementRegistry {
        let text = try String(contentsOf: url, encoding: .utf8)
        return try parse(text, file: url.path)
    }

    /// Where the registry is read from: `explicit`, else `MIMI_REQUIREMENTS`, else docs/requirements.yaml below the
    /// working directory, else below the package this binary was built from.
    public static func locate(explicit: String? = nil,
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              workingDirectory: String = FileManager.default.currentDirectoryPath) -> URL? {
        var candidates: [String] = []
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let e = environment[environmentVariable], !e.isEmpty { candidates.append(e) }
        candidates.append(workingDirectory + "/" + relativePath)
        // Sources/Scenario/Requirements/RequirementRegistry.swift → package root.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(relativePath).path)
        return candidates.map { URL(fileURLWithPath: $0) }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    // MARK: citations

    /// The registry ids a citation stands for (docs/requirements.md "Who cites what"):
    /// - a registry id maps to itself;
    /// - a citation an entry lists in `citations` maps to that entry (`RFC 9420` and `RFC9420` are the same);
    /// - a section citation (`RFC9420 §8.5`, `RFC8949 §3.2.1`, `draft-ietf-mimi-content-08 §6.1 MUST NOT`,
    ///   `… Appendix A.1`, `… §6, §9.1`) maps, per section, to the entries of that source whose `section` is that
    ///   number or that list the plain `<source> §<section>`; a trailing level word keeps only the entries of that
    ///   level (plus those that list the qualified citation). A section with no entry falls back to its nearest
    ///   parent section.
    /// Unknown citations map to nothing.
    public func ids(forCitation citation: String) -> [String] {
        let c = Citation.normalize(citation)
        if byId[c] != nil { return [c] }
        var found = listed[c] ?? []
        if let parsed = Citation(c) {
            for section in parsed.sections {
                var current: String? = section
                while let s = current {
                    let plain = Citation.plain(parsed.source, s)
                    var matches = requirements.filter { $0.source == parsed.source && $0.section == s }.map(\.id) + (listed[plain] ?? [])
                    if let level = parsed.level {
                        matches = matches.filter { byId[$0]?.level == level } + (listed[plain + " " + level.rawValue] ?? [])
                    }
                    if !matches.isEmpty {
                        found += matches
                        break
                    }
                    current = Citation.parent(of: s)
                }
            }
        }
        var seen: Set<String> = []
        return found.filter { seen.insert($0).inserted }
    }
}
