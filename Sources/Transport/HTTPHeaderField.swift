/// One HTTP header field (RFC 9110 §5): a name and a value, kept in the order they were given.
///
/// Names compare case-insensitively through ``HTTPHeaderField/matches(_:)``; the stored spelling is kept as given.
public struct HTTPHeaderField: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// True when this field's name equals `name`, ignoring ASCII case (RFC 9110 §5.1).
    public func matches(_ name: String) -> Bool {
        self.name.lowercased() == name.lowercased()
    }

    public var description: String { "\(name): \(value)" }

    /// Fields the HTTP machinery itself manages (framing, connection, Host). They are set by the client library
    /// and consumed by the server, so neither side of the ``TransportSeam`` shows them to a handler or a caller;
    /// this keeps the in-process and the loopback paths byte-identical in what they deliver and record.
    public static let transportManaged: Set<String> = [
        "host", "content-length", "connection", "keep-alive", "transfer-encoding", "expect", "te", "upgrade",
        "proxy-connection", "accept-encoding", "date",
    ]
}

extension Array where Element == HTTPHeaderField {
    /// The first value of the field named `name` (case-insensitive), if any.
    public func value(for name: String) -> String? {
        first { $0.matches(name) }?.value
    }

    /// Every value of the field named `name` (case-insensitive), in order.
    public func values(for name: String) -> [String] {
        filter { $0.matches(name) }.map(\.value)
    }

    /// The form a handler or caller sees at the seam: names lowercased, transport-managed fields dropped, and a
    /// stable sort by name (fields of one name keep their relative order).
    public var normalizedForDelivery: [HTTPHeaderField] {
        let kept = compactMap { field -> HTTPHeaderField? in
            let name = field.name.lowercased()
            guard !HTTPHeaderField.transportManaged.contains(name) else { return nil }
            return HTTPHeaderField(name, field.value)
        }
        return kept.enumerated()
            .sorted { $0.element.name == $1.element.name ? $0.offset < $1.offset : $0.element.name < $1.element.name }
            .map(\.element)
    }
}
