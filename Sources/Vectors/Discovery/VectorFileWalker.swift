import Foundation

/// One file found below a vectors root.
public struct FoundVectorFile: Sendable, Hashable {
    public let url: URL
    /// Path below the root, `/`-separated.
    public let relativePath: String
}

/// Which files below a vectors root are candidates for a runner.
///
/// The rule: hidden files and directories (a component starting with `.`), documentation or schema files and the
/// scripts that generate vectors (``ignoredExtensions``: `.md`, `.edn`, `.pretty`, `.cddl`, `.diag`, `.txt`, `.py`,
/// `.sh`) are never handed to a runner. Every
/// other file must be accepted by a runner, or be a companion of an accepted file (same directory and name, other
/// extension, e.g. `reply.hex` next to an accepted `reply.cbor`); anything else is an "unrecognised vector file".
public enum VectorFileRules {
    public static let ignoredExtensions: Set<String> = ["md", "edn", "pretty", "cddl", "diag", "txt", "py", "sh"]

    /// Whether the file at `relativePath` is documentation, a schema or hidden.
    public static func isIgnored(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/")
        if parts.contains(where: { $0.hasPrefix(".") }) { return true }
        return ignoredExtensions.contains(fileExtension(relativePath))
    }

    /// The extension of the last component, lowercased, without the dot (`json`).
    public static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The path without its extension (`mls/key-schedule.json` → `mls/key-schedule`).
    public static func stemPath(_ path: String) -> String {
        let nameStart = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        guard let dot = path[nameStart...].lastIndex(of: "."), dot > nameStart else { return path }
        return String(path[..<dot])
    }

    /// The last path component (`key-schedule.json`): what runners should match on, so flat directories work.
    public static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

/// Walks a vectors root recursively, in a stable (sorted) order.
public enum VectorFileWalker {
    public static func files(under root: URL) throws -> [FoundVectorFile] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: root.path, isDirectory: &isDir) else {
            throw VectorFileError(file: root.path, detail: "no such directory")
        }
        guard isDir.boolValue else {
            throw VectorFileError(file: root.path, detail: "not a directory")
        }
        let subpaths: [String]
        do {
            subpaths = try fm.subpathsOfDirectory(atPath: root.path)
        } catch {
            throw VectorFileError(file: root.path, detail: "cannot list the directory: \(error.localizedDescription)")
        }
        var out: [FoundVectorFile] = []
        for sub in subpaths.sorted() {
            let url = root.appendingPathComponent(sub)
            var d: ObjCBool = false
            guard fm.fileExists(atPath: url.path, isDirectory: &d), !d.boolValue else { continue }
            out.append(FoundVectorFile(url: url, relativePath: sub))
        }
        return out
    }
}
