import TLSCodec
import Transport

/// The HTTP responses simulated providers give (draft-ietf-mimi-protocol-06 §"Endpoints"; docs/providers.md lists
/// which status each refusal gets where the draft names none).
enum ProviderResponse {
    /// 200 with a TLS-encoded body (keyMaterial, update, submitMessage, groupInfo, identifierQuery).
    static func ok<T: TLSEncodable>(_ value: T) -> HTTPResponse {
        HTTPResponse(status: 200, headers: [HTTPHeaderField("Content-Type", "application/octet-stream")], body: value.tlsEncoded)
    }

    /// 201 with no body (notify, consent, reportAbuse).
    static let created = HTTPResponse(status: 201)

    /// An error status with a short plain-text reason.
    static func error(_ status: Int, _ reason: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: [HTTPHeaderField("Content-Type", "text/plain; charset=utf-8")],
                     body: Array(reason.utf8))
    }
}
