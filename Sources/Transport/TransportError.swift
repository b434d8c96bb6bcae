/// Why an HTTP exchange could not complete at all (as opposed to completing with an error status).
public enum TransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// libcurl failed: `code` is the `CURLcode` (e.g. 7 couldn't connect, 28 timed out), `message` its error
    /// buffer text (or `curl_easy_strerror` when the buffer is empty).
    case curl(code: Int, message: String, url: String)
    /// No handler is registered for this authority (``InProcessTransport``).
    case noRoute(authority: String)
    /// The URL or request target cannot be sent.
    case invalidURL(String, reason: String)
    /// A header field name or value that cannot be sent (empty name, CR, LF, NUL or a colon in the name).
    case invalidHeader(name: String, reason: String)
    /// The loopback server could not start or report its address.
    case serverFailed(String)

    /// The libcurl error code, when this is a curl failure.
    public var curlCode: Int? {
        if case .curl(let code, _, _) = self { return code }
        return nil
    }

    public var description: String {
        switch self {
        case .curl(let code, let message, let url): "curl error \(code) for \(url): \(message)"
        case .noRoute(let authority): "no handler is registered for authority \(authority)"
        case .invalidURL(let url, let reason): "invalid URL \(url): \(reason)"
        case .invalidHeader(let name, let reason): "invalid header \(name): \(reason)"
        case .serverFailed(let reason): "loopback server failed: \(reason)"
        }
    }
}
