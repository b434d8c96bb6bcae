import TLSCodec

/// `EncryptedGroupSecrets` (RFC 9420 §12.4.3): GroupSecrets sealed to one new member's init key, named by the
/// KeyPackageRef of that member's KeyPackage.
public struct EncryptedGroupSecrets: Hashable, Sendable, TLSCodable {
    public var newMember: [UInt8]
    public var encryptedGroupSecrets: HPKECiphertext

    public init(newMember: [UInt8], encryptedGroupSecrets: HPKECiphertext) {
        self.newMember = newMember
        self.encryptedGroupSecrets = encryptedGroupSecrets
    }

    public init(from reader: inout TLSReader) throws {
        newMember = try reader.readOpaque("new_member")
        encryptedGroupSecrets = try reader.read(HPKECiphertext.self, "encrypted_group_secrets")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(newMember)
        writer.write(encryptedGroupSecrets)
    }
}
