/// Settings of ``CurlTransport`` applied to every request: timeouts, TLS (draft-ietf-mimi-protocol-06 §2 asks
/// for mutually authenticated TLS between providers) and a cap on response size.
public struct CurlOptions: Hashable, Sendable {
    /// `CURLOPT_CONNECTTIMEOUT_MS`.
    public var connectTimeoutMilliseconds: Int
    /// `CURLOPT_TIMEOUT_MS`: the whole exchange.
    public var totalTimeoutMilliseconds: Int
    /// PEM bundle of trusted CAs (`CURLOPT_CAINFO`); nil uses the system store.
    public var caFile: String?
    /// Client certificate for mutual TLS (`CURLOPT_SSLCERT`, PEM).
    public var clientCertificateFile: String?
    /// Client private key for mutual TLS (`CURLOPT_SSLKEY`, PEM).
    public var clientKeyFile: String?
    /// Verify the server certificate and host name (`CURLOPT_SSL_VERIFYPEER`/`VERIFYHOST`).
    public var verifyPeer: Bool
    /// A response body larger than this aborts the exchange (curl error 23): hostile peers cannot exhaust memory.
    public var maxResponseBytes: Int

    public init(connectTimeoutMilliseconds: Int = 5_000, totalTimeoutMilliseconds: Int = 30_000,
                caFile: String? = nil, clientCertificateFile: String? = nil, clientKeyFile: String? = nil,
                verifyPeer: Bool = true, maxResponseBytes: Int = 64 << 20) {
        self.connectTimeoutMilliseconds = connectTimeoutMilliseconds
        self.totalTimeoutMilliseconds = totalTimeoutMilliseconds
        self.caFile = caFile
        self.clientCertificateFile = clientCertificateFile
        self.clientKeyFile = clientKeyFile
        self.verifyPeer = verifyPeer
        self.maxResponseBytes = maxResponseBytes
    }
}
