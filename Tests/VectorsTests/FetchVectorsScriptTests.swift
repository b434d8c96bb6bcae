import Foundation
import Testing
import Vectors

/// scripts/fetch-vectors, exercised offline with `--from`: the checksum logic, the exit status and the regeneration
/// of derived hex files. (Downloading needs the network, which tests never use.)
@Suite("scripts/fetch-vectors (offline, --from)",
       .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
                    || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/python3")))
struct FetchVectorsScriptTests {
    static var script: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/fetch-vectors")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/bash")
        p.arguments = [script.path] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func manifest(_ entries: [VectorManifest.Entry]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(VectorManifest(files: entries))
    }

    static func entry(_ path: String, _ content: String, origin: String = "upstream", derivedFrom: String? = nil,
                      derivation: String? = nil) -> VectorManifest.Entry {
        VectorManifest.Entry(path: path, sha256: FileDigest.sha256(Array(content.utf8)), origin: origin, repository: "o/r",
                             repositoryPath: origin == "upstream" ? "x/" + path : nil, commit: String(repeating: "b", count: 40),
                             derivedFrom: derivedFrom, derivation: derivation)
    }

    @Test("verified files are copied, a checksum mismatch is reported and deleted, and the exit status is 1")
    func mismatch() throws {
        let t = try TempVectors()
        try t.write("src/mls/a.json", "[1]")
        try t.write("src/mls/b.json", "[2, modified]")
        try t.write("src/content/x.cbor", "\u{01}\u{02}")
        let entries = [
            Self.entry("mls/a.json", "[1]"),
            Self.entry("mls/b.json", "[2]"),
            Self.entry("content/x.cbor", "\u{01}\u{02}"),
            Self.entry("content/x.hex", "0102\n", origin: "derived", derivedFrom: "content/x.cbor", derivation: "hex"),
        ]
        let manifestURL = t.root.appendingPathComponent("manifest.json")
        try Self.manifest(entries).write(to: manifestURL)
        let dest = t.root.appendingPathComponent("dest")
        let result = try Self.run(["--from", t.root.appendingPathComponent("src").path, "--dest", dest.path,
                                   "--manifest", manifestURL.path])
        #expect(result.status == 1)
        #expect(result.output.contains("✘ mls/b.json: SHA-256 mismatch: expected \(entries[1].sha256), actual "
                                       + FileDigest.sha256(Array("[2, modified]".utf8))))
        #expect(result.output.contains("fetch-vectors: 3 verified, 1 failed"))
        let fm = FileManager.default
        #expect(fm.contents(atPath: dest.appendingPathComponent("mls/a.json").path) == Data("[1]".utf8))
        #expect(!fm.fileExists(atPath: dest.appendingPathComponent("mls/b.json").path))
        // The derived hex file was regenerated from the .cbor it was derived from.
        #expect(fm.contents(atPath: dest.appendingPathComponent("content/x.hex").path) == Data("0102\n".utf8))
    }

    @Test("all files verified: exit status 0")
    func allGood() throws {
        let t = try TempVectors()
        try t.write("src/mls/a.json", "[1]")
        let manifestURL = t.root.appendingPathComponent("manifest.json")
        try Self.manifest([Self.entry("mls/a.json", "[1]")]).write(to: manifestURL)
        let result = try Self.run(["--from", t.root.appendingPathComponent("src").path,
                                   "--dest", t.root.appendingPathComponent("dest").path, "--manifest", manifestURL.path])
        #expect(result.status == 0)
        #expect(result.output.contains("fetch-vectors: 1 verified, 0 failed"))
    }

    @Test("an unknown option is a usage error")
    func usage() throws {
        #expect(try Self.run(["--frm", "x"]).status == 64)
    }
}
