import Foundation
import Synchronization

/// An ``HTTPTransport`` over libcurl: one easy handle per request, performed on its own thread and bridged with a
/// continuation, so the blocking `curl_easy_perform` never occupies the Swift cooperative pool.
///
/// A shared concurrent Dispatch queue is not used: on Linux it is as wide as the CPU count, so on a 2-core machine
/// two slow transfers starve every other one (measured: 20 parallel loopback requests took 20 s instead of 10 ms).
///
/// Cancelling the calling task aborts the transfer at libcurl's next progress callback (at least once a second):
/// the error is curl code 42 (`CURLE_ABORTED_BY_CALLBACK`).
///
/// Authorities can be redirected to a base URL (``route(_:to:)``): the request then goes to that address while
/// `Host` still names the target provider (draft-ietf-mimi-protocol-06 §2), which is how simulated providers on
/// loopback ports are reached by their domain names.
public final class CurlTransport: HTTPTransport {
    public let options: CurlOptions
    private let routes = Mutex<[String: String]>([:])

    public init(options: CurlOptions = CurlOptions()) {
        self.options = options
    }

    /// Sends requests for `authority` (its host; any port is ignored) to `baseURL` (`http://127.0.0.1:PORT`).
    public func route(_ authority: String, to baseURL: String) {
        var base = baseURL
        while base.hasSuffix("/") { base.removeLast() }
        let host = HTTPRequest.host(of: authority)
        routes.withLock { $0[host] = base }
    }

    /// Stops redirecting `authority`.
    public func unroute(_ authority: String) {
        let host = HTTPRequest.host(of: authority)
        _ = routes.withLock { $0.removeValue(forKey: host) }
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        var headers = request.headers.filter { !$0.matches("host") }
        let url: String
        if let base = routes.withLock({ $0[request.host] }) {
            url = base + request.target
            headers.insert(HTTPHeaderField("Host", request.authority), at: 0)
        } else {
            url = request.url
        }
        _ = try HTTPRequest.split(url: url)
        let sentHeaders = headers
        let method = request.method
        let body = request.body
        let options = self.options
        let cancel = CancelFlag()
        let outcome: Result<HTTPResponse, TransportError> = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let thread = Thread {
                    continuation.resume(returning: CurlEasy.perform(method: method, url: url, headers: sentHeaders,
                                                                    body: body, options: options, cancel: cancel))
                }
                thread.start()
            }
        } onCancel: {
            cancel.cancel()
        }
        return try outcome.get()
    }
}
