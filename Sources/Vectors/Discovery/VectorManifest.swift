import Foundation

/// `Vectors/manifest.json`: every published vector file the harness knows, with where it comes from and its
/// SHA-256, so that a run can tell a pinned upstream file from a modified or unknown one (DEVELOPERS.md, "Inputs
/// beside the project"). The published files themselves are never copied into the repository.
public struct VectorManifest: Codable, Sendable, Hashable {
    /// One published file.
    public struct Entry: Codable, Sendable, Hashable {
        /// Path below the vectors root, `/`-separated (`mls/key-schedule.json`).
        public var path: String
        /// Lowercase hex SHA-256 of the file's bytes.
        public var sha256: String
        public var bytes: Int?
        /// `upstream` (a byte-for-byte copy of `repositoryPath` at `commit`) or `derived` (made from another file).
        public var origin: String
        /// GitHub `owner/name` of the source repository.
        public var repository: String
        /// Path inside the repository (upstream files only).
        public var repositoryPath: String?
        /// The pinned commit the file is fetched from.
        public var commit: String
        /// The last commit that changed the file upstream (informational).
        public var lastChangedCommit: String?
        /// For derived files: the file it was made from.
        public var derivedFrom: String?
        /// For derived files: `hex` (lowercase hex of `derivedFrom` plus a newline) or `curated` (written by hand).
        public var derivation: String?

        public init(path: String, sha256: String, bytes: Int? = nil, origin: String = "upstream", repository: String,
                    repositoryPath: String? = nil, commit: String, lastChangedCommit: String? = nil,
                    derivedFrom: String? = nil, derivation: String? = nil) {
            self.path = path
            self.sha256 = sha256
            self.bytes = bytes
            self.origin = origin
            self.repository = repository
            self.repositoryPath = repositoryPath
            self.commit = commit
            self.lastChangedCommit = lastChangedCommit
            self.derivedFrom = derivedFrom
            self.derivation = derivation
        }

        enum CodingKeys: String, CodingKey {
            case path, sha256, bytes, origin, repository, repositoryPath = "repository_path", commit,
                 lastChangedCommit = "last_changed_commit", derivedFrom = "derived_from", derivation
        }
    }

    public var version: Int
    public var description: String?
    public var files: [Entry]

    public init(version: Int = 1, description: String? = nil, files: [Entry]) {
        self.version = version
        self.description = description
        self.files = files
    }

    /// The manifest's location relative to the package root.
    public static let relativeLocation = "Vectors/manifest.json"

    /// Reads and checks a manifest file; a bad file names the field at fault.
    public static func load(from url: URL) throws -> VectorManifest {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw VectorFileError(file: url.path, detail: "cannot read the manifest: \(error.localizedDescription)")
        }
        let manifest: VectorManifest
        do {
            manifest = try JSONDecoder().decode(VectorManifest.self, from: data)
        } catch {
            throw VectorFileError(file: url.path, detail: "not a valid manifest: \(VectorJSON.describe(error))")
        }
        for (i, e) in manifest.files.enumerated() {
            let hexDigits = e.sha256.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
            guard e.sha256.utf8.count == 64, hexDigits else {
                throw VectorFileError(file: url.path, detail: "field 'files.[\(i)].sha256' (\(e.path)): not 64 lowercase hex digits")
            }
        }
        return manifest
    }

    /// How a file on disk relates to the manifest.
    public enum Match: Sendable, Hashable {
        /// The file sits at a listed path (its absolute path ends with the entry's path).
        case listed(Entry)
        /// Not listed; `sameName` is a listed file with the same file name, if there is exactly one.
        case unlisted(sameName: Entry?)
    }

    /// Matches a file by its absolute path: the longest entry path that is a suffix of it (at a `/` boundary) wins,
    /// so `../shared/vectors/mls/key-schedule.json`, `Vectors/published/mls/key-schedule.json` and a copy kept in
    /// `R/mls/key-schedule.json` are all the listed `mls/key-schedule.json`. A file in another layout is unlisted.
    public func match(absolutePath: String) -> Match {
        var best: Entry?
        for e in files where absolutePath == e.path || absolutePath.hasSuffix("/" + e.path) {
            if best.map({ e.path.count > $0.path.count }) ?? true { best = e }
        }
        if let best { return .listed(best) }
        let name = absolutePath.split(separator: "/").last.map(String.init) ?? absolutePath
        let sameName = files.filter { ($0.path.split(separator: "/").last.map(String.init) ?? $0.path) == name }
        return .unlisted(sameName: sameName.count == 1 ? sameName.first : nil)
    }
}
