import TLSCodec

/// `Lifetime` (RFC 9420 §7.2): the validity window of a KeyPackage's leaf, in seconds since the Unix epoch.
public struct Lifetime: Hashable, Sendable, TLSCodable {
    public var notBefore: UInt64
    public var notAfter: UInt64

    public init(notBefore: UInt64, notAfter: UInt64) {
        self.notBefore = notBefore
        self.notAfter = notAfter
    }

    /// The "eternal" lifetime (0, 2^64 - 1) used by the published vectors.
    public static let eternal = Lifetime(notBefore: 0, notAfter: .max)

    /// Whether `time` (seconds since the Unix epoch) lies in [not_before, not_after] (§7.3).
    public func contains(_ time: UInt64) -> Bool { notBefore <= time && time <= notAfter }

    public init(from reader: inout TLSReader) throws {
        notBefore = try reader.readUInt64("not_before")
        notAfter = try reader.readUInt64("not_after")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt64(notBefore)
        writer.writeUInt64(notAfter)
    }
}
