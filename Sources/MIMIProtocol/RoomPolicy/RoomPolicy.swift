import MLS

/// One reason the hub refuses a change under room policy (draft-ietf-mimi-room-policy-03 §"Authorization").
public struct PolicyViolation: Hashable, Sendable, CustomStringConvertible {
    /// The requirement broken, citing the draft.
    public var rule: String
    /// The capability that was missing, when that is the reason.
    public var capability: UInt16?
    /// Which user and role, in words.
    public var detail: String

    public init(rule: String, capability: UInt16? = nil, detail: String) {
        self.rule = rule
        self.capability = capability
        self.detail = detail
    }

    public var description: String { "\(rule): \(detail)" }
}

/// A client-level operation that does not touch the participant list (draft-ietf-mimi-room-policy-03
/// §"Membership capabilities").
public enum ClientOperation: Hashable, Sendable {
    /// A listed user adds one of its own clients (external commit, external proposal or Add by a sibling client).
    case addOwnClient
    /// A user removes (Remove or SelfRemove) one of its own clients.
    case removeOwnClient
    /// Removing another user's clients without changing the participant list.
    case kick(target: [UInt8])
}

/// The room policy the hub enforces (draft-ietf-mimi-room-policy-03): roles, preauthorization and base policy,
/// with the authorization algorithm as pure functions of the current state and the proposed change.
///
/// Every function returns the violations found (empty = allowed); nothing is mutated.
public struct RoomPolicy: Hashable, Sendable {
    public var roles: RoleData
    public var preauth: PreAuthData?
    public var base: BaseRoomPolicy?

    public init(roles: RoleData, preauth: PreAuthData? = nil, base: BaseRoomPolicy? = nil) {
        self.roles = roles
        self.preauth = preauth
        self.base = base
    }

    static let section = "draft-ietf-mimi-room-policy-03"

    /// True when role 1 exists and is named "banned", which canBan/canUnBan need (§"Roles").
    public var hasBannedRole: Bool { roles.role(1)?.name == "banned" }

    private func role(_ index: UInt32) -> Role? { roles.role(index) }

    private func need(_ capability: UInt16, _ name: String, of roleIndex: UInt32, _ detail: String,
                      into violations: inout [PolicyViolation]) -> Bool {
        guard let r = role(roleIndex), r.has(capability) else {
            violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §\(name)", capability: capability,
                                              detail: "\(detail): role \(roleIndex) lacks \(name)"))
            return false
        }
        return true
    }

    private func needChange(by roleIndex: UInt32, from: UInt32, to: UInt32, _ detail: String,
                            into violations: inout [PolicyViolation]) {
        guard let r = role(roleIndex), r.mayChange(from: from, to: to) else {
            violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §authorized_role_changes",
                                              detail: "\(detail): role \(roleIndex) has no authorized change from role \(from) to role \(to)"))
            return
        }
    }

    /// Authorizes a participant-list update made by `actor` (a user URI) against `list`, the list before the
    /// update. `preauthorizedRole` is the first preauth-matched role of the actor's credential, if any
    /// (``PreAuthData/matchingRole(for:)``); `activeUsersAfter`, when given, enables the active-participant
    /// constraints.
    public func authorize(_ update: ParticipantListUpdate, by actor: [UInt8], in list: ParticipantListData,
                          preauthorizedRole: UInt32? = nil, activeUsersAfter: Set<[UInt8]>? = nil) -> [PolicyViolation] {
        var violations: [PolicyViolation] = []
        let after: ParticipantListData
        do {
            after = try list.applying(update)
        } catch {
            return [PolicyViolation(rule: "draft-ietf-mimi-protocol-06 §Participant List", detail: error.description)]
        }
        let actorRole = list.role(of: actor)
        let actorName = ParticipantListData.show(actor)

        if let base, base.fixedMembership, !update.addedParticipants.isEmpty || !update.removedIndices.isEmpty {
            violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §fixed_membership",
                                              detail: "the room has fixed membership: no user may be added or removed"))
        }

        for change in update.changedRoleParticipants {
            let target = list.participants[Int(change.userIndex)]
            let from = target.roleIndex, to = change.roleIndex
            let who = "\(actorName) changing \(ParticipantListData.show(target.user)) from role \(from) to \(to)"
            guard role(to) != nil else {
                violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §Roles", detail: "\(who): role \(to) is not defined"))
                continue
            }
            if target.user == actor {
                if need(Capability.canChangeOwnRole, "canChangeOwnRole", of: actorRole, who, into: &violations),
                   preauthorizedRole != to {
                    violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §canChangeOwnRole",
                                                      detail: "\(who): a user may only take its first preauthorized role"))
                }
            } else if to == 1 && hasBannedRole {
                if need(Capability.canBan, "canBan", of: actorRole, who, into: &violations) {
                    needChange(by: actorRole, from: from, to: 1, who, into: &violations)
                }
            } else if from == 1 && hasBannedRole {
                if need(Capability.canUnBan, "canUnBan", of: actorRole, who, into: &violations) {
                    needChange(by: actorRole, from: 1, to: to, who, into: &violations)
                }
            } else if need(Capability.canChangeUserRole, "canChangeUserRole", of: actorRole, who, into: &violations) {
                needChange(by: actorRole, from: from, to: to, who, into: &violations)
            }
        }

        for index in update.removedIndices {
            let target = list.participants[Int(index)]
            let who = "\(actorName) removing \(ParticipantListData.show(target.user)) (role \(target.roleIndex))"
            if target.user == actor {
                if need(Capability.canRemoveSelf, "canRemoveSelf", of: actorRole, who, into: &violations) {
                    needChange(by: actorRole, from: target.roleIndex, to: 0, who, into: &violations)
                }
            } else if need(Capability.canRemoveParticipant, "canRemoveParticipant", of: actorRole, who, into: &violations) {
                needChange(by: actorRole, from: target.roleIndex, to: 0, who, into: &violations)
            }
        }

        for added in update.addedParticipants {
            let to = added.roleIndex
            let who = "\(actorName) adding \(ParticipantListData.show(added.user)) as role \(to)"
            guard role(to) != nil else {
                violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §Roles", detail: "\(who): role \(to) is not defined"))
                continue
            }
            if added.user == actor {
                // Joining by oneself: open join from role 0, or the preauthorized role.
                let openJoin = role(0).map { $0.has(Capability.canOpenJoin) && $0.mayChange(from: 0, to: to) } ?? false
                let preauthJoin = preauthorizedRole == to && (role(to)?.has(Capability.canJoinIfPreauthorized) ?? false)
                if !openJoin && !preauthJoin {
                    violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §canOpenJoin/§canJoinIfPreauthorized",
                                                      detail: "\(who): neither an open join from role 0 nor a preauthorized role allows it"))
                }
            } else if need(Capability.canAddParticipant, "canAddParticipant", of: actorRole, who, into: &violations) {
                needChange(by: actorRole, from: 0, to: to, who, into: &violations)
            }
        }

        violations += constraintViolations(before: list, after: after, activeUsersAfter: activeUsersAfter)
        return violations
    }

    /// Participant-count constraints of every role whose membership changed, and the base policy's max_users.
    private func constraintViolations(before: ParticipantListData, after: ParticipantListData,
                                      activeUsersAfter: Set<[UInt8]>?) -> [PolicyViolation] {
        var violations: [PolicyViolation] = []
        func counts(_ l: ParticipantListData) -> [UInt32: Int] {
            l.participants.reduce(into: [:]) { $0[$1.roleIndex, default: 0] += 1 }
        }
        let old = counts(before), new = counts(after)
        for index in Set(old.keys).union(new.keys).sorted() {
            let was = old[index] ?? 0, now = new[index] ?? 0
            guard was != now, let r = role(index) else { continue }
            if now < was && now < Int(r.minimumParticipantsConstraint) {
                violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §minimum_participants_constraint",
                                                  detail: "role \(index) would have \(now) participants, fewer than \(r.minimumParticipantsConstraint)"))
            }
            if now > was, let max = r.maximumParticipantsConstraint, now > Int(max) {
                violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §maximum_participants_constraint",
                                                  detail: "role \(index) would have \(now) participants, more than \(max)"))
            }
            if let active = activeUsersAfter {
                let activeNow = after.participants.filter { $0.roleIndex == index && active.contains($0.user) }.count
                if now < was && activeNow < Int(r.minimumActiveParticipantsConstraint) {
                    violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §minimum_active_participants_constraint",
                                                      detail: "role \(index) would have \(activeNow) active participants, fewer than \(r.minimumActiveParticipantsConstraint)"))
                }
                if now > was, let max = r.maximumActiveParticipantsConstraint, activeNow > Int(max) {
                    violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §maximum_active_participants_constraint",
                                                      detail: "role \(index) would have \(activeNow) active participants, more than \(max)"))
                }
            }
        }
        if let maxUsers = base?.maxUsers, after.participants.count > before.participants.count,
           after.participants.count > Int(maxUsers) {
            violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §max_users",
                                              detail: "the room would have \(after.participants.count) users, more than \(maxUsers)"))
        }
        return violations
    }

    /// Authorizes a client-level operation by `actor` (§canAddOwnClient, §canRemoveOwnClient, §canKick).
    public func authorize(_ operation: ClientOperation, by actor: [UInt8], in list: ParticipantListData) -> [PolicyViolation] {
        var violations: [PolicyViolation] = []
        let actorRole = list.role(of: actor)
        let actorName = ParticipantListData.show(actor)
        switch operation {
        case .addOwnClient:
            if actorRole == 0 {
                violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §canAddOwnClient",
                                                  detail: "\(actorName) is not a participant"))
            } else {
                _ = need(Capability.canAddOwnClient, "canAddOwnClient", of: actorRole, "\(actorName) adding a client", into: &violations)
            }
            if let base, !base.multiDevice {
                violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §multi_device",
                                                  detail: "the room allows one client per user"))
            }
        case .removeOwnClient:
            _ = need(Capability.canRemoveOwnClient, "canRemoveOwnClient", of: actorRole, "\(actorName) removing its client", into: &violations)
        case .kick(let target):
            if target == actor {
                violations.append(PolicyViolation(rule: "\(RoomPolicy.section) §canKick",
                                                  detail: "\(actorName) cannot kick itself; use canRemoveOwnClient"))
            } else {
                _ = need(Capability.canKick, "canKick", of: actorRole,
                         "\(actorName) kicking \(ParticipantListData.show(target))", into: &violations)
            }
        }
        return violations
    }

    /// Authorizes a `room_metadata` replacement: each changed field needs its canChangeRoom* capability.
    public func authorizeMetadataChange(from old: RoomMetaData, to new: RoomMetaData, by actor: [UInt8],
                                        in list: ParticipantListData) -> [PolicyViolation] {
        var violations: [PolicyViolation] = []
        let actorRole = list.role(of: actor)
        let who = ParticipantListData.show(actor)
        if old.roomURI != new.roomURI {
            violations.append(PolicyViolation(rule: "draft-ietf-mimi-protocol-06 §Room Metadata",
                                              detail: "\(who) changing room_uri, which identifies the room"))
        }
        if old.roomName != new.roomName { _ = need(Capability.canChangeRoomName, "canChangeRoomName", of: actorRole, who, into: &violations) }
        if old.roomDescriptions != new.roomDescriptions {
            _ = need(Capability.canChangeRoomDescription, "canChangeRoomDescription", of: actorRole, who, into: &violations)
        }
        if old.roomAvatar != new.roomAvatar { _ = need(Capability.canChangeRoomAvatar, "canChangeRoomAvatar", of: actorRole, who, into: &violations) }
        if old.roomSubject != new.roomSubject { _ = need(Capability.canChangeRoomSubject, "canChangeRoomSubject", of: actorRole, who, into: &violations) }
        if old.roomMood != new.roomMood { _ = need(Capability.canChangeRoomMood, "canChangeRoomMood", of: actorRole, who, into: &violations) }
        return violations
    }

    /// Checks which components one commit may change together (§"Authorization"): roles_list never with a
    /// participant-list change; preauth_list only with participant removals; room_metadata at most once.
    public static func compositionViolations(updates: [AppDataUpdate], participantUpdates: [ParticipantListUpdate]) -> [PolicyViolation] {
        var violations: [PolicyViolation] = []
        let ids = updates.map(\.componentID)
        let touchesList = !participantUpdates.isEmpty
        if ids.contains(ComponentID.rolesList) && touchesList {
            violations.append(PolicyViolation(rule: "\(section) §roles_list",
                                              detail: "roles_list is changed in the same commit as the participant list"))
        }
        if ids.contains(ComponentID.preauthList) && participantUpdates.contains(where: { !$0.isRemovalOnly }) {
            violations.append(PolicyViolation(rule: "\(section) §preauth_list",
                                              detail: "preauth_list is changed with participant-list changes other than removals"))
        }
        if ids.filter({ $0 == ComponentID.roomMetadata }).count > 1 {
            violations.append(PolicyViolation(rule: "draft-ietf-mimi-protocol-06 §Room Metadata",
                                              detail: "more than one room_metadata update in one commit"))
        }
        if let id = AppDataUpdate.conflictingComponent(in: updates) {
            violations.append(PolicyViolation(rule: "draft-ietf-mls-extensions §AppDataUpdate",
                                              detail: "component \(id) has a remove together with another remove or an update"))
        }
        return violations
    }
}
