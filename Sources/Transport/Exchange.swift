/// One recorded HTTP exchange for a transcript (the "wire log" of DEVELOPERS.md): who sent what to whom and
/// what came back. It carries no timestamps, so a rerun with the same seed records identical exchanges.
public struct Exchange: Hashable, Sendable {
    /// Position in the recording, from 1, in the order requests were sent.
    public var sequence: Int
    /// The sending party (e.g. a provider domain or a client name).
    public var from: String
    /// The receiving party: the request's authority.
    public var to: String
    public var method: String
    /// The request target (percent-encoded path and query).
    public var target: String
    public var requestHeaders: [HTTPHeaderField]
    public var requestBody: [UInt8]
    /// The outcome: a response, or the transport error that prevented one.
    public var outcome: Outcome

    /// What came back for a request.
    public enum Outcome: Hashable, Sendable {
        case response(HTTPResponse)
        case failed(TransportError)
        /// The request was sent and no outcome has been recorded yet.
        case pending
    }

    /// The response status, when there was a response.
    public var status: Int? {
        if case .response(let r) = outcome { return r.status }
        return nil
    }

    /// The response body, when there was a response.
    public var responseBody: [UInt8]? {
        if case .response(let r) = outcome { return r.body }
        return nil
    }
}
