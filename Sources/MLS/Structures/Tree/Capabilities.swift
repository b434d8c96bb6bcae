import TLSCodec

/// `Capabilities` (RFC 9420 §7.2): what a client supports. Unknown and GREASE values are kept in order.
public struct Capabilities: Hashable, Sendable, TLSCodable {
    public var versions: [ProtocolVersion]
    public var cipherSuites: [UInt16]
    public var extensions: [ExtensionType]
    public var proposals: [ProposalType]
    public var credentials: [CredentialType]

    public init(versions: [ProtocolVersion], cipherSuites: [UInt16], extensions: [ExtensionType],
                proposals: [ProposalType], credentials: [CredentialType]) {
        self.versions = versions
        self.cipherSuites = cipherSuites
        self.extensions = extensions
        self.proposals = proposals
        self.credentials = credentials
    }

    public init(from reader: inout TLSReader) throws {
        versions = try reader.readUInt16List("versions").map(ProtocolVersion.init(rawValue:))
        cipherSuites = try reader.readUInt16List("cipher_suites")
        extensions = try reader.readUInt16List("extensions").map { ExtensionType($0) }
        proposals = try reader.readUInt16List("proposals").map { ProposalType($0) }
        credentials = try reader.readUInt16List("credentials").map { CredentialType($0) }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt16List(versions.map(\.rawValue))
        writer.writeUInt16List(cipherSuites)
        writer.writeUInt16List(extensions.map(\.rawValue))
        writer.writeUInt16List(proposals.map(\.rawValue))
        writer.writeUInt16List(credentials.map(\.rawValue))
    }

    /// Whether `type` is supported: listed, or one of the types every client supports (§7.2).
    public func supports(_ type: ExtensionType) -> Bool {
        ExtensionType.defaultTypes.contains(type) || extensions.contains(type)
    }

    /// Whether `type` is supported: listed, or one of the default proposal types (§7.2).
    public func supports(_ type: ProposalType) -> Bool {
        ProposalType.defaultTypes.contains(type) || proposals.contains(type)
    }

    /// Whether `type` is listed (§7.2: credential types are never implied).
    public func supports(_ type: CredentialType) -> Bool { credentials.contains(type) }
}
