import MIMIProtocol

/// Room policies the simulation offers, modelled on draft-ietf-mimi-room-policy-03 Appendix "Role examples".
public enum RoomPolicies {
    /// Role indexes of ``cooperative``.
    public static let noRole: UInt32 = 0
    public static let banned: UInt32 = 1
    public static let member: UInt32 = 2
    public static let admin: UInt32 = 3
    public static let observer: UInt32 = 4

    /// A cooperatively administered room: members add participants, leave, manage their own clients and send;
    /// admins also remove, kick, ban and change roles; observers may only receive.
    public static var cooperative: RoleData {
        let own: [UInt16] = [Capability.canAddOwnClient, Capability.canRemoveOwnClient, Capability.canRemoveSelf]
        let messaging: [UInt16] = [Capability.canSendMessage, Capability.canReceiveMessage, Capability.canReportAbuse,
                                   Capability.canReplyToMessage, Capability.canReactToMessage]
        return RoleData(roles: [
            Role(roleIndex: noRole, name: "no_role", capabilities: []),
            Role(roleIndex: banned, name: "banned", capabilities: []),
            Role(roleIndex: member, name: "member", capabilities: [Capability.canAddParticipant] + own + messaging,
                 authorizedRoleChanges: [SingleSourceRoleChangeTargets(from: noRole, to: [member]),
                                         SingleSourceRoleChangeTargets(from: member, to: [noRole])]),
            Role(roleIndex: admin, name: "admin",
                 capabilities: [Capability.canAddParticipant, Capability.canRemoveParticipant, Capability.canBan, Capability.canUnBan,
                                Capability.canKick, Capability.canChangeUserRole] + own + messaging,
                 authorizedRoleChanges: [SingleSourceRoleChangeTargets(from: noRole, to: [member, admin, observer]),
                                         SingleSourceRoleChangeTargets(from: member, to: [noRole, banned, admin, observer]),
                                         SingleSourceRoleChangeTargets(from: observer, to: [noRole, banned, member]),
                                         SingleSourceRoleChangeTargets(from: banned, to: [noRole, member]),
                                         SingleSourceRoleChangeTargets(from: admin, to: [noRole])]),
            Role(roleIndex: observer, name: "observer", capabilities: [Capability.canReceiveMessage] + own,
                 authorizedRoleChanges: [SingleSourceRoleChangeTargets(from: observer, to: [noRole])]),
        ])
    }

    /// The role index of a role name in `roles`.
    public static func index(of name: String, in roles: RoleData) -> UInt32? {
        roles.roles.first { $0.name == name }?.roleIndex
    }
}
