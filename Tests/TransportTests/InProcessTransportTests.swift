import Testing
import Transport

@Suite("In-process transport")
struct InProcessTransportTests {
    @Test("round trip reaches the handler registered for the host, port ignored")
    func roundTrip() async throws {
        let transport = InProcessTransport()
        transport.register(EchoHandler(), for: "b.example")
        let body: [UInt8] = [0, 1, 2, 0xff]
        let request = HTTPRequest(method: "POST", authority: "B.example:8443", target: "/notify/a.example%2Fr%2Fc",
                                  headers: [HTTPHeaderField("X-Mimi-Test", "1"), HTTPHeaderField("Content-Length", "4")],
                                  body: body)
        let response = try await transport.send(request)
        #expect(response.status == 201)
        #expect(response.body == body)
        #expect(response.headers.value(for: "x-seen-target") == "/notify/a.example%2Fr%2Fc")
        #expect(response.headers.value(for: "x-seen-authority") == "B.example:8443")
        // Transport-managed fields never reach the handler; names arrive lowercased.
        #expect(response.headers.value(for: "x-seen-headers") == "x-mimi-test: 1")
    }

    @Test("an unknown authority is a noRoute error")
    func noRoute() async {
        let transport = InProcessTransport()
        await #expect(throws: TransportError.noRoute(authority: "c.example")) {
            try await transport.send(HTTPRequest(method: "GET", authority: "c.example", target: "/"))
        }
    }

    @Test("unregister removes the route")
    func unregister() async {
        let transport = InProcessTransport()
        transport.register(EchoHandler(), for: "b.example")
        transport.unregister("b.example")
        await #expect(throws: TransportError.self) {
            try await transport.send(HTTPRequest(method: "GET", authority: "b.example", target: "/"))
        }
    }
}
