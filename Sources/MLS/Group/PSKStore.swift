import MLSCrypto
import TLSCodec

/// The pre-shared keys a client can use (RFC 9420 §8.4): external PSKs by psk_id, and resumption PSKs by group ID
/// and epoch (§8.6).
public struct PSKStore: Sendable, Hashable {
    public var external: [[UInt8]: [UInt8]] = [:]
    /// Resumption secrets: group ID → epoch → resumption_psk.
    public var resumption: [[UInt8]: [UInt64: [UInt8]]] = [:]

    public init() {}

    /// Installs an external PSK.
    public mutating func addExternal(id: [UInt8], psk: [UInt8]) { external[id] = psk }

    /// Records a group's resumption_psk of `epoch`.
    public mutating func addResumption(groupID: [UInt8], epoch: UInt64, psk: [UInt8]) {
        resumption[groupID, default: [:]][epoch] = psk
    }

    /// Forgets resumption secrets of `groupID` older than `oldest`.
    mutating func pruneResumption(groupID: [UInt8], keepingFrom oldest: UInt64) {
        resumption[groupID] = resumption[groupID]?.filter { $0.key >= oldest }
    }

    /// The PSK a PreSharedKeyID names; throws ``MLSError/Code/pskNotFound``.
    public func value(for id: PreSharedKeyID) throws -> [UInt8] {
        switch id.key {
        case .external(let pskID):
            guard let v = external[pskID] else { throw MLSError(.pskNotFound, "no external PSK has psk_id \(pskID.hex)") }
            return v
        case .resumption(_, let groupID, let epoch):
            guard let v = resumption[groupID]?[epoch] else {
                throw MLSError(.pskNotFound, "no resumption PSK of group \(groupID.hex) epoch \(epoch)")
            }
            return v
        }
    }

    /// psk_secret for the PSKs in order (§8.4); 0^Nh for none.
    public func pskSecret(for ids: [PreSharedKeyID], suite: CipherSuite) throws -> [UInt8] {
        let inputs = try ids.map { PSKSecret.Input(pskID: $0.tlsEncoded, psk: try value(for: $0)) }
        return try PSKSecret.compute(cipherSuite: suite, psks: inputs)
    }
}
