import TLSCodec

/// `Protocol` (draft-ietf-mimi-protocol-06 §5.1): the end-to-end protocol a MIMI structure carries.
/// `enum { reserved(0), mls10(1), (255) } Protocol;` — only `mls10` is usable; `reserved` is rejected.
public enum ProtocolKind: UInt8, Hashable, Sendable, CaseIterable, TLSCodable {
    case mls10 = 1

    static let rule = "Protocol must be mls10(1) (draft-ietf-mimi-protocol-06 §5.1)"

    public init(from reader: inout TLSReader) throws {
        self = try reader.readEnum8(ProtocolKind.self, "protocol", rule: ProtocolKind.rule)
    }

    public func encode(to writer: inout TLSWriter) { writer.writeUInt8(rawValue) }
}
