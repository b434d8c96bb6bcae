import Foundation

/// Where the project's own files are at run time: the package root holding `Vectors/manifest.json` and
/// `Vectors/generated/` (ARCHITECTURE.md, folders). The working directory is tried first, then the package this
/// binary was built from.
public enum ProjectLayout {
    /// The package root: the working directory when it holds `Vectors/manifest.json`, else the directory this
    /// source file was compiled from (a development build run from elsewhere), else nil.
    public static func packageRoot(workingDirectory: String = FileManager.default.currentDirectoryPath) -> URL? {
        let fm = FileManager.default
        let cwd = URL(fileURLWithPath: workingDirectory, isDirectory: true)
        if fm.fileExists(atPath: cwd.appendingPathComponent(VectorManifest.relativeLocation).path) { return cwd }
        let built = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Discovery
            .deletingLastPathComponent()  // Vectors
            .deletingLastPathComponent()  // Sources
            .deletingLastPathComponent()  // package root
        if fm.fileExists(atPath: built.appendingPathComponent(VectorManifest.relativeLocation).path) { return built }
        return nil
    }

    /// `Vectors/manifest.json` of the package root, if there is one.
    public static func manifestURL(workingDirectory: String = FileManager.default.currentDirectoryPath) -> URL? {
        packageRoot(workingDirectory: workingDirectory)?.appendingPathComponent(VectorManifest.relativeLocation)
    }

    /// `Vectors/generated/`, the vectors this project makes, if it exists.
    public static func generatedVectorsURL(workingDirectory: String = FileManager.default.currentDirectoryPath) -> URL? {
        guard let url = packageRoot(workingDirectory: workingDirectory)?.appendingPathComponent("Vectors/generated") else {
            return nil
        }
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue ? url : nil
    }
}
