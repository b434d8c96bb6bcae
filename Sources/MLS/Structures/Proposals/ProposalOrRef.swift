import TLSCodec

/// `ProposalOrRefType` (RFC 9420 §12.4): `proposal(1)` or `reference(2)`; other values are rejected.
public enum ProposalOrRefType: UInt8, Hashable, Sendable {
    case proposal = 1
    case reference = 2
}

/// `ProposalOrRef` (RFC 9420 §12.4): a Commit's proposal, by value or by ProposalRef (§5.2).
public enum ProposalOrRef: Hashable, Sendable, TLSCodable {
    case proposal(Proposal)
    /// A `ProposalRef`: `RefHash("MLS 1.0 Proposal Reference", AuthenticatedContent)`.
    case reference([UInt8])

    public var type: ProposalOrRefType {
        switch self {
        case .proposal: .proposal
        case .reference: .reference
        }
    }

    public init(from reader: inout TLSReader) throws {
        let type = try reader.readEnum8(ProposalOrRefType.self, "type",
                                        rule: "ProposalOrRefType must be proposal(1) or reference(2) (RFC 9420 §12.4)")
        switch type {
        case .proposal: self = .proposal(try reader.read(Proposal.self, "proposal"))
        case .reference: self = .reference(try reader.readOpaque("reference"))
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(type.rawValue)
        switch self {
        case .proposal(let p): writer.write(p)
        case .reference(let r): writer.writeOpaque(r)
        }
    }
}
