import MLS
import TLSCodec

/// `FrankingAgentData` (draft-ietf-mimi-protocol-06 §"Franking"): the hub's franking signature key and credential,
/// the data of the `franking_signature_key` component (0x0021; the text calls it `franking_agent`).
public struct FrankingAgentData: Hashable, Sendable, TLSCodable {
    public var frankingSignatureKey: [UInt8]
    public var credential: Credential

    public init(frankingSignatureKey: [UInt8], credential: Credential) {
        self.frankingSignatureKey = frankingSignatureKey
        self.credential = credential
    }

    public init(from reader: inout TLSReader) throws {
        frankingSignatureKey = try reader.readOpaque("franking_signature_key")
        credential = try reader.read(Credential.self, "credential")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(frankingSignatureKey)
        writer.write(credential)
    }
}
