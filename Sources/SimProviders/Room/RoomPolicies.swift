import MIMIProtocol

/// Room policies the simulation offers (Scenarios/README.md "Policies"), modelled on
/// draft-ietf-mimi-room-policy-03 Appendix "Role examples": role 0 `no_role`, 1 `banned`, 2 `regular`, 3 `admin`,
/// 4 `observer`.
public enum RoomPolicies {
    public static let noRole: UInt32 = 0
    public static let banned: UInt32 = 1
    public static let regular: UInt32 = 2
    public static let admin: UInt32 = 3
    public static let observer: UInt32 = 4

    static let own: [UInt16] = [Capability.canAddOwnClient, Capability.canRemoveOwnClient, Capability.canRemoveSelf]
    static let messaging: [UInt16] = [Capability.canSendMessage, Capability.canReceiveMessage, Capability.canReportAbuse,
                                      Capability.canReplyToMessage, Capability.canReactToMessage, Capability.canEditOwnMessage,
                                      Capability.canDeleteOwnMessage, Capability.canDeleteOwnReaction, Capability.canStartTopic,
                                      Capability.canReplyInTopic]

    /// A strictly administered room: admins add, remove, ban, unban and change roles; regular users send, react,
    /// leave and add their own devices; observers only receive.
    public static var strict: RoleData { roles(regularManages: false) }

    /// A cooperatively administered room: regular users may also add and remove other regular users.
    public static var cooperative: RoleData { roles(regularManages: true) }

    /// The policy named in a scenario (`default` = ``strict``, `cooperative`), or nil.
    public static func named(_ name: String) -> RoleData? {
        switch name {
        case "default", "strict": strict
        case "cooperative": cooperative
        default: nil
        }
    }

    static func roles(regularManages: Bool) -> RoleData {
        let change = { (from: UInt32, to: [UInt32]) in SingleSourceRoleChangeTargets(from: from, to: to) }
        var regularCaps = own + messaging
        var regularChanges = [change(regular, [noRole])]
        if regularManages {
            regularCaps += [Capability.canAddParticipant, Capability.canRemoveParticipant]
            regularChanges = [change(noRole, [regular]), change(regular, [noRole])]
        }
        return RoleData(roles: [
            Role(roleIndex: noRole, name: "no_role", capabilities: []),
            Role(roleIndex: banned, name: "banned", capabilities: []),
            Role(roleIndex: regular, name: "regular", capabilities: regularCaps, authorizedRoleChanges: regularChanges),
            Role(roleIndex: admin, name: "admin",
                 capabilities: [Capability.canAddParticipant, Capability.canRemoveParticipant, Capability.canBan, Capability.canUnBan,
                                Capability.canKick, Capability.canChangeUserRole] + own + messaging,
                 authorizedRoleChanges: [change(noRole, [regular, admin, observer]), change(regular, [noRole, banned, admin, observer]),
                                         change(observer, [noRole, banned, regular, admin]), change(banned, [noRole, regular]),
                                         change(admin, [noRole, regular])]),
            Role(roleIndex: observer, name: "observer", capabilities: [Capability.canReceiveMessage] + own,
                 authorizedRoleChanges: [change(observer, [noRole])]),
        ])
    }

    /// The role index of a role name in `roles`.
    public static func index(of name: String, in roles: RoleData) -> UInt32? {
        roles.roles.first { $0.name == name }?.roleIndex
    }
}
