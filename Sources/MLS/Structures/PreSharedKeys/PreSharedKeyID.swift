import TLSCodec

/// `PreSharedKeyID` (RFC 9420 §8.4): names an external or resumption PSK, with a fresh nonce.
public struct PreSharedKeyID: Hashable, Sendable, TLSCodable {
    /// The `select (psktype)` part of the structure.
    public enum Key: Hashable, Sendable {
        /// `external`: `opaque psk_id<V>`.
        case external(pskID: [UInt8])
        /// `resumption`: usage, the group whose resumption secret is used, and its epoch.
        case resumption(usage: ResumptionPSKUsage, pskGroupID: [UInt8], pskEpoch: UInt64)
    }

    public var key: Key
    public var pskNonce: [UInt8]

    public init(key: Key, pskNonce: [UInt8]) {
        self.key = key
        self.pskNonce = pskNonce
    }

    public var pskType: PSKType {
        switch key {
        case .external: .external
        case .resumption: .resumption
        }
    }

    public init(from reader: inout TLSReader) throws {
        let type = try reader.readEnum8(PSKType.self, "psktype", rule: "PSKType must be external(1) or resumption(2) (RFC 9420 §8.4)")
        switch type {
        case .external:
            key = .external(pskID: try reader.readOpaque("psk_id"))
        case .resumption:
            let usage = try reader.readEnum8(ResumptionPSKUsage.self, "usage",
                                             rule: "ResumptionPSKUsage must be application(1), reinit(2) or branch(3) (RFC 9420 §8.4)")
            key = .resumption(usage: usage, pskGroupID: try reader.readOpaque("psk_group_id"),
                              pskEpoch: try reader.readUInt64("psk_epoch"))
        }
        pskNonce = try reader.readOpaque("psk_nonce")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(pskType.rawValue)
        switch key {
        case .external(let id):
            writer.writeOpaque(id)
        case .resumption(let usage, let groupID, let epoch):
            writer.writeUInt8(usage.rawValue)
            writer.writeOpaque(groupID)
            writer.writeUInt64(epoch)
        }
        writer.writeOpaque(pskNonce)
    }
}
