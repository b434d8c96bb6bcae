import Foundation
import Testing

/// Validates junit.xml files against docs/junit.xsd with `xmllint --schema` (Debian package libxml2-utils; .ci/run
/// installs it). Tests that need it are enabled only when xmllint is present, and say so when it is not.
enum JUnitSchema {
    static let xmllint: String? = ["/usr/bin/xmllint", "/usr/local/bin/xmllint", "/bin/xmllint"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static let skipReason: Comment = "xmllint is not installed (apt-get install -y libxml2-utils): junit.xml is not validated against docs/junit.xsd"

    /// The package root (this file is Tests/HarnessCLITests/JUnitSchema.swift).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var xsd: URL { packageRoot.appendingPathComponent("docs/junit.xsd") }

    /// xmllint's verdict: nil when `file` validates, else its diagnostics.
    static func problems(_ file: URL) throws -> String? {
        guard let xmllint else { return "xmllint is not installed" }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: xmllint)
        process.arguments = ["--noout", "--schema", xsd.path, file.path]
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 0 { return nil }
        return "xmllint exit \(process.terminationStatus): " + (String(data: output, encoding: .utf8) ?? "")
    }

    /// Writes `xml` to a temporary file and validates it.
    static func problems(xml: String) throws -> String? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("junit-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try problems(url)
    }
}
