import TLSCodec

/// `Welcome` (RFC 9420 §12.4.3): brings new members into a group: per-member GroupSecrets and the encrypted GroupInfo.
public struct Welcome: Hashable, Sendable, TLSCodable {
    public var cipherSuite: UInt16
    public var secrets: [EncryptedGroupSecrets]
    public var encryptedGroupInfo: [UInt8]

    public init(cipherSuite: UInt16, secrets: [EncryptedGroupSecrets], encryptedGroupInfo: [UInt8]) {
        self.cipherSuite = cipherSuite
        self.secrets = secrets
        self.encryptedGroupInfo = encryptedGroupInfo
    }

    public init(from reader: inout TLSReader) throws {
        cipherSuite = try reader.readUInt16("cipher_suite")
        secrets = try reader.readList("secrets") { try EncryptedGroupSecrets(from: &$0) }
        encryptedGroupInfo = try reader.readOpaque("encrypted_group_info")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt16(cipherSuite)
        writer.writeList(secrets)
        writer.writeOpaque(encryptedGroupInfo)
    }
}
