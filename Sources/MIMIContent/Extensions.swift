import CBOR

/// A key of the extensions map (§4.3, §8.2.1): an integer (1-255 IETF Review, other positive Expert Review,
/// negative private use) or a text string of 1-255 octets (private use).
public enum ExtensionKey: Sendable, Hashable, CustomStringConvertible {
    case unsigned(UInt64)
    case negative(UInt64)
    case text(String)

    public static let senderUri = ExtensionKey.unsigned(1)
    public static let roomUri = ExtensionKey.unsigned(2)

    public var cbor: CBOR {
        switch self {
        case .unsigned(let n): return .unsigned(n)
        case .negative(let n): return .negative(n)
        case .text(let s): return .text(s)
        }
    }

    public var description: String { cbor.diagnostic }
}

/// The `mimiExtensions` map {6} (§4.3). Entries keep their order; unknown keys and their values are preserved so a
/// decoded message re-encodes byte for byte.
public struct MimiExtensions: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var key: ExtensionKey
        public var value: CBOR
        public init(key: ExtensionKey, value: CBOR) {
            self.key = key
            self.value = value
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry] = []) { self.entries = entries }

    /// A map with the sender URI (key 1) and room URI (key 2), when given.
    public init(senderUri: String?, roomUri: String?) {
        entries = []
        if let senderUri { entries.append(Entry(key: .senderUri, value: .text(senderUri))) }
        if let roomUri { entries.append(Entry(key: .roomUri, value: .text(roomUri))) }
    }

    public subscript(key: ExtensionKey) -> CBOR? {
        get { entries.first { $0.key == key }?.value }
        set {
            entries.removeAll { $0.key == key }
            if let newValue { entries.append(Entry(key: key, value: newValue)) }
        }
    }

    /// Extension 1, `senderUri` (tstr).
    public var senderUri: String? { self[.senderUri]?.textValue }
    /// Extension 2, `roomUri` (tstr).
    public var roomUri: String? { self[.roomUri]?.textValue }
}
