import TLSCodec

/// `ExternalSender` (RFC 9420 §12.1.8.1): one entry of the `external_senders` GroupContext extension.
public struct ExternalSender: Hashable, Sendable, TLSCodable {
    public var signatureKey: [UInt8]
    public var credential: Credential

    public init(signatureKey: [UInt8], credential: Credential) {
        self.signatureKey = signatureKey
        self.credential = credential
    }

    public init(from reader: inout TLSReader) throws {
        signatureKey = try reader.readOpaque("signature_key")
        credential = try reader.read(Credential.self, "credential")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(signatureKey)
        writer.write(credential)
    }
}

/// `ExternalSender external_senders<V>` (RFC 9420 §12.1.8.1): the `external_senders` extension payload.
public struct ExternalSenders: Hashable, Sendable, ExtensionContent {
    public static let extensionType = ExtensionType.externalSenders
    public var senders: [ExternalSender]
    public init(senders: [ExternalSender]) { self.senders = senders }

    public init(from reader: inout TLSReader) throws {
        senders = try reader.readList("external_senders") { try ExternalSender(from: &$0) }
    }
    public func encode(to writer: inout TLSWriter) { writer.writeList(senders) }
}
