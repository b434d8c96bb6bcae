import ArgumentParser
import Foundation
import Results
import Vectors

/// The vector part shared by `mimi-harness vectors` and `mimi-harness run`: where the vector files are
/// (issue 2 item 6: `--vectors-dir`, `MIMI_VECTORS_DIR`, `Vectors/published/`, `../shared/vectors/`), which
/// manifest verifies them, which roots are walked (the published root, plus `Vectors/generated/`), the plan of files
/// to run and running it.
struct VectorSession {
    /// The published root and how it was found (`--vectors-dir`, `MIMI_VECTORS_DIR`, `default`).
    let root: URL
    let origin: String
    let manifestURL: URL?
    let manifest: VectorManifest?
    let suite: VectorSuite
    /// The published root first, then `Vectors/generated/` when included.
    let roots: [VectorRoot]

    /// The directories tried, for the message when none exists.
    static func notFoundMessage(explicit: String?) -> String {
        let tried = VectorsDirectory.searchPath(explicit: explicit).map { "  \($0.path) (\($0.origin))" }.joined(separator: "\n")
        return "no vectors directory found. Tried:\n\(tried)\n"
            + "Pass --vectors-dir DIR, set \(VectorsDirectory.environmentVariable)=DIR, or run scripts/fetch-vectors."
    }

    /// Locates the vectors and loads the manifest; nil when no vectors directory exists.
    static func open(vectorsDir: String?, manifest manifestPath: String?, includeGenerated: Bool,
                     long: Bool = false) throws -> VectorSession? {
        guard let root = VectorsDirectory.locate(explicit: vectorsDir) else { return nil }
        let origin = VectorsDirectory.searchPath(explicit: vectorsDir).first { $0.path == root.path }?.origin ?? "default"
        let manifestURL = manifestPath.map { URL(fileURLWithPath: $0) } ?? ProjectLayout.manifestURL()
        let manifest = try manifestURL.map { try VectorManifest.load(from: $0) }
        let suite = VectorSuite(runners: VectorRegistry.runners(long: long), manifest: manifest,
                                manifestName: manifestPath ?? VectorManifest.relativeLocation)
        var roots = [VectorRoot(url: root, kind: .published)]
        if includeGenerated, let gen = ProjectLayout.generatedVectorsURL(),
           gen.standardizedFileURL.path != root.standardizedFileURL.path {
            roots.append(VectorRoot(url: gen, kind: .generated))
        }
        return VectorSession(root: root, origin: origin, manifestURL: manifestURL, manifest: manifest, suite: suite, roots: roots)
    }

    /// The lines naming the roots and the manifest, printed before a run.
    var header: String {
        var out = "Vectors:  \(root.path) (\(origin))\n"
        for r in roots.dropFirst() { out += "          \(r.url.path) (\(r.kind.rawValue))\n" }
        out += "Manifest: " + (manifestURL.map { "\($0.path) (\(manifest?.files.count ?? 0) files)" }
                               ?? "none found: published files cannot be verified") + "\n"
        return out
    }

    /// Every file of every root, narrowed by `only` (`vectors --only`).
    func plan(only: [GlobPattern]) throws -> VectorPlan {
        try suite.plan(roots: roots, only: only)
    }

    /// The files selected by `paths` (`run PATHS`): a path inside a root narrows that root to the path (a directory
    /// to everything below it); a path outside every root is walked as a root of its own (published kind, so it is
    /// checked against the manifest like any published file). Roots no path falls in are left out. Paths are used as
    /// ``GlobPattern``s, so a file name holding `*` or `?` may also select its look-alike siblings.
    func plan(paths: [URL]) throws -> VectorPlan {
        var perRoot: [(root: VectorRoot, patterns: [GlobPattern])] = []
        func add(_ root: VectorRoot, _ pattern: GlobPattern?) {
            if let i = perRoot.firstIndex(where: { $0.root == root }) {
                if let pattern { perRoot[i].patterns.append(pattern) } else { perRoot[i].patterns = [] }
            } else {
                perRoot.append((root, pattern.map { [$0] } ?? []))
            }
        }
        for path in paths {
            let full = path.standardizedFileURL.path
            let isDir = Self.isDirectory(full)
            if let r = roots.first(where: { Self.relative(full, to: $0.url) != nil }), let rel = Self.relative(full, to: r.url) {
                add(r, rel.isEmpty ? nil : GlobPattern(rel + (isDir ? "/**" : "")))
            } else if isDir {
                add(VectorRoot(url: URL(fileURLWithPath: full), kind: .published), nil)
            } else {
                let parent = URL(fileURLWithPath: full).deletingLastPathComponent()
                add(VectorRoot(url: parent, kind: .published), GlobPattern(URL(fileURLWithPath: full).lastPathComponent))
            }
        }
        var plan = try suite.plan(roots: [])  // empty: VectorPlan's initializer is internal to Vectors
        for (root, patterns) in perRoot {
            // An empty pattern list means the whole root; a narrowed root keeps only its files.
            let p = try suite.plan(roots: [root], only: patterns)
            plan.files += p.files
            plan.unrecognised += p.unrecognised
            plan.ignored += p.ignored
            plan.companions += p.companions
        }
        return plan
    }

    /// Runs `plan`; `progress` is called after each file. Adds a warning when nothing was recognised.
    func run(_ plan: VectorPlan, progress: (PlannedVectorFile, [CaseResult]) -> Void) -> (cases: [CaseResult], warnings: [String]) {
        var outcome = suite.run(plan, progress: progress)
        if plan.files.isEmpty {
            outcome.warnings.append("no vector file under \(root.path) is recognised by a runner")
        }
        return outcome
    }

    /// `path` below `root` (`""` for the root itself), or nil when it is not inside.
    static func relative(_ path: String, to root: URL) -> String? {
        let base = root.standardizedFileURL.path
        if path == base { return "" }
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
    }
}
