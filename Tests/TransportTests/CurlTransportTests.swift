import Testing
import Transport

@Suite("libcurl client against the loopback server")
struct CurlTransportTests {
    @Test("100 KB binary body with NUL, CR, LF and 0xff survives both directions; custom headers pass")
    func binaryRoundTrip() async throws {
        try await withLoopback(EchoHandler()) { server in
            let body = binaryBody()
            let curl = CurlTransport()
            let request = try HTTPRequest(method: "POST", url: server.baseURL + "/echo/a%2Fb?q=1", headers: [
                HTTPHeaderField("Content-Type", "message/mls"),
                HTTPHeaderField("X-Mimi-Test", "value with spaces"),
                HTTPHeaderField("From", "mimi@a.example"),
            ], body: body)
            let response = try await curl.send(request)
            #expect(response.status == 201)
            #expect(response.body.count == body.count)
            #expect(response.body == body)
            #expect(response.headers.value(for: "content-type") == "message/mls")
            #expect(response.headers.value(for: "x-seen-method") == "POST")
            #expect(response.headers.value(for: "x-seen-target") == "/echo/a%2Fb?q=1")
            #expect(response.headers.value(for: "x-seen-headers")
                    == "content-type: message/mls|from: mimi@a.example|x-mimi-test: value with spaces")
            // Framing fields are not shown to callers.
            #expect(response.headers.value(for: "content-length") == nil)
        }
    }

    @Test("a routed authority reaches the loopback address with Host naming the provider")
    func routedHost() async throws {
        try await withLoopback(EchoHandler()) { server in
            let curl = CurlTransport()
            curl.route("b.example", to: server.baseURL + "/")
            let response = try await curl.send(HTTPRequest(method: "POST", authority: "b.example",
                                                           target: "/notify/x", body: []))
            #expect(response.status == 201)
            #expect(response.headers.value(for: "x-seen-authority") == "b.example")
            #expect(response.body.isEmpty)
        }
    }

    @Test("GET, PUT and an empty POST send the right method")
    func methods() async throws {
        try await withLoopback(EchoHandler()) { server in
            let curl = CurlTransport()
            for method in ["GET", "PUT", "POST", "DELETE"] {
                let body: [UInt8] = method == "PUT" ? [1, 2, 3] : []
                let response = try await curl.send(try HTTPRequest(method: method, url: server.baseURL + "/m", body: body))
                #expect(response.headers.value(for: "x-seen-method") == method)
                #expect(response.body == body)
            }
        }
    }

    @Test("a server slower than the total timeout gives curl error 28")
    func timeout() async throws {
        try await withLoopback(SlowHandler()) { server in
            let curl = CurlTransport(options: CurlOptions(connectTimeoutMilliseconds: 1_000, totalTimeoutMilliseconds: 200))
            let request = try HTTPRequest(method: "POST", url: server.baseURL + "/slow", body: [1])
            let error = await #expect(throws: TransportError.self) { try await curl.send(request) }
            #expect(error?.curlCode == 28)
        }
    }

    @Test("cancelling the calling task aborts a transfer in flight with curl error 42")
    func cancellation() async throws {
        let (arrivals, arrived) = AsyncStream<Void>.makeStream()
        try await withLoopback(SignallingSlowHandler(arrived: arrived)) { server in
            let curl = CurlTransport(options: CurlOptions(totalTimeoutMilliseconds: 20_000))
            let request = try HTTPRequest(method: "POST", url: server.baseURL + "/slow", body: [1])
            let task = Task { try await curl.send(request) }
            var iterator = arrivals.makeAsyncIterator()
            _ = await iterator.next()
            task.cancel()
            let result = await task.result
            guard case .failure(let error as TransportError) = result else {
                Issue.record("expected a TransportError, got \(result)")
                return
            }
            #expect(error.curlCode == 42)
        }
    }

    @Test("a closed port gives curl error 7")
    func connectionRefused() async throws {
        let server = try await LoopbackServer.start(EchoHandler())
        let url = server.baseURL + "/x"
        await server.stop()
        let curl = CurlTransport(options: CurlOptions(connectTimeoutMilliseconds: 2_000, totalTimeoutMilliseconds: 4_000))
        let error = await #expect(throws: TransportError.self) { try await curl.send(try HTTPRequest(method: "GET", url: url)) }
        #expect(error?.curlCode == 7)
    }

    @Test("20 requests in parallel each get their own body back")
    func parallel() async throws {
        try await withLoopback(EchoHandler()) { server in
            let curl = CurlTransport()
            let base = server.baseURL
            let results = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
                for i in 0..<20 {
                    group.addTask {
                        let body = [UInt8](repeating: UInt8(i), count: 1000 + i)
                        let r = try await curl.send(try HTTPRequest(method: "POST", url: base + "/p/\(i)", body: body))
                        return (i, r.body)
                    }
                }
                var out: [Int: [UInt8]] = [:]
                for try await (i, body) in group { out[i] = body }
                return out
            }
            #expect(results.count == 20)
            for i in 0..<20 { #expect(results[i] == [UInt8](repeating: UInt8(i), count: 1000 + i)) }
        }
    }

    @Test("a response larger than the cap aborts the exchange")
    func responseCap() async throws {
        try await withLoopback(EchoHandler()) { server in
            let curl = CurlTransport(options: CurlOptions(maxResponseBytes: 1000))
            let request = try HTTPRequest(method: "POST", url: server.baseURL + "/big", body: binaryBody(count: 5000))
            let error = await #expect(throws: TransportError.self) { try await curl.send(request) }
            #expect(error?.curlCode == 23)
        }
    }

    @Test("header values with CR or LF are refused before anything is sent")
    func headerInjection() async {
        let curl = CurlTransport()
        let request = HTTPRequest(method: "GET", scheme: "http", authority: "127.0.0.1:1", target: "/",
                                  headers: [HTTPHeaderField("X-Bad", "a\r\nInjected: 1")])
        await #expect(throws: TransportError.invalidHeader(name: "X-Bad", reason: "field value contains CR, LF or NUL")) {
            try await curl.send(request)
        }
    }
}
