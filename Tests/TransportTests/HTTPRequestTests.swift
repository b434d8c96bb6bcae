import Testing
import Transport

@Suite("HTTP request values")
struct HTTPRequestTests {
    @Test("absolute URLs split into scheme, authority and target")
    func split() throws {
        let r = try HTTPRequest(method: "GET", url: "https://mimi.example.com:8443/v1/keyMaterial/mimi%3A%2F%2Fb?x=1")
        #expect(r.scheme == "https")
        #expect(r.authority == "mimi.example.com:8443")
        #expect(r.host == "mimi.example.com")
        #expect(r.target == "/v1/keyMaterial/mimi%3A%2F%2Fb?x=1")
        #expect(r.path == "/v1/keyMaterial/mimi%3A%2F%2Fb")
        #expect(r.url == "https://mimi.example.com:8443/v1/keyMaterial/mimi%3A%2F%2Fb?x=1")
        #expect(try HTTPRequest(method: "GET", url: "http://a.example").target == "/")
    }

    @Test("URLs that cannot be sent are rejected", arguments: [
        "a.example/x", "ftp://a.example/x", "http:///x", "http://a.example/a b", "http://u@a.example/",
        "http://a.example/x#frag",
    ])
    func rejects(url: String) {
        #expect(throws: TransportError.self) { try HTTPRequest(method: "GET", url: url) }
    }

    @Test("delivery form lowercases, drops transport fields and sorts stably")
    func normalize() {
        let fields = [HTTPHeaderField("X-B", "2"), HTTPHeaderField("Host", "h"), HTTPHeaderField("x-a", "1"),
                      HTTPHeaderField("X-B", "1"), HTTPHeaderField("Content-Length", "9")]
        #expect(fields.normalizedForDelivery == [HTTPHeaderField("x-a", "1"), HTTPHeaderField("x-b", "2"),
                                                 HTTPHeaderField("x-b", "1")])
        #expect(fields.values(for: "x-b") == ["2", "1"])
    }
}
