import Foundation
import Results

/// One input file handed to a ``VectorRunner``: its location, its path relative to the vectors root, and its bytes.
public struct VectorSource: Sendable {
    public let url: URL
    /// Path relative to the vectors root, with `/` separators (e.g. `mls/key-schedule.json`).
    public let relativePath: String
    public let bytes: [UInt8]

    public init(url: URL, relativePath: String, bytes: [UInt8]) {
        self.url = url
        self.relativePath = relativePath
        self.bytes = bytes
    }

    /// The file name without its directory or extension (`key-schedule`).
    public var stem: String { url.deletingPathExtension().lastPathComponent }
}

/// Runs one kind of test-vector file and turns each of its cases into a ``CaseResult``.
///
/// A runner never throws and never traps: a file it cannot parse yields one `error` case naming the file, and a
/// case with a bad field yields an `error` case naming the field, while the other cases still run.
public protocol VectorRunner: Sendable {
    /// Short name shown in reports (`key-schedule`).
    var name: String { get }
    /// Whether this runner handles the file at `relativePath` (relative to the vectors root).
    func accepts(relativePath: String) -> Bool
    /// Runs every case of the file.
    func run(_ source: VectorSource) -> [CaseResult]
}
