import Testing
import Transport

@Suite("Transport seam and exchange recording")
struct TransportSeamTests {
    /// Sends the same three requests from two parties through a seam of `kind` and returns the record.
    private func script(_ kind: TransportKind) async throws -> [Exchange] {
        let seam = TransportSeam(kind: kind)
        try await seam.register(EchoHandler(), as: "b.example")
        try await seam.register(ClosureHandler { _ in HTTPResponse(status: 404, body: Array("no".utf8)) }, as: "c.example")
        let a = seam.transport(for: "a.example")
        let c = seam.transport(for: "c.example")
        do {
            _ = try await a.send(HTTPRequest(method: "POST", authority: "b.example", target: "/notify/a.example%2Fr%2F1",
                                             headers: [HTTPHeaderField("From", "mimi@a.example")], body: [0, 0x0d, 0x0a, 0xff]))
            _ = try await c.send(HTTPRequest(method: "POST", authority: "c.example", target: "/keyMaterial/u", body: [7]))
            _ = try await a.send(HTTPRequest(method: "GET", authority: "b.example", target: "/.well-known/mimi-protocol-directory"))
            await #expect(throws: TransportError.self) {
                try await a.send(HTTPRequest(method: "GET", authority: "unknown.invalid", target: "/"))
            }
        } catch {
            await seam.shutdown()
            throw error
        }
        await seam.shutdown()
        return seam.recorder.exchanges
    }

    @Test("exchanges are recorded in order with parties, method, target, status and bodies")
    func recordingOrder() async throws {
        let record = try await script(.inprocess)
        #expect(record.map(\.sequence) == [1, 2, 3, 4])
        #expect(record.map(\.from) == ["a.example", "c.example", "a.example", "a.example"])
        #expect(record.map(\.to) == ["b.example", "c.example", "b.example", "unknown.invalid"])
        #expect(record.map(\.method) == ["POST", "POST", "GET", "GET"])
        #expect(record.map(\.status) == [201, 404, 201, nil])
        #expect(record[0].requestBody == [0, 0x0d, 0x0a, 0xff])
        #expect(record[0].responseBody == [0, 0x0d, 0x0a, 0xff])
        #expect(record[1].responseBody == Array("no".utf8))
        #expect(record[0].requestHeaders == [HTTPHeaderField("from", "mimi@a.example")])
        if case .failed(.noRoute) = record[3].outcome {} else { Issue.record("expected noRoute, got \(record[3].outcome)") }
    }

    @Test("the same script over loopback HTTP records the same exchanges as in-process")
    func sameRecordBothWays() async throws {
        let inProcess = try await script(.inprocess)
        let http = try await script(.http)
        #expect(http.count == inProcess.count)
        // The handler echoes what it saw; every successful exchange is identical byte for byte.
        #expect(Array(http.prefix(3)) == Array(inProcess.prefix(3)))
        // The unknown authority fails in both, for the transport's own reason.
        #expect(http[3].status == nil)
    }

    @Test("a seam over HTTP reports the loopback base URL of each provider")
    func baseURL() async throws {
        let seam = TransportSeam(kind: .http)
        try await seam.register(EchoHandler(), as: "b.example")
        let base = seam.baseURL(of: "b.example")
        await seam.shutdown()
        #expect(base?.hasPrefix("http://127.0.0.1:") == true)
        #expect(TransportSeam(kind: .inprocess).baseURL(of: "b.example") == nil)
    }
}

@Suite("Transcript text")
struct TranscriptTextTests {
    @Test("renders parties, request line, headers, hex bodies, status and failures, identically on every run")
    func render() async throws {
        let seam = TransportSeam(kind: .inprocess)
        try await seam.register(EchoHandler(), as: "b.example")
        let a = seam.transport(for: "a.example")
        _ = try await a.send(HTTPRequest(method: "POST", authority: "b.example", target: "/notify/x",
                                         headers: [HTTPHeaderField("From", "mimi@a.example")], body: Array(0..<40)))
        _ = try? await a.send(HTTPRequest(method: "GET", authority: "c.example", target: "/"))
        let text = TranscriptText.render(seam.recorder.exchanges, bytesPerLine: 16) { e, request in
            request ? "decoded \(e.requestBody.count)" : nil
        }
        #expect(text.hasPrefix("#1 a.example -> b.example: POST /notify/x\n  > from: mimi@a.example\n  > 40 bytes\n  > 000000  000102030405060708090a0b0c0d0e0f\n"))
        #expect(text.contains("  > 000020  2021222324252627\n  > = decoded 40\n  < 201 Created\n"))
        #expect(text.contains("#2 a.example -> c.example: GET /\n  > (no body)\n  > = decoded 0\n  ! no handler is registered for authority c.example\n"))
        #expect(text == TranscriptText.render(seam.recorder.exchanges, bytesPerLine: 16) { e, request in
            request ? "decoded \(e.requestBody.count)" : nil
        })
    }
}
