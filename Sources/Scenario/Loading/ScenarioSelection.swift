import Foundation

/// Which scenario files a run takes: everything below the scenarios root, or the files and directories given on the
/// command line (`mimi-harness run Scenarios/flows Scenarios/policy/banned-cannot-rejoin.yaml`). Each file keeps its
/// path relative to the root, so case ids stay `scenarios/<path without extension>` however it was selected.
public enum ScenarioSelection {
    /// The scenarios root: `Scenarios/` below the working directory.
    public static func defaultRoot(workingDirectory: String = FileManager.default.currentDirectoryPath) -> URL {
        URL(fileURLWithPath: workingDirectory).appendingPathComponent("Scenarios", isDirectory: true)
    }

    /// A selected path that does not exist or holds no scenario file.
    public struct Problem: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Resolves `paths` (files or directories, absolute or relative to the working directory) to scenario files,
    /// sorted by relative path and without duplicates. No paths means every file below `root`.
    public static func files(_ paths: [String], root: URL,
                             workingDirectory: String = FileManager.default.currentDirectoryPath) throws -> [(url: URL, relativePath: String)] {
        if paths.isEmpty { return ScenarioLoader.scenarioFiles(under: root) }
        let rootPath = root.standardizedFileURL.path
        var out: [String: URL] = [:]
        for p in paths {
            let url = URL(fileURLWithPath: p.hasPrefix("/") ? p : workingDirectory + "/" + p).standardizedFileURL
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) else {
                throw Problem(path: p, reason: "no such file or directory")
            }
            if isDir.boolValue {
                let found = ScenarioLoader.scenarioFiles(under: url)
                if found.isEmpty { throw Problem(path: p, reason: "holds no scenario file (.yaml, .yml, .json)") }
                for f in found { out[relative(f.url, rootPath)] = f.url }
            } else {
                guard ScenarioLoader.extensions.contains(url.pathExtension.lowercased()) else {
                    throw Problem(path: p, reason: "is not a scenario file (.yaml, .yml, .json)")
                }
                out[relative(url, rootPath)] = url
            }
        }
        return out.keys.sorted().compactMap { k in out[k].map { ($0, k) } }
    }

    /// The path below the root, or the file name for a file outside it.
    static func relative(_ url: URL, _ rootPath: String) -> String {
        let full = url.standardizedFileURL.path
        let prefix = rootPath.hasSuffix("/") ? rootPath : rootPath + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : url.lastPathComponent
    }
}
