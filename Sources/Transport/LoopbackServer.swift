import FlyingFox
import Foundation

/// A real HTTP/1.1 server on 127.0.0.1 with an ephemeral port that forwards every request to one
/// ``HTTPHandler``: the loopback side of the ``TransportSeam`` (FlyingFox underneath).
///
/// The handler sees the request exactly as ``InProcessTransport`` would deliver it: `authority` from `Host`,
/// the raw percent-encoded target, headers in delivery form. FlyingFox keeps one value per request header name.
public final class LoopbackServer: Sendable {
    private let server: FlyingFox.HTTPServer
    private let runner: Task<Void, Never>
    /// The port the server listens on.
    public let port: UInt16
    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private init(server: FlyingFox.HTTPServer, runner: Task<Void, Never>, port: UInt16) {
        self.server = server
        self.runner = runner
        self.port = port
    }

    /// Starts a server for `handler` and returns once it is listening.
    public static func start(_ handler: any HTTPHandler) async throws(TransportError) -> LoopbackServer {
        let address: sockaddr_in
        do {
            address = try .inet(ip4: "127.0.0.1", port: 0)
        } catch {
            throw .serverFailed("cannot form 127.0.0.1:0: \(error)")
        }
        let server = FlyingFox.HTTPServer(address: address, timeout: 30, logger: .disabled,
                                          handler: Adapter(handler: handler))
        let runner = Task<Void, Never> { _ = try? await server.run() }
        do {
            try await server.waitUntilListening(timeout: 10)
        } catch {
            runner.cancel()
            throw .serverFailed("not listening: \(error)")
        }
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            await server.stop(timeout: 0)
            runner.cancel()
            throw .serverFailed("no IPv4 listening address")
        }
        return LoopbackServer(server: server, runner: runner, port: port)
    }

    /// Closes the listening socket and open connections at once.
    public func stop() async {
        await server.stop(timeout: 0)
        runner.cancel()
    }

    /// Converts between FlyingFox's request/response and the seam's.
    private struct Adapter: FlyingFox.HTTPHandler {
        let handler: any HTTPHandler

        func handleRequest(_ request: FlyingFox.HTTPRequest) async throws -> FlyingFox.HTTPResponse {
            let body: [UInt8]
            do {
                body = [UInt8](try await request.bodyData)
            } catch {
                return FlyingFox.HTTPResponse(statusCode: .badRequest)
            }
            var headers: [HTTPHeaderField] = []
            for (name, value) in request.headers {
                headers.append(HTTPHeaderField(name.rawValue, value))
            }
            let authority = request.headers[.host] ?? "127.0.0.1"
            let seamRequest = HTTPRequest(method: request.method.rawValue, scheme: "http", authority: authority,
                                          target: request.target.rawValue,
                                          headers: headers.normalizedForDelivery, body: body)
            let response = await handler.handle(seamRequest)
            var outHeaders = FlyingFox.HTTPHeaders()
            for field in response.headers.normalizedForDelivery {
                outHeaders.addValue(field.value, for: FlyingFox.HTTPHeader(field.name))
            }
            return FlyingFox.HTTPResponse(
                statusCode: FlyingFox.HTTPStatusCode(response.status, phrase: response.reasonPhrase),
                headers: outHeaders, body: Data(response.body))
        }
    }
}
