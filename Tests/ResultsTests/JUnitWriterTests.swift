import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Results
import Testing

@Suite("junit.xml")
struct JUnitWriterTests {
    static func document() throws -> XMLDocument {
        let bytes = try JUnitWriter().render(Samples.run)
        return try XMLDocument(data: Data(bytes), options: [])
    }

    static func testcases(_ doc: XMLDocument) throws -> [XMLElement] {
        try doc.nodes(forXPath: "//testcase").compactMap { $0 as? XMLElement }
    }

    @Test("the document is well-formed and parses back")
    func parses() throws {
        let doc = try Self.document()
        #expect(doc.rootElement()?.name == "testsuites")
        #expect(doc.rootElement()?.attribute(forName: "tests")?.stringValue == "6")
        #expect(doc.rootElement()?.attribute(forName: "failures")?.stringValue == "1")
        #expect(doc.rootElement()?.attribute(forName: "errors")?.stringValue == "1")
        #expect(doc.rootElement()?.attribute(forName: "skipped")?.stringValue == "2")
    }

    @Test("every testcase has a name and a classname; one testsuite per source file")
    func nameAndClassname() throws {
        let doc = try Self.document()
        let cases = try Self.testcases(doc)
        #expect(cases.count == Samples.run.cases.count)
        for c in cases {
            #expect(c.attribute(forName: "name")?.stringValue?.isEmpty == false)
            #expect(c.attribute(forName: "classname")?.stringValue?.isEmpty == false)
        }
        #expect(cases.first?.attribute(forName: "classname")?.stringValue == "mls.key-schedule")
        let suites = try doc.nodes(forXPath: "//testsuite").compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }
        #expect(suites == ["mls/key-schedule.json", "Scenarios/flows.yaml", "loose"])
    }

    @Test("failures and errors carry their message, expected and actual")
    func failuresAndErrors() throws {
        let doc = try Self.document()
        let failure = try #require(try doc.nodes(forXPath: "//testcase[@name='mls/key-schedule/1']/failure").first as? XMLElement)
        #expect(failure.attribute(forName: "message")?.stringValue == "exporter.secret: computed value differs from the vector")
        #expect(failure.stringValue?.contains("expected: 00ff") == true)
        #expect(failure.stringValue?.contains("actual:   00fe") == true)
        #expect(failure.stringValue?.contains("party:    alice") == true)
        let error = try #require(try doc.nodes(forXPath: "//testcase[@name='mls/key-schedule/checksum']/error").first as? XMLElement)
        #expect(error.attribute(forName: "message")?.stringValue?.hasPrefix("a<b & c>\"d\" 'e' ") == true)
    }

    @Test("unsupported and skipped cases are <skipped> with their reason")
    func skipped() throws {
        let doc = try Self.document()
        let unsupported = try #require(try doc.nodes(forXPath: "//testcase[@name='mls/key-schedule/3']/skipped").first as? XMLElement)
        #expect(unsupported.attribute(forName: "message")?.stringValue == "unsupported: cipher suite 4 (X448) is not supported")
        let skipped = try #require(try doc.nodes(forXPath: "//testcase[@name='scenarios/flows/leave']/skipped").first as? XMLElement)
        #expect(skipped.attribute(forName: "message")?.stringValue == "skipped: needs a remote hub")
        #expect(try doc.nodes(forXPath: "//testcase[@name='mls/key-schedule/0']/*").isEmpty == false)  // system-out only
        #expect(try doc.nodes(forXPath: "//testcase[@name='mls/key-schedule/0']/failure").isEmpty)
    }

    @Test("hostile text is escaped: markup, quotes, newlines and characters XML cannot carry")
    func escaping() throws {
        let xml = JUnitWriter().xml(Samples.run)
        #expect(!xml.contains("\u{0}"))
        #expect(!xml.contains("\u{1B}"))
        #expect(xml.contains("a&lt;b &amp; c&gt;&quot;d&quot; &apos;e&apos; \\u{0}\\u{1b}[31m&#9;line1&#10;line2 ü 🎉"))
        // And the parser gets back what XML can carry.
        let doc = try Self.document()
        let error = try #require(try doc.nodes(forXPath: "//testcase[@name='mls/key-schedule/checksum']/error").first as? XMLElement)
        #expect(error.attribute(forName: "message")?.stringValue == "a<b & c>\"d\" 'e' \\u{0}\\u{1b}[31m\tline1\nline2 ü 🎉")
    }

    @Test("classname comes from the source file, else from the id")
    func classname() {
        #expect(JUnitWriter.classname(for: CaseResult(id: "x/1", status: .passed, source: "mls/tree-math.json")) == "mls.tree-math")
        #expect(JUnitWriter.classname(for: CaseResult(id: "scenarios/flows/leave", status: .passed)) == "scenarios.flows")
        #expect(JUnitWriter.classname(for: CaseResult(id: "a", status: .passed, source: "v1.2/file")) == "v1.2.file")
    }
}
