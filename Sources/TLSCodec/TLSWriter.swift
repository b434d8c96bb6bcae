/// Writes TLS presentation language bytes (RFC 9420 §2.1), always in the minimal form a strict reader accepts.
public struct TLSWriter: Sendable {
    public private(set) var bytes: [UInt8]

    public init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    public mutating func writeUInt8(_ v: UInt8) { bytes.append(v) }
    public mutating func writeUInt16(_ v: UInt16) { writeBigEndian(UInt64(v), 2) }
    public mutating func writeUInt32(_ v: UInt32) { writeBigEndian(UInt64(v), 4) }
    public mutating func writeUInt64(_ v: UInt64) { writeBigEndian(v, 8) }
    public mutating func writeBytes<S: Sequence>(_ b: S) where S.Element == UInt8 { bytes.append(contentsOf: b) }

    private mutating func writeBigEndian(_ v: UInt64, _ count: Int) {
        for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(UInt8(truncatingIfNeeded: v >> (8 * UInt64(i)))) }
    }

    /// Writes a variable-length header in its minimal form (RFC 9420 §2.1.2). Lengths must be below 2^30.
    public mutating func writeVarintLength(_ length: Int) {
        precondition(length >= 0 && length < (1 << 30), "MLS vector length out of range")
        if length < 64 {
            bytes.append(UInt8(length))
        } else if length < 16384 {
            writeBigEndian(UInt64(length) | 0x4000, 2)
        } else {
            writeBigEndian(UInt64(length) | 0x8000_0000, 4)
        }
    }

    /// Writes a variable-length vector whose contents `body` produces.
    public mutating func writeVector(_ body: (inout TLSWriter) -> Void) {
        var inner = TLSWriter()
        body(&inner)
        writeVarintLength(inner.bytes.count)
        bytes.append(contentsOf: inner.bytes)
    }

    /// Writes `opaque<V>`.
    public mutating func writeOpaque<C: Collection>(_ b: C) where C.Element == UInt8 {
        writeVarintLength(b.count)
        bytes.append(contentsOf: b)
    }

    /// Writes `T<V>` from a list of elements.
    public mutating func writeList<T>(_ items: [T], _ element: (inout TLSWriter, T) -> Void) {
        writeVector { w in for item in items { element(&w, item) } }
    }

    /// Writes `T<V>` for encodable elements.
    public mutating func writeList<T: TLSEncodable>(_ items: [T]) {
        writeVector { w in for item in items { item.encode(to: &w) } }
    }

    /// Writes `optional<T>`.
    public mutating func writeOptional<T>(_ value: T?, _ body: (inout TLSWriter, T) -> Void) {
        if let value {
            bytes.append(1)
            body(&self, value)
        } else {
            bytes.append(0)
        }
    }

    public mutating func write<T: TLSEncodable>(_ value: T) { value.encode(to: &self) }
}
