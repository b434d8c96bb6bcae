import Foundation

/// The endpoints of draft-ietf-mimi-protocol-06 §"Directory", by their directory key.
public enum MIMIEndpoint: String, Hashable, Sendable, CaseIterable, Codable {
    case keyMaterial, update, notify, submitMessage, groupInfo, requestConsent, updateConsent, identifierQuery,
         reportAbuse, proxyDownload

    /// The HTTP method the draft gives the endpoint.
    public var method: String { self == .proxyDownload ? "GET" : "POST" }

    /// The template this harness serves (`/update/{roomId}`, not the example's `/update{roomId}`).
    public var standardTemplate: String {
        switch self {
        case .keyMaterial: "/keyMaterial/{targetUser}"
        case .update: "/update/{roomId}"
        case .notify: "/notify/{roomId}"
        case .submitMessage: "/submitMessage/{roomId}"
        case .groupInfo: "/groupInfo/{roomId}"
        case .requestConsent: "/requestConsent/{targetUser}"
        case .updateConsent: "/updateConsent/{requesterUser}"
        case .identifierQuery: "/identifierQuery/{domain}"
        case .reportAbuse: "/reportAbuse/{roomId}"
        case .proxyDownload: "/proxyDownload/{downloadUrl}"
        }
    }
}

/// Why a directory document or an endpoint URL could not be produced.
public enum DirectoryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The body is not a JSON object.
    case notJSONObject(String)
    /// The directory has no entry for the endpoint.
    case missingEndpoint(MIMIEndpoint)
    /// A template has no `{…}` placeholder, or more than one.
    case badTemplate(MIMIEndpoint, String)

    public var description: String {
        switch self {
        case .notJSONObject(let reason): "directory document is not a JSON object: \(reason)"
        case .missingEndpoint(let e): "directory has no \(e.rawValue) endpoint"
        case .badTemplate(let e, let t): "directory template for \(e.rawValue) must have exactly one {placeholder}: \(t)"
        }
    }
}

/// The directory document served at `GET /.well-known/mimi-protocol-directory` (draft-ietf-mimi-protocol-06
/// §"Directory"): a JSON object mapping endpoint names to URL templates, after the ACME directory.
///
/// Non-string members (an ACME-style `meta` object) are ignored; unknown keys are kept.
public struct DirectoryDocument: Hashable, Sendable {
    public static let wellKnownPath = "/.well-known/mimi-protocol-directory"

    /// Every string member, by key.
    public var templates: [String: String]

    public init(templates: [String: String]) { self.templates = templates }

    /// The directory this harness serves: every endpoint under `base` (`https://a.example` or a path prefix such
    /// as `/mimi`), with the standard templates.
    public static func standard(base: String = "") -> DirectoryDocument {
        var base = base
        while base.hasSuffix("/") { base.removeLast() }
        var t: [String: String] = [:]
        for e in MIMIEndpoint.allCases { t[e.rawValue] = base + e.standardTemplate }
        return DirectoryDocument(templates: t)
    }

    /// Parses a directory body.
    public init(json: [UInt8]) throws(DirectoryError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(json))
        } catch {
            throw .notJSONObject("invalid JSON (\(json.count) bytes)")
        }
        guard let dict = object as? [String: Any] else { throw .notJSONObject("top level is not an object") }
        var t: [String: String] = [:]
        for (k, v) in dict { if let s = v as? String { t[k] = s } }
        templates = t
    }

    /// The JSON body, keys sorted, so the same directory always serializes to the same bytes.
    public var json: [UInt8] {
        let body = templates.keys.sorted().map { "  \(Self.quote($0)): \(Self.quote(templates[$0] ?? ""))" }
        return Array(("{\n" + body.joined(separator: ",\n") + "\n}\n").utf8)
    }

    private static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    /// The URL (or path, for relative templates) of `endpoint` with its one placeholder replaced by `value`,
    /// already encoded for the path (see ``url(_:room:layout:)`` and friends).
    public func expand(_ endpoint: MIMIEndpoint, encodedValue value: String, layout: EndpointLayout = .default) throws(DirectoryError) -> String {
        guard let template = templates[endpoint.rawValue] else { throw .missingEndpoint(endpoint) }
        guard let open = template.firstIndex(of: "{"), let close = template[open...].firstIndex(of: "}"),
              !template[template.index(after: close)...].contains("{") else {
            throw .badTemplate(endpoint, template)
        }
        var prefix = String(template[..<open])
        if layout.insertMissingSlash, !prefix.hasSuffix("/") { prefix += "/" }
        return prefix + value + template[template.index(after: close)...]
    }

    /// The URL of a room endpoint (update, notify, submitMessage, groupInfo, reportAbuse) for `room`.
    public func url(_ endpoint: MIMIEndpoint, room: RoomId, layout: EndpointLayout = .default) throws(DirectoryError) -> String {
        try expand(endpoint, encodedValue: EndpointLayout.encode(room, as: layout.room), layout: layout)
    }

    /// The URL of a user endpoint (keyMaterial, requestConsent, updateConsent) for `user`.
    public func url(_ endpoint: MIMIEndpoint, user: IdentifierUri, layout: EndpointLayout = .default) throws(DirectoryError) -> String {
        try expand(endpoint, encodedValue: EndpointLayout.encode(user, as: layout.user), layout: layout)
    }

    /// The URL of identifierQuery for `domain`.
    public func url(identifierQueryFor domain: String, layout: EndpointLayout = .default) throws(DirectoryError) -> String {
        try expand(.identifierQuery, encodedValue: PercentEncoding.encode(domain), layout: layout)
    }

    /// The URL of proxyDownload for `downloadURL` (percent-encoded as one segment).
    public func url(proxyDownloadOf downloadURL: String, layout: EndpointLayout = .default) throws(DirectoryError) -> String {
        try expand(.proxyDownload, encodedValue: PercentEncoding.encode(downloadURL), layout: layout)
    }

    /// For a request path, the endpoint it addresses and the encoded identifier after the endpoint's prefix, or
    /// nil when no template matches. Templates are matched on their path part (any scheme and host dropped).
    public func match(path: String) -> (endpoint: MIMIEndpoint, remainder: Substring)? {
        let bare = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? path
        var best: (MIMIEndpoint, Substring, Int)?
        for e in MIMIEndpoint.allCases {
            guard let template = templates[e.rawValue], let open = template.firstIndex(of: "{") else { continue }
            var prefix = Self.pathPart(of: String(template[..<open]))
            if !prefix.hasSuffix("/") { prefix += "/" }
            if bare.hasPrefix(prefix), prefix.count > (best?.2 ?? -1) {
                best = (e, bare.dropFirst(prefix.count), prefix.count)
            }
        }
        return best.map { ($0.0, $0.1) }
    }

    private static func pathPart(of url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}
