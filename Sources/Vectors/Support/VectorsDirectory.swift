import Foundation

/// Where published vectors are read from: `--vectors-dir`, else `MIMI_VECTORS_DIR`, else `Vectors/published/`
/// (filled by scripts/fetch-vectors), else `../shared/vectors/`. Paths are relative to the working directory.
public enum VectorsDirectory {
    public static let environmentVariable = "MIMI_VECTORS_DIR"

    /// The directories tried, in order, with the reason each one is on the list.
    public static func searchPath(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                                  workingDirectory: String = FileManager.default.currentDirectoryPath) -> [(path: String, origin: String)] {
        var out: [(String, String)] = []
        if let explicit { out.append((absolute(explicit, workingDirectory), "--vectors-dir")) }
        if let env = environment[environmentVariable], !env.isEmpty { out.append((absolute(env, workingDirectory), environmentVariable)) }
        out.append((absolute("Vectors/published", workingDirectory), "default"))
        out.append((absolute("../shared/vectors", workingDirectory), "default"))
        return out
    }

    /// The first directory of the search path that exists. An explicit directory that does not exist is returned
    /// anyway, so that the caller reports it rather than silently falling back.
    public static func locate(explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
                              workingDirectory: String = FileManager.default.currentDirectoryPath) -> URL? {
        let candidates = searchPath(explicit: explicit, environment: environment, workingDirectory: workingDirectory)
        if explicit != nil, let first = candidates.first { return URL(fileURLWithPath: first.path) }
        for c in candidates {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: c.path, isDirectory: &isDir), isDir.boolValue {
                return URL(fileURLWithPath: c.path)
            }
        }
        return nil
    }

    /// A published vector file by its path below the vectors root (`mls/key-schedule.json`), for tests.
    public static func published(_ relativePath: String) -> URL? {
        guard let root = locate() else { return nil }
        let url = root.appendingPathComponent(relativePath)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    private static func absolute(_ path: String, _ cwd: String) -> String {
        let p = path.hasPrefix("/") ? path : cwd + "/" + path
        return URL(fileURLWithPath: p).standardizedFileURL.path
    }
}
