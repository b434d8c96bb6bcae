/// How simulated parties reach each other through the ``TransportSeam``.
public enum TransportKind: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    /// Direct calls to the handler, no sockets (``InProcessTransport``).
    case inprocess
    /// Real HTTP/1.1 on 127.0.0.1: a ``LoopbackServer`` per handler, libcurl as the client (``CurlTransport``).
    case http

    public var description: String { rawValue }
}
