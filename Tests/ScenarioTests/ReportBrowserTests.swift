import Foundation
import Results
import Testing
@testable import Scenario

/// report.html must load in a real browser without console errors. Runs headless Chromium when it is installed
/// (`apt-get install -y chromium`; .ci/run installs it); otherwise the test is skipped with that reason.
@Suite struct ReportBrowserTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install -y chromium"))
    func reportLoadsInHeadlessChromiumWithoutConsoleErrors() throws {
        let browser = try #require(Self.chromium)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mimi-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        for (name, run) in [("plain", SampleResults.run()), ("matrix", SampleResults.run(matrix: true))] {
            let page = dir.appendingPathComponent("\(name).html")
            let html = HTMLReportWriter(coverage: try SampleResults.coverage(run)).html(run)
            try Data(html.utf8).write(to: page)
            let (dom, log) = try Self.load(page, browser: browser, in: dir)
            // The page's script marks the body when it ran to the end.
            #expect(dom.contains("data-report-ready=\"yes\""), "\(name): the report's script did not finish")
            let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }
            #expect(console.isEmpty, "\(name): console output: \(console.joined(separator: "\n"))")
        }
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install -y chromium"))
    func theCheckCatchesAScriptError() throws {
        let browser = try #require(Self.chromium)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mimi-html-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let page = dir.appendingPathComponent("bad.html")
        try Data("<!DOCTYPE html><html><body><script>notDefined();</script></body></html>".utf8).write(to: page)
        let (dom, log) = try Self.load(page, browser: browser, in: dir)
        #expect(!dom.contains("data-report-ready"))
        #expect(log.contains(":CONSOLE"))
    }

    /// Loads `page` with every host name unresolvable (so any external resource would fail loudly) and returns
    /// the DOM after scripts ran and the browser's log.
    static func load(_ page: URL, browser: String, in dir: URL) throws -> (dom: String, log: String) {
        let out = dir.appendingPathComponent("dom-\(UUID().uuidString).txt")
        let err = dir.appendingPathComponent("log-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: browser)
        p.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--enable-logging=stderr", "--v=0",
                       "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                       "--host-resolver-rules=MAP * ~NOTFOUND", "--dump-dom", page.absoluteString]
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        p.waitUntilExit()
        return (try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8))
    }
}
