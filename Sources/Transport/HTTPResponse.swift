/// An HTTP response at the transport seam: status code (RFC 9110 §15), header fields in order, and body bytes.
public struct HTTPResponse: Hashable, Sendable {
    public var status: Int
    public var headers: [HTTPHeaderField]
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeaderField] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A response with no body and the given status.
    public static func status(_ status: Int) -> HTTPResponse { HTTPResponse(status: status) }

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The standard reason phrase for ``status`` (RFC 9110 §15), or "Status" for codes it does not name.
    public var reasonPhrase: String { HTTPResponse.reasonPhrase(status) }

    static func reasonPhrase(_ code: Int) -> String {
        switch code {
        case 100: "Continue"
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 410: "Gone"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Content"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: "Status"
        }
    }
}
