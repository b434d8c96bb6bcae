import Transport

/// Echoes the request back: 201, the body unchanged, and what the handler saw in `x-seen-*` headers.
struct EchoHandler: HTTPHandler {
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        var headers = [
            HTTPHeaderField("X-Seen-Method", request.method),
            HTTPHeaderField("X-Seen-Target", request.target),
            HTTPHeaderField("X-Seen-Authority", request.authority),
            HTTPHeaderField("X-Seen-Headers", request.headers.map(\.description).joined(separator: "|")),
        ]
        if let type = request.headers.value(for: "content-type") {
            headers.append(HTTPHeaderField("Content-Type", type))
        }
        return HTTPResponse(status: 201, headers: headers, body: request.body)
    }
}

/// Answers only after a long sleep (or when cancelled), to provoke client timeouts.
struct SlowHandler: HTTPHandler {
    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        try? await Task.sleep(for: .seconds(3))
        return HTTPResponse(status: 200)
    }
}

/// Every byte value, with NUL, CR, LF and 0xff runs, to 100 KB.
func binaryBody(count: Int = 100 * 1024) -> [UInt8] {
    var bytes: [UInt8] = [0x00, 0x0d, 0x0a, 0xff, 0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x00, 0xff, 0xff]
    var x: UInt32 = 0x1234_5678
    while bytes.count < count {
        x = x &* 1_664_525 &+ 1_013_904_223
        bytes.append(UInt8(truncatingIfNeeded: x >> 24))
    }
    return bytes
}

/// Runs `body` with a loopback server for `handler`, stopping it afterwards.
func withLoopback<T>(_ handler: any HTTPHandler, _ body: (LoopbackServer) async throws -> T) async throws -> T {
    let server = try await LoopbackServer.start(handler)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// Signals each request's arrival, then answers only after a long sleep (or when cancelled).
struct SignallingSlowHandler: HTTPHandler {
    let arrived: AsyncStream<Void>.Continuation

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        arrived.yield()
        try? await Task.sleep(for: .seconds(5))
        return HTTPResponse(status: 200)
    }
}
