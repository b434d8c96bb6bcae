import Synchronization

/// Delivers requests straight to registered ``HTTPHandler``s, with no sockets: the in-process side of the
/// ``TransportSeam``.
///
/// Routing is by the request's host (the target provider domain, draft-ietf-mimi-protocol-06 §2: the port is
/// ignored). The handler sees the request with its headers in delivery form
/// (``Swift/Array/normalizedForDelivery``) and the caller gets the response in that form too, exactly as over
/// loopback HTTP.
public final class InProcessTransport: HTTPTransport {
    private let handlers = Mutex<[String: any HTTPHandler]>([:])

    public init() {}

    /// Registers `handler` for `authority` (its host part; the port is ignored), replacing any earlier one.
    public func register(_ handler: any HTTPHandler, for authority: String) {
        let host = HTTPRequest.host(of: authority)
        handlers.withLock { $0[host] = handler }
    }

    /// Removes the handler for `authority`.
    public func unregister(_ authority: String) {
        let host = HTTPRequest.host(of: authority)
        _ = handlers.withLock { $0.removeValue(forKey: host) }
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let host = request.host
        guard let handler = handlers.withLock({ $0[host] }) else {
            throw .noRoute(authority: request.authority)
        }
        var delivered = request
        delivered.headers = request.headers.normalizedForDelivery
        var response = await handler.handle(delivered)
        response.headers = response.headers.normalizedForDelivery
        return response
    }
}
