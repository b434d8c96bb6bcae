import Foundation
import Results

/// A directory of vector files and how far its files are trusted.
public struct VectorRoot: Sendable, Hashable {
    /// Whether the directory holds published files (checked against the manifest) or the project's own.
    public enum Kind: String, Sendable, Hashable {
        /// Published vectors: each file is checked against `Vectors/manifest.json`.
        case published
        /// Vectors this project generated (`Vectors/generated/`): under version control, not in the manifest.
        case generated
    }

    public let url: URL
    public let kind: Kind

    public init(url: URL, kind: Kind) {
        self.url = url
        self.kind = kind
    }
}

/// One file a run will hand to a runner.
public struct PlannedVectorFile: Sendable {
    public let file: FoundVectorFile
    public let root: VectorRoot
    /// The path given to the runner: the manifest path when the file is a listed published file (so runners and
    /// case sources are the same whichever directory was given), else the path below the root.
    public let runnerPath: String
    public let runner: any VectorRunner
}

/// What a walk of the vector roots found.
public struct VectorPlan: Sendable {
    /// Files to run, in order.
    public var files: [PlannedVectorFile] = []
    /// Files no runner accepts (and not ignored, not companions): reported as warnings.
    public var unrecognised: [String] = []
    /// Files left out by the ignore rule (documentation, schemas, hidden files).
    public var ignored: [String] = []
    /// Files read by the runner of a sibling (`reply.hex` beside `reply.cbor`).
    public var companions: [String] = []
    /// Files left out by `--only`.
    public var filteredOut: [String] = []
}

/// Finds vector files, checks them against the manifest, and runs each with the first runner that accepts it.
///
/// Checksums (DEVELOPERS.md, "Inputs beside the project"; issue 2 item 6): a file at a listed path whose SHA-256
/// differs yields an `error` case `<path-without-extension>/checksum` naming both digests, and its cases still run
/// with a warning. A file whose bytes equal a listed file's is verified wherever it lies. Any other published file
/// runs with an "unverified source" warning on the run and on each of its cases; when a listed file has the same
/// name (a modified copy kept in another layout, e.g. a flat directory), the warning also reports the checksum
/// mismatch with both digests. It stays a warning, not an error, because vendors run vector files of their own that
/// carry the published names.
public struct VectorSuite: Sendable {
    public let runners: [any VectorRunner]
    public let manifest: VectorManifest?
    /// Shown in messages (`Vectors/manifest.json`).
    public let manifestName: String
    /// Files larger than this are an `error` case `<stem>/read` and are not read.
    public let maxFileSize: Int

    /// `runners` defaults to every registered runner.
    public init(runners: [any VectorRunner] = VectorRegistry.runners,
                manifest: VectorManifest?, manifestName: String = VectorManifest.relativeLocation,
                maxFileSize: Int = VectorSuite.defaultMaxFileSize) {
        self.runners = runners
        self.manifest = manifest
        self.manifestName = manifestName
        self.maxFileSize = maxFileSize
    }

    /// Walks `roots` and assigns each file to a runner. `only`, when not empty, keeps the files matching a pattern.
    public func plan(roots: [VectorRoot], only: [GlobPattern] = []) throws -> VectorPlan {
        var plan = VectorPlan()
        for root in roots {
            let found = try VectorFileWalker.files(under: root.url)
            var claimedStems: Set<String> = []
            var unclaimed: [FoundVectorFile] = []
            for file in found {
                if VectorFileRules.isIgnored(file.relativePath) {
                    plan.ignored.append(display(file, root))
                    continue
                }
                let runnerPath = self.runnerPath(file, root)
                if !only.isEmpty && !only.contains(where: { $0.matches(runnerPath) || $0.matches(file.relativePath) }) {
                    plan.filteredOut.append(display(file, root))
                    continue
                }
                guard let runner = runners.first(where: { $0.accepts(relativePath: runnerPath) })
                        ?? runners.first(where: { $0.accepts(relativePath: file.relativePath) }) else {
                    unclaimed.append(file)
                    continue
                }
                claimedStems.insert(VectorFileRules.stemPath(file.relativePath))
                plan.files.append(PlannedVectorFile(file: file, root: root, runnerPath: runnerPath, runner: runner))
            }
            for file in unclaimed {
                if claimedStems.contains(VectorFileRules.stemPath(file.relativePath)) {
                    plan.companions.append(display(file, root))
                } else {
                    plan.unrecognised.append(display(file, root))
                }
            }
        }
        return plan
    }

    /// Runs every planned file; `progress` is called after each file with its results.
    public func run(_ plan: VectorPlan, progress: (PlannedVectorFile, [CaseResult]) -> Void = { _, _ in })
        -> (cases: [CaseResult], warnings: [String]) {
        var cases: [CaseResult] = []
        var warnings: [String] = plan.unrecognised.map { "unrecognised vector file: \($0) (no runner accepts it)" }
        if manifest == nil && plan.files.contains(where: { $0.root.kind == .published }) {
            warnings.append("no vector manifest (\(manifestName)) was found: published files cannot be verified")
        }
        for planned in plan.files {
            let (fileCases, fileWarnings) = runFile(planned)
            warnings += fileWarnings
            cases += fileCases
            progress(planned, fileCases)
        }
        return (cases, warnings)
    }

    /// The largest vector file read (256 MiB; the largest published file is under 3 MB). It bounds memory, and keeps
    /// every hex field far below the 2^30-byte limit of an MLS vector (RFC 9420 §2.1.2) that `TLSWriter` enforces.
    public static let defaultMaxFileSize = 256 << 20

    /// Reads, verifies and runs one file.
    func runFile(_ planned: PlannedVectorFile) -> (cases: [CaseResult], warnings: [String]) {
        let path = planned.runnerPath
        let stem = VectorFileRules.stemPath(path)
        let bytes: [UInt8]
        do {
            let size = (try FileManager.default.attributesOfItem(atPath: planned.file.url.path)[.size] as? NSNumber)?.intValue ?? 0
            guard size <= maxFileSize else {
                let c = CaseResult(id: stem + "/read", status: .error,
                                   message: "\(path): the file is \(size) bytes, more than the \(maxFileSize) a vector file may have; "
                                       + "it was not read", source: path)
                return ([c], [])
            }
            bytes = Array(try Data(contentsOf: planned.file.url))
        } catch {
            let c = CaseResult(id: stem + "/read", status: .error,
                               message: "\(path): cannot read the file: \(error.localizedDescription)", source: path)
            return ([c], [])
        }
        var extra: [CaseResult] = []
        var caseWarnings: [String] = []
        var runWarnings: [String] = []
        if planned.root.kind == .published {
            let digest = FileDigest.sha256(bytes)
            switch verify(planned, digest: digest) {
            case .verified:
                break
            case .mismatch(let entry):
                let message = "\(path): SHA-256 differs from \(manifestName) (\(entry.repository) \(entry.repositoryPath ?? entry.path) "
                    + "at \(entry.commit.prefix(12))): expected \(entry.sha256), actual \(digest); the file was modified "
                    + "or is another version. Its cases ran anyway."
                extra.append(CaseResult(id: stem + "/checksum", status: .error, requirements: ["DEVELOPERS.md: vector provenance"],
                                        message: message, expected: entry.sha256, actual: digest, source: path))
                caseWarnings.append("checksum mismatch: \(path) is not the published file (sha256 \(digest))")
            case .unverified(let sameName):
                if let sameName {
                    runWarnings.append("unverified source: \(path) is not at a listed path in \(manifestName), and its SHA-256 differs "
                        + "from the published \(sameName.path) of the same name (checksum mismatch: expected \(sameName.sha256), "
                        + "actual \(digest)): it is a modified copy or another file; its cases ran")
                    caseWarnings.append("unverified source: \(path) differs from the published \(sameName.path) (checksum mismatch)")
                } else {
                    runWarnings.append("unverified source: \(path) is not listed in \(manifestName) (sha256 \(digest))")
                    caseWarnings.append("unverified source: \(path) is not listed in \(manifestName)")
                }
            }
        }
        let source = VectorSource(url: planned.file.url, relativePath: path, bytes: bytes)
        var results = planned.runner.run(source)
        for i in results.indices {
            if results[i].source == nil { results[i].source = path }
            results[i].warnings += caseWarnings
        }
        return (extra + results, runWarnings)
    }

    enum Verification {
        case verified
        case mismatch(VectorManifest.Entry)
        /// Not listed; `sameName` is the one listed file with the same file name, if any.
        case unverified(sameName: VectorManifest.Entry?)
    }

    func verify(_ planned: PlannedVectorFile, digest: String) -> Verification {
        guard let manifest else { return .unverified(sameName: nil) }
        if manifest.files.contains(where: { $0.sha256 == digest }) { return .verified }
        switch manifest.match(absolutePath: planned.file.url.standardizedFileURL.path) {
        case .listed(let entry):
            return .mismatch(entry)
        case .unlisted(let sameName):
            return .unverified(sameName: sameName)
        }
    }

    /// The manifest path of a file at a listed location, or of a byte-identical copy; else its path below the root.
    func runnerPath(_ file: FoundVectorFile, _ root: VectorRoot) -> String {
        guard root.kind == .published, let manifest else { return file.relativePath }
        if case .listed(let entry) = manifest.match(absolutePath: file.url.standardizedFileURL.path) { return entry.path }
        return file.relativePath
    }

    private func display(_ file: FoundVectorFile, _ root: VectorRoot) -> String {
        root.kind == .generated ? "generated/" + file.relativePath : runnerPath(file, root)
    }
}
