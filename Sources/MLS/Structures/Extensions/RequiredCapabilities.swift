import TLSCodec

/// `RequiredCapabilities` (RFC 9420 §11.1): the `required_capabilities` GroupContext extension.
public struct RequiredCapabilities: Hashable, Sendable, ExtensionContent {
    public static let extensionType = ExtensionType.requiredCapabilities
    public var extensionTypes: [ExtensionType]
    public var proposalTypes: [ProposalType]
    public var credentialTypes: [CredentialType]

    public init(extensionTypes: [ExtensionType], proposalTypes: [ProposalType], credentialTypes: [CredentialType]) {
        self.extensionTypes = extensionTypes
        self.proposalTypes = proposalTypes
        self.credentialTypes = credentialTypes
    }

    public init(from reader: inout TLSReader) throws {
        extensionTypes = try reader.readUInt16List("extension_types").map { ExtensionType($0) }
        proposalTypes = try reader.readUInt16List("proposal_types").map { ProposalType($0) }
        credentialTypes = try reader.readUInt16List("credential_types").map { CredentialType($0) }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt16List(extensionTypes.map(\.rawValue))
        writer.writeUInt16List(proposalTypes.map(\.rawValue))
        writer.writeUInt16List(credentialTypes.map(\.rawValue))
    }
}
