import Synchronization

/// Collects ``Exchange``s from every ``RecordingTransport`` that shares it, numbered in the order requests were
/// sent. Numbers are handed out when a request starts, so a deterministic sequence of calls yields a
/// deterministic record even when responses arrive out of order.
public final class ExchangeRecorder: Sendable {
    private let state = Mutex<[Exchange]>([])

    public init() {}

    /// Every exchange so far, by sequence number.
    public var exchanges: [Exchange] { state.withLock { $0 } }

    /// Forgets everything recorded.
    public func reset() { state.withLock { $0.removeAll() } }

    /// Records a request about to be sent and returns its sequence number.
    func begin(from: String, request: HTTPRequest) -> Int {
        state.withLock { list in
            let sequence = list.count + 1
            list.append(Exchange(sequence: sequence, from: from, to: request.authority, method: request.method,
                                 target: request.target, requestHeaders: request.headers.normalizedForDelivery,
                                 requestBody: request.body, outcome: .pending))
            return sequence
        }
    }

    /// Records the outcome of exchange `sequence`.
    func finish(_ sequence: Int, _ outcome: Exchange.Outcome) {
        state.withLock { list in
            let index = sequence - 1
            guard list.indices.contains(index) else { return }
            list[index].outcome = outcome
        }
    }
}

/// An ``HTTPTransport`` that records every exchange it passes on to `base` into a shared ``ExchangeRecorder``,
/// naming `party` as the sender.
public struct RecordingTransport: HTTPTransport {
    public let base: any HTTPTransport
    public let party: String
    public let recorder: ExchangeRecorder

    public init(base: any HTTPTransport, party: String, recorder: ExchangeRecorder) {
        self.base = base
        self.party = party
        self.recorder = recorder
    }

    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let sequence = recorder.begin(from: party, request: request)
        do {
            let response = try await base.send(request)
            recorder.finish(sequence, .response(response))
            return response
        } catch {
            recorder.finish(sequence, .failed(error))
            throw error
        }
    }
}
