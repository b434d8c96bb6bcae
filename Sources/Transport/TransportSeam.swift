import Synchronization

/// The one transport seam (ARCHITECTURE.md, `Transport`): handlers are registered under a provider authority and
/// reached through the same ``HTTPTransport`` interface, either in-process or over loopback HTTP, chosen by a
/// ``TransportKind``. Callers never see which; the requests handlers receive and the responses callers get are
/// the same in both (headers in delivery form).
///
/// Every ``transport(for:)`` records into the seam's shared ``recorder``.
public final class TransportSeam: Sendable {
    public let kind: TransportKind
    /// Exchanges made through any transport this seam handed out.
    public let recorder: ExchangeRecorder
    private let inProcess: InProcessTransport
    private let curl: CurlTransport
    private let servers = Mutex<[String: LoopbackServer]>([:])

    public init(kind: TransportKind, curlOptions: CurlOptions = CurlOptions(), recorder: ExchangeRecorder = ExchangeRecorder()) {
        self.kind = kind
        self.recorder = recorder
        self.inProcess = InProcessTransport()
        self.curl = CurlTransport(options: curlOptions)
    }

    /// The unrecorded client of this seam's kind.
    public var client: any HTTPTransport {
        switch kind {
        case .inprocess: inProcess
        case .http: curl
        }
    }

    /// A client that records its exchanges with `party` as the sender.
    public func transport(for party: String) -> RecordingTransport {
        RecordingTransport(base: client, party: party, recorder: recorder)
    }

    /// Makes `handler` reachable as `authority`. Over HTTP this starts a ``LoopbackServer`` for it.
    public func register(_ handler: any HTTPHandler, as authority: String) async throws(TransportError) {
        switch kind {
        case .inprocess:
            inProcess.register(handler, for: authority)
        case .http:
            let server = try await LoopbackServer.start(handler)
            let previous = servers.withLock { table in
                let old = table[HTTPRequest.host(of: authority)]
                table[HTTPRequest.host(of: authority)] = server
                return old
            }
            curl.route(authority, to: server.baseURL)
            await previous?.stop()
        }
    }

    /// The loopback base URL serving `authority`, when the kind is ``TransportKind/http``.
    public func baseURL(of authority: String) -> String? {
        servers.withLock { $0[HTTPRequest.host(of: authority)]?.baseURL }
    }

    /// Stops every loopback server.
    public func shutdown() async {
        let all = servers.withLock { table in
            let values = Array(table.values)
            table.removeAll()
            return values
        }
        for server in all { await server.stop() }
    }
}
