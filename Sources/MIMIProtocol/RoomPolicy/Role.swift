import TLSCodec

/// `SingleSourceRoleChangeTargets` (draft-ietf-mimi-room-policy-03 §"Roles"): the roles a holder of a role may
/// move a user from `fromRoleIndex` to.
public struct SingleSourceRoleChangeTargets: Hashable, Sendable, TLSCodable {
    public var fromRoleIndex: UInt32
    public var targetRoleIndexes: [UInt32]

    public init(from: UInt32, to targets: [UInt32]) {
        fromRoleIndex = from
        targetRoleIndexes = targets
    }

    public init(from reader: inout TLSReader) throws {
        fromRoleIndex = try reader.readUInt32("from_role_index")
        targetRoleIndexes = try reader.readUInt32List("target_role_indexes")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt32(fromRoleIndex)
        writer.writeUInt32List(targetRoleIndexes)
    }
}

/// `Role` (draft-ietf-mimi-room-policy-03 §"Roles"): capabilities, participant-count constraints and the role
/// changes a holder may make.
public struct Role: Hashable, Sendable, TLSCodable {
    public var roleIndex: UInt32
    public var roleName: [UInt8]
    public var roleDescription: [UInt8]
    public var roleCapabilities: [UInt16]
    public var minimumParticipantsConstraint: UInt32
    public var maximumParticipantsConstraint: UInt32?
    public var minimumActiveParticipantsConstraint: UInt32
    public var maximumActiveParticipantsConstraint: UInt32?
    public var authorizedRoleChanges: [SingleSourceRoleChangeTargets]

    public init(roleIndex: UInt32, name: String, description: String = "", capabilities: [UInt16],
                minimumParticipants: UInt32 = 0, maximumParticipants: UInt32? = nil,
                minimumActiveParticipants: UInt32 = 0, maximumActiveParticipants: UInt32? = nil,
                authorizedRoleChanges: [SingleSourceRoleChangeTargets] = []) {
        self.roleIndex = roleIndex
        self.roleName = Array(name.utf8)
        self.roleDescription = Array(description.utf8)
        self.roleCapabilities = capabilities
        self.minimumParticipantsConstraint = minimumParticipants
        self.maximumParticipantsConstraint = maximumParticipants
        self.minimumActiveParticipantsConstraint = minimumActiveParticipants
        self.maximumActiveParticipantsConstraint = maximumActiveParticipants
        self.authorizedRoleChanges = authorizedRoleChanges
    }

    public init(from reader: inout TLSReader) throws {
        roleIndex = try reader.readUInt32("role_index")
        roleName = try reader.readOpaque("role_name")
        roleDescription = try reader.readOpaque("role_description")
        roleCapabilities = try reader.readUInt16List("role_capabilities")
        minimumParticipantsConstraint = try reader.readUInt32("minimum_participants_constraint")
        maximumParticipantsConstraint = try reader.readOptional("maximum_participants_constraint") { try $0.readUInt32("") }
        minimumActiveParticipantsConstraint = try reader.readUInt32("minimum_active_participants_constraint")
        maximumActiveParticipantsConstraint = try reader.readOptional("maximum_active_participants_constraint") { try $0.readUInt32("") }
        authorizedRoleChanges = try reader.readList(SingleSourceRoleChangeTargets.self, "authorized_role_changes")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt32(roleIndex)
        writer.writeOpaque(roleName)
        writer.writeOpaque(roleDescription)
        writer.writeUInt16List(roleCapabilities)
        writer.writeUInt32(minimumParticipantsConstraint)
        writer.writeOptional(maximumParticipantsConstraint) { w, v in w.writeUInt32(v) }
        writer.writeUInt32(minimumActiveParticipantsConstraint)
        writer.writeOptional(maximumActiveParticipantsConstraint) { w, v in w.writeUInt32(v) }
        writer.writeList(authorizedRoleChanges)
    }

    public var name: String { String(decoding: roleName, as: UTF8.self) }

    public func has(_ capability: UInt16) -> Bool { roleCapabilities.contains(capability) }

    /// True when a holder may move a user from role `from` to role `to`.
    public func mayChange(from: UInt32, to: UInt32) -> Bool {
        authorizedRoleChanges.contains { $0.fromRoleIndex == from && $0.targetRoleIndexes.contains(to) }
    }
}

/// `RoleData` (draft-ietf-mimi-room-policy-03 §"Roles"): the `roles_list` component (0x0025); its update
/// (`RoleUpdate`) has the same shape and replaces it.
public struct RoleData: Hashable, Sendable, TLSCodable {
    public var roles: [Role]

    public init(roles: [Role]) { self.roles = roles }

    public init(from reader: inout TLSReader) throws {
        roles = try reader.readList(Role.self, "roles")
    }

    public func encode(to writer: inout TLSWriter) { writer.writeList(roles) }

    public func role(_ index: UInt32) -> Role? { roles.first { $0.roleIndex == index } }
}
