import TLSCodec

/// `ProtocolVersion` (RFC 9420 §6): a uint16 whose only defined value is `mls10` = 1. Kept open so that a
/// KeyPackage, GroupContext or ReInit naming another version still decodes and can be rejected by validation;
/// ``MLSMessage`` itself accepts only `mls10`.
public struct ProtocolVersion: RawRepresentable, Hashable, Sendable, TLSCodable, CustomStringConvertible {
    public var rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// `mls10(1)`.
    public static let mls10 = ProtocolVersion(rawValue: 1)

    public init(from reader: inout TLSReader) throws { rawValue = try reader.readUInt16("version") }
    public func encode(to writer: inout TLSWriter) { writer.writeUInt16(rawValue) }
    public var description: String { rawValue == 1 ? "mls10" : "version(\(rawValue))" }
}
