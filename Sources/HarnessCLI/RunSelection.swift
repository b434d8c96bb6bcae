import Foundation
import Scenario

/// How `mimi-harness run PATHS` sorts its paths into scenario paths and vector paths (issue 6, the main job):
///
/// 1. a path inside the scenarios directory is a scenario path;
/// 2. a path inside a vectors root (the published root, `Vectors/generated/`) is a vector path;
/// 3. otherwise a `.yaml`/`.yml` file, or a folder holding one (at any depth), is a scenario path;
/// 4. anything else is a vector path (a vector file, or a folder of vector files).
struct RunSelection {
    var scenarioPaths: [URL] = []
    var vectorPaths: [URL] = []

    static func classify(_ paths: [String], scenariosRoot: URL, vectorRoots: [URL], workingDirectory: String) throws -> RunSelection {
        var out = RunSelection()
        for p in paths {
            let url = URL(fileURLWithPath: p.hasPrefix("/") ? p : workingDirectory + "/" + p).standardizedFileURL
            if VectorSession.relative(url.path, to: scenariosRoot) != nil {
                out.scenarioPaths.append(url)
            } else if vectorRoots.contains(where: { VectorSession.relative(url.path, to: $0) != nil }) {
                out.vectorPaths.append(url)
            } else if VectorSession.isDirectory(url.path) ? holdsYAML(url) : isYAML(url) {
                out.scenarioPaths.append(url)
            } else {
                out.vectorPaths.append(url)
            }
        }
        return out
    }

    static func isYAML(_ url: URL) -> Bool {
        ["yaml", "yml"].contains(url.pathExtension.lowercased())
    }

    static func holdsYAML(_ dir: URL) -> Bool {
        guard let e = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil) else { return false }
        for case let url as URL in e where isYAML(url) { return true }
        return false
    }
}
