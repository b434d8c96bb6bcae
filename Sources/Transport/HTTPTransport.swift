/// A client that sends one ``HTTPRequest`` and returns its ``HTTPResponse`` (the transport seam of ARCHITECTURE.md).
///
/// A response with any status, 4xx and 5xx included, is a result; only a failure to exchange at all (no route, a
/// connection refused, a timeout) throws ``TransportError``.
public protocol HTTPTransport: Sendable {
    func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse
}

/// A server-side request handler: a simulated provider's endpoints (draft-ietf-mimi-protocol-06 §5).
///
/// It never throws: every outcome, malformed input included, is a response with a status code.
public protocol HTTPHandler: Sendable {
    func handle(_ request: HTTPRequest) async -> HTTPResponse
}

/// An ``HTTPHandler`` made from a closure.
public struct ClosureHandler: HTTPHandler {
    private let body: @Sendable (HTTPRequest) async -> HTTPResponse

    public init(_ body: @escaping @Sendable (HTTPRequest) async -> HTTPResponse) {
        self.body = body
    }

    public func handle(_ request: HTTPRequest) async -> HTTPResponse {
        await body(request)
    }
}
