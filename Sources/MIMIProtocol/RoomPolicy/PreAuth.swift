import TLSCodec

/// `ClaimId` (draft-ietf-mimi-room-policy-03 §"Preauthorized users"): which claim of a credential (an X.509 OID,
/// a JWT claim name or a CWT key) by credential type.
public struct ClaimId: Hashable, Sendable, TLSCodable {
    public var credentialType: UInt16
    public var id: [UInt8]

    public init(credentialType: UInt16, id: [UInt8]) {
        self.credentialType = credentialType
        self.id = id
    }

    public init(from reader: inout TLSReader) throws {
        credentialType = try reader.readUInt16("credential_type")
        id = try reader.readOpaque("id")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt16(credentialType)
        writer.writeOpaque(id)
    }
}

/// `Claim` (draft-ietf-mimi-room-policy-03 §"Preauthorized users"): a claim and the value it must have.
public struct Claim: Hashable, Sendable, TLSCodable {
    public var claimID: ClaimId
    public var claimValue: [UInt8]

    public init(claimID: ClaimId, claimValue: [UInt8]) {
        self.claimID = claimID
        self.claimValue = claimValue
    }

    public init(from reader: inout TLSReader) throws {
        claimID = try reader.read(ClaimId.self, "claim_id")
        claimValue = try reader.readOpaque("claim_value")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(claimID)
        writer.writeOpaque(claimValue)
    }
}

/// `PreAuthRoleEntry` (draft-ietf-mimi-room-policy-03 §"Preauthorized users"): every claim must match exactly.
public struct PreAuthRoleEntry: Hashable, Sendable, TLSCodable {
    public var claimset: [Claim]
    public var targetRole: Role

    public init(claimset: [Claim], targetRole: Role) {
        self.claimset = claimset
        self.targetRole = targetRole
    }

    public init(from reader: inout TLSReader) throws {
        claimset = try reader.readList(Claim.self, "claimset")
        targetRole = try reader.read(Role.self, "target_role")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeList(claimset)
        writer.write(targetRole)
    }
}

/// `PreAuthData` (draft-ietf-mimi-room-policy-03 §"Preauthorized users"): the `preauth_list` component (0x0026).
public struct PreAuthData: Hashable, Sendable, TLSCodable {
    public var preauthorizedEntries: [PreAuthRoleEntry]

    public init(preauthorizedEntries: [PreAuthRoleEntry]) { self.preauthorizedEntries = preauthorizedEntries }

    public init(from reader: inout TLSReader) throws {
        preauthorizedEntries = try reader.readList(PreAuthRoleEntry.self, "preauthorized_entries")
    }

    public func encode(to writer: inout TLSWriter) { writer.writeList(preauthorizedEntries) }

    /// The role index of the first entry all of whose claims are among `claims` (first match wins).
    public func matchingRole(for claims: [Claim]) -> UInt32? {
        preauthorizedEntries.first { entry in entry.claimset.allSatisfy { claims.contains($0) } }?.targetRole.roleIndex
    }
}
