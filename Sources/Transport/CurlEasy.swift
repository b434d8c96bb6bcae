import CCurl
import Synchronization

/// Set from any thread to abort a running transfer at libcurl's next progress callback.
final class CancelFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    func cancel() { flag.store(true, ordering: .relaxed) }
    var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// `curl_global_init` runs once per process, before the first easy handle (libcurl-tutorial "Global
/// Preparation"); a global `let` is initialised lazily and exactly once.
private let curlGlobalInit: CURLcode = ccurl_global_init_default()

/// Collects one transfer's response; touched only by the thread running `curl_easy_perform`.
private final class ResponseSink {
    var body: [UInt8] = []
    var headers: [HTTPHeaderField] = []
    let limit: Int
    var overLimit = false

    init(limit: Int) { self.limit = limit }

    func appendBody(_ chunk: UnsafeRawBufferPointer) -> Bool {
        guard body.count + chunk.count <= limit else {
            overLimit = true
            return false
        }
        body.append(contentsOf: chunk)
        return true
    }

    /// One header line as libcurl hands it over (with its CRLF). A status line starts a new response (1xx,
    /// redirects), so the fields collected so far are dropped.
    func appendHeaderLine(_ raw: UnsafeRawBufferPointer) {
        var bytes = raw[...]
        while let last = bytes.last, last == 0x0a || last == 0x0d { bytes.removeLast() }
        let line = String(decoding: bytes, as: UTF8.self)
        if line.hasPrefix("HTTP/") {
            headers.removeAll()
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon])
        let value = line[line.index(after: colon)...].trimmingASCIIWhitespace()
        headers.append(HTTPHeaderField(name, value))
    }
}

extension Substring {
    fileprivate func trimmingASCIIWhitespace() -> String {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

/// One blocking libcurl easy transfer (libcurl-easy(3)). Run it off the Swift cooperative pool.
enum CurlEasy {
    static func perform(method: String, url: String, headers: [HTTPHeaderField], body: [UInt8],
                        options: CurlOptions, cancel: CancelFlag) -> Result<HTTPResponse, TransportError> {
        guard curlGlobalInit == CURLE_OK else {
            return .failure(.curl(code: Int(curlGlobalInit.rawValue), message: "curl_global_init failed", url: url))
        }
        for field in headers {
            if let problem = headerProblem(field) { return .failure(.invalidHeader(name: field.name, reason: problem)) }
        }
        guard let handle = curl_easy_init() else {
            return .failure(.curl(code: Int(CURLE_FAILED_INIT.rawValue), message: "curl_easy_init failed", url: url))
        }
        defer { curl_easy_cleanup(handle) }

        let errorSize = ccurl_error_size()
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: errorSize)
        errorBuffer.initialize(repeating: 0, count: errorSize)
        defer { errorBuffer.deallocate() }

        var list: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(list) }
        for field in headers {
            // "Name;" sends an empty value; "Name:" would tell libcurl to drop the field.
            let line = field.value.isEmpty ? "\(field.name);" : "\(field.name): \(field.value)"
            list = curl_slist_append(list, line)
        }
        // Suppress what libcurl would add on its own: the 100-continue round trip, `Accept: */*` and the
        // form-urlencoded Content-Type of CURLOPT_POSTFIELDS.
        for name in ["Expect", "Accept", "Content-Type"] where headers.value(for: name) == nil {
            list = curl_slist_append(list, "\(name):")
        }

        let sink = ResponseSink(limit: options.maxResponseBytes)
        let sinkPointer = Unmanaged.passUnretained(sink).toOpaque()
        var setupCode = CURLE_OK
        func set(_ code: CURLcode) { if setupCode == CURLE_OK { setupCode = code } }

        set(ccurl_setopt_string(handle, CURLOPT_URL, url))
        set(ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        set(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        set(ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, options.connectTimeoutMilliseconds))
        set(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, options.totalTimeoutMilliseconds))
        set(ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        set(ccurl_setopt_string(handle, CURLOPT_NOPROXY, "127.0.0.1,localhost,::1"))
        set(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        set(ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, list))
        set(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, options.verifyPeer ? 1 : 0))
        set(ccurl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, options.verifyPeer ? 2 : 0))
        if let caFile = options.caFile { set(ccurl_setopt_string(handle, CURLOPT_CAINFO, caFile)) }
        if let cert = options.clientCertificateFile { set(ccurl_setopt_string(handle, CURLOPT_SSLCERT, cert)) }
        if let key = options.clientKeyFile { set(ccurl_setopt_string(handle, CURLOPT_SSLKEY, key)) }

        set(ccurl_setopt_write_cb(handle, CURLOPT_WRITEFUNCTION) { data, size, count, user in
            guard let user else { return 0 }
            let sink = Unmanaged<ResponseSink>.fromOpaque(user).takeUnretainedValue()
            let total = size * count
            guard total > 0, let data else { return total }
            return sink.appendBody(UnsafeRawBufferPointer(start: data, count: total)) ? total : 0
        })
        set(ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, sinkPointer))
        set(ccurl_setopt_write_cb(handle, CURLOPT_HEADERFUNCTION) { data, size, count, user in
            let total = size * count
            guard let user, let data else { return total }
            let sink = Unmanaged<ResponseSink>.fromOpaque(user).takeUnretainedValue()
            sink.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: total))
            return total
        })
        set(ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, sinkPointer))
        // Cancellation: a non-zero return from the progress callback aborts with CURLE_ABORTED_BY_CALLBACK (42).
        set(ccurl_setopt_long(handle, CURLOPT_NOPROGRESS, 0))
        set(ccurl_setopt_xferinfo_cb(handle, CURLOPT_XFERINFOFUNCTION) { user, _, _, _, _ in
            guard let user else { return 0 }
            return Unmanaged<CancelFlag>.fromOpaque(user).takeUnretainedValue().isCancelled ? 1 : 0
        })
        set(ccurl_setopt_pointer(handle, CURLOPT_XFERINFODATA, Unmanaged.passUnretained(cancel).toOpaque()))

        switch method {
        case "GET" where body.isEmpty:
            set(ccurl_setopt_long(handle, CURLOPT_HTTPGET, 1))
        case "HEAD" where body.isEmpty:
            set(ccurl_setopt_long(handle, CURLOPT_NOBODY, 1))
        default:
            // The size first, then COPYPOSTFIELDS: libcurl copies exactly that many bytes, NULs included.
            set(ccurl_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count)))
            if body.isEmpty {
                set(ccurl_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, ""))
            } else {
                body.withUnsafeBytes { raw in
                    set(ccurl_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: raw.baseAddress)))
                }
            }
            if method != "POST" { set(ccurl_setopt_string(handle, CURLOPT_CUSTOMREQUEST, method)) }
        }
        guard setupCode == CURLE_OK else { return .failure(curlError(setupCode, errorBuffer, url)) }

        guard !cancel.isCancelled else {
            return .failure(.curl(code: Int(CURLE_ABORTED_BY_CALLBACK.rawValue), message: "cancelled before sending", url: url))
        }
        let code = withExtendedLifetime((sink, cancel)) { curl_easy_perform(handle) }
        guard code == CURLE_OK else {
            if code == CURLE_ABORTED_BY_CALLBACK {
                return .failure(.curl(code: Int(code.rawValue), message: "cancelled", url: url))
            }
            if sink.overLimit {
                return .failure(.curl(code: Int(code.rawValue),
                                      message: "response body exceeds the limit of \(options.maxResponseBytes) bytes",
                                      url: url))
            }
            return .failure(curlError(code, errorBuffer, url))
        }
        var status = 0
        let infoCode = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        guard infoCode == CURLE_OK else { return .failure(curlError(infoCode, errorBuffer, url)) }
        return .success(HTTPResponse(status: status, headers: sink.headers.normalizedForDelivery, body: sink.body))
    }

    private static func curlError(_ code: CURLcode, _ buffer: UnsafeMutablePointer<CChar>, _ url: String) -> TransportError {
        var message = String(validatingCString: buffer) ?? ""
        if message.isEmpty, let text = curl_easy_strerror(code) {
            message = String(validatingCString: text) ?? ""
        }
        return .curl(code: Int(code.rawValue), message: message, url: url)
    }

    /// Why a field cannot go on the wire, or nil when it can (RFC 9110 §5.1, §5.5: no CR, LF or NUL).
    static func headerProblem(_ field: HTTPHeaderField) -> String? {
        if field.name.isEmpty { return "empty field name" }
        if field.name.utf8.contains(where: { $0 <= 0x20 || $0 == 0x3a || $0 >= 0x7f }) {
            return "field name must be a token (no whitespace, colon or control characters)"
        }
        if field.value.utf8.contains(where: { $0 == 0x0d || $0 == 0x0a || $0 == 0 }) {
            return "field value contains CR, LF or NUL"
        }
        return nil
    }
}
