/// An HTTP request as the MIMI transport sends it (draft-ietf-mimi-protocol-06 §2: HTTPS between providers, the
/// target provider in `Host`, the source provider in `From`).
///
/// `authority` names the target provider (a domain, optionally with a port); it is what ``InProcessTransport``
/// routes on and what `Host` carries over HTTP. `target` is the request target: the percent-encoded path and
/// optional query, always starting with `/`.
public struct HTTPRequest: Hashable, Sendable {
    public var method: String
    public var scheme: String
    public var authority: String
    public var target: String
    public var headers: [HTTPHeaderField]
    public var body: [UInt8]

    public init(method: String, scheme: String = "https", authority: String, target: String,
                headers: [HTTPHeaderField] = [], body: [UInt8] = []) {
        self.method = method
        self.scheme = scheme
        self.authority = authority
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// Builds a request from an absolute `http` or `https` URL.
    public init(method: String, url: String, headers: [HTTPHeaderField] = [], body: [UInt8] = []) throws(TransportError) {
        let parts = try HTTPRequest.split(url: url)
        self.init(method: method, scheme: parts.scheme, authority: parts.authority, target: parts.target,
                  headers: headers, body: body)
    }

    /// The absolute URL: scheme, authority and target.
    public var url: String { "\(scheme)://\(authority)\(target)" }

    /// The target without its query.
    public var path: String {
        if let q = target.firstIndex(of: "?") { return String(target[..<q]) }
        return target
    }

    /// The host part of ``authority`` (without any port), lowercased; MIMI ignores the port when identifying a
    /// provider (draft-ietf-mimi-protocol-06 §2).
    public var host: String { HTTPRequest.host(of: authority) }

    static func host(of authority: String) -> String {
        let lower = authority.lowercased()
        if lower.hasPrefix("["), let close = lower.firstIndex(of: "]") {
            return String(lower[...close])
        }
        if let colon = lower.lastIndex(of: ":") { return String(lower[..<colon]) }
        return lower
    }

    /// Splits an absolute URL into scheme, authority and target; rejects anything that is not http(s).
    static func split(url: String) throws(TransportError) -> (scheme: String, authority: String, target: String) {
        guard let schemeEnd = url.range(of: "://") else {
            throw .invalidURL(url, reason: "no scheme (expected http:// or https://)")
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "http" || scheme == "https" else {
            throw .invalidURL(url, reason: "scheme \(scheme) is not http or https")
        }
        let rest = url[schemeEnd.upperBound...]
        let slash = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = String(rest[..<slash])
        guard !authority.isEmpty else { throw .invalidURL(url, reason: "empty authority") }
        guard !authority.contains(where: { $0 == " " || $0 == "@" || $0 == "#" }) else {
            throw .invalidURL(url, reason: "authority \(authority) contains a space, userinfo or fragment")
        }
        var target = String(rest[slash...])
        if target.isEmpty { target = "/" } else if target.hasPrefix("?") { target = "/" + target }
        guard !target.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" || $0 == "#" }) else {
            throw .invalidURL(url, reason: "target must be percent-encoded (no space, CR, LF or fragment)")
        }
        return (scheme, authority, target)
    }
}
