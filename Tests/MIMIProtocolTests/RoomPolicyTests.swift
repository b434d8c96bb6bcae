import Testing
import MLS
import TLSCodec
@testable import MIMIProtocol

/// A cooperatively administered room after draft-ietf-mimi-room-policy-03's role examples.
enum PolicyFixture {
    static let alice: [UInt8] = Array("mimi://a.example/u/alice".utf8)   // admin
    static let bob: [UInt8] = Array("mimi://b.example/u/bob".utf8)       // ordinary
    static let cathy: [UInt8] = Array("mimi://c.example/u/cathy".utf8)   // ordinary
    static let dan: [UInt8] = Array("mimi://d.example/u/dan".utf8)       // not listed
    static let eve: [UInt8] = Array("mimi://e.example/u/eve".utf8)       // banned

    static func roles(openJoin: Bool = false, ordinaryMax: UInt32? = nil) -> RoleData {
        RoleData(roles: [
            Role(roleIndex: 0, name: "no_role", capabilities: openJoin ? [Capability.canOpenJoin] : [],
                 authorizedRoleChanges: openJoin ? [SingleSourceRoleChangeTargets(from: 0, to: [2])] : []),
            Role(roleIndex: 1, name: "banned", capabilities: []),
            Role(roleIndex: 2, name: "ordinary_user",
                 capabilities: [Capability.canAddParticipant, Capability.canRemoveSelf, Capability.canAddOwnClient,
                                Capability.canRemoveOwnClient, Capability.canSendMessage, Capability.canChangeRoomName,
                                Capability.canJoinIfPreauthorized],
                 maximumParticipants: ordinaryMax,
                 authorizedRoleChanges: [SingleSourceRoleChangeTargets(from: 0, to: [2]), SingleSourceRoleChangeTargets(from: 2, to: [0])]),
            Role(roleIndex: 3, name: "admin",
                 capabilities: [Capability.canAddParticipant, Capability.canRemoveParticipant, Capability.canBan,
                                Capability.canUnBan, Capability.canChangeUserRole, Capability.canKick, Capability.canRemoveSelf,
                                Capability.canChangeRoomSubject, Capability.canChangeRoomName],
                 minimumParticipants: 1,
                 authorizedRoleChanges: [SingleSourceRoleChangeTargets(from: 0, to: [2, 3]),
                                         SingleSourceRoleChangeTargets(from: 2, to: [0, 1, 3]),
                                         SingleSourceRoleChangeTargets(from: 3, to: [0, 2]),
                                         SingleSourceRoleChangeTargets(from: 1, to: [0, 2])]),
        ])
    }

    static let list = ParticipantListData(participants: [
        UserRolePair(user: alice, roleIndex: 3), UserRolePair(user: bob, roleIndex: 2),
        UserRolePair(user: cathy, roleIndex: 2), UserRolePair(user: eve, roleIndex: 1),
    ])

    static func policy(openJoin: Bool = false, ordinaryMax: UInt32? = nil, base: BaseRoomPolicy? = nil) -> RoomPolicy {
        RoomPolicy(roles: roles(openJoin: openJoin, ordinaryMax: ordinaryMax), base: base)
    }
}

@Suite("Room policy (draft-ietf-mimi-room-policy-03): structures and the hub's authorization")
struct RoomPolicyTests {
    typealias F = PolicyFixture

    func add(_ user: [UInt8], as role: UInt32) -> ParticipantListUpdate {
        ParticipantListUpdate(addedParticipants: [UserRolePair(user: user, roleIndex: role)])
    }

    func capabilityMissing(_ v: [PolicyViolation]) -> [UInt16] { v.compactMap(\.capability) }

    @Test("policy components round-trip; bad bool and Optionality values are rejected")
    func codecs() {
        let roles = F.roles(openJoin: true, ordinaryMax: 10)
        checkCodec(roles)
        for r in roles.roles { checkCodec(r) }
        let claim = Claim(claimID: ClaimId(credentialType: 1, id: Array("email".utf8)), claimValue: Array("a@a.example".utf8))
        checkCodec(PreAuthData(preauthorizedEntries: [PreAuthRoleEntry(claimset: [claim], targetRole: roles.roles[2])]))
        let base = BaseRoomPolicy(fixedMembership: true, parentRoom: ["mimi://a.example/r/parent"], maxClients: 5,
                                  discoverable: true, policyComponentIDs: [ComponentID.rolesList])
        checkCodec(base)
        checkCodec(BaseRoomPolicy())
        checkCodec(StatusNotificationPolicy(deliveryNotifications: .required, readReceipts: .forbidden))
        expectRejected(BaseRoomPolicy.self, replacing(base.tlsEncoded, at: 0, with: 2), field: "fixed_membership")
        expectRejected(StatusNotificationPolicy.self, [0, 3], field: "read_receipts")
    }

    @Test("preauthorization: all claims must match; the first matching entry wins")
    func preauth() {
        let roles = F.roles()
        let email = Claim(claimID: ClaimId(credentialType: 1, id: Array("email".utf8)), claimValue: Array("x".utf8))
        let org = Claim(claimID: ClaimId(credentialType: 1, id: Array("org".utf8)), claimValue: Array("acme".utf8))
        let data = PreAuthData(preauthorizedEntries: [
            PreAuthRoleEntry(claimset: [email, org], targetRole: roles.roles[3]),
            PreAuthRoleEntry(claimset: [org], targetRole: roles.roles[2]),
        ])
        #expect(data.matchingRole(for: [org, email]) == 3)
        #expect(data.matchingRole(for: [org]) == 2)
        #expect(data.matchingRole(for: [email]) == nil)
    }

    @Test("adding another user needs canAddParticipant and an authorized change from role 0")
    func addUser() {
        let p = F.policy()
        #expect(p.authorize(add(F.dan, as: 2), by: F.alice, in: F.list).isEmpty)
        #expect(p.authorize(add(F.dan, as: 2), by: F.bob, in: F.list).isEmpty)
        let tooHigh = p.authorize(add(F.dan, as: 3), by: F.bob, in: F.list)
        #expect(tooHigh.map(\.rule) == ["draft-ietf-mimi-room-policy-03 §authorized_role_changes"])
        #expect(capabilityMissing(p.authorize(add(F.dan, as: 2), by: F.eve, in: F.list)) == [Capability.canAddParticipant])
        #expect(!p.authorize(add(F.dan, as: 7), by: F.alice, in: F.list).isEmpty)
    }

    @Test("removing another user needs canRemoveParticipant; leaving needs canRemoveSelf; min constraints hold")
    func remove() {
        let p = F.policy()
        #expect(p.authorize(ParticipantListUpdate(removedIndices: [1]), by: F.alice, in: F.list).isEmpty)
        #expect(capabilityMissing(p.authorize(ParticipantListUpdate(removedIndices: [2]), by: F.bob, in: F.list))
                == [Capability.canRemoveParticipant])
        #expect(p.authorize(ParticipantListUpdate(removedIndices: [1]), by: F.bob, in: F.list).isEmpty)
        let lastAdminLeaves = p.authorize(ParticipantListUpdate(removedIndices: [0]), by: F.alice, in: F.list)
        #expect(lastAdminLeaves.map(\.rule) == ["draft-ietf-mimi-room-policy-03 §minimum_participants_constraint"])
    }

    @Test("ban and unban go through role 1 named banned; role changes need canChangeUserRole")
    func banAndRoles() {
        let p = F.policy()
        let ban = ParticipantListUpdate(changedRoleParticipants: [UserindexRolePair(userIndex: 1, roleIndex: 1)])
        #expect(p.authorize(ban, by: F.alice, in: F.list).isEmpty)
        #expect(capabilityMissing(p.authorize(ban, by: F.cathy, in: F.list)) == [Capability.canBan])
        let unban = ParticipantListUpdate(changedRoleParticipants: [UserindexRolePair(userIndex: 3, roleIndex: 2)])
        #expect(p.authorize(unban, by: F.alice, in: F.list).isEmpty)
        #expect(capabilityMissing(p.authorize(unban, by: F.bob, in: F.list)) == [Capability.canUnBan])
        let promote = ParticipantListUpdate(changedRoleParticipants: [UserindexRolePair(userIndex: 2, roleIndex: 3)])
        #expect(p.authorize(promote, by: F.alice, in: F.list).isEmpty)
        #expect(capabilityMissing(p.authorize(promote, by: F.bob, in: F.list)) == [Capability.canChangeUserRole])
        let own = ParticipantListUpdate(changedRoleParticipants: [UserindexRolePair(userIndex: 1, roleIndex: 3)])
        #expect(capabilityMissing(p.authorize(own, by: F.bob, in: F.list, preauthorizedRole: 3)) == [Capability.canChangeOwnRole])
    }

    @Test("joining by oneself: open join from role 0, or the preauthorized role")
    func selfJoin() {
        #expect(F.policy(openJoin: true).authorize(add(F.dan, as: 2), by: F.dan, in: F.list).isEmpty)
        #expect(!F.policy(openJoin: true).authorize(add(F.dan, as: 3), by: F.dan, in: F.list).isEmpty)
        #expect(!F.policy().authorize(add(F.dan, as: 2), by: F.dan, in: F.list).isEmpty)
        #expect(F.policy().authorize(add(F.dan, as: 2), by: F.dan, in: F.list, preauthorizedRole: 2).isEmpty)
        #expect(!F.policy().authorize(add(F.dan, as: 3), by: F.dan, in: F.list, preauthorizedRole: 3).isEmpty)
    }

    @Test("maximum participants, max_users and fixed membership")
    func limits() {
        let capped = F.policy(ordinaryMax: 2).authorize(add(F.dan, as: 2), by: F.alice, in: F.list)
        #expect(capped.map(\.rule) == ["draft-ietf-mimi-room-policy-03 §maximum_participants_constraint"])
        let maxUsers = F.policy(base: BaseRoomPolicy(maxUsers: 4)).authorize(add(F.dan, as: 2), by: F.alice, in: F.list)
        #expect(maxUsers.map(\.rule) == ["draft-ietf-mimi-room-policy-03 §max_users"])
        let fixed = F.policy(base: BaseRoomPolicy(fixedMembership: true)).authorize(add(F.dan, as: 2), by: F.alice, in: F.list)
        #expect(fixed.map(\.rule) == ["draft-ietf-mimi-room-policy-03 §fixed_membership"])
    }

    @Test("an update that cannot apply is a violation, not a crash")
    func malformedUpdate() {
        let v = F.policy().authorize(ParticipantListUpdate(removedIndices: [40]), by: F.alice, in: F.list)
        #expect(v.count == 1)
    }

    @Test("client operations: own clients, kick, multi_device")
    func clientOperations() {
        let p = F.policy()
        #expect(p.authorize(.addOwnClient, by: F.bob, in: F.list).isEmpty)
        #expect(!p.authorize(.addOwnClient, by: F.dan, in: F.list).isEmpty)
        #expect(!F.policy(base: BaseRoomPolicy(multiDevice: false)).authorize(.addOwnClient, by: F.bob, in: F.list).isEmpty)
        #expect(p.authorize(.removeOwnClient, by: F.bob, in: F.list).isEmpty)
        #expect(p.authorize(.kick(target: F.bob), by: F.alice, in: F.list).isEmpty)
        #expect(capabilityMissing(p.authorize(.kick(target: F.cathy), by: F.bob, in: F.list)) == [Capability.canKick])
        #expect(!p.authorize(.kick(target: F.alice), by: F.alice, in: F.list).isEmpty)
    }

    @Test("metadata fields each need their capability; the room URI cannot change")
    func metadata() {
        let p = F.policy()
        let old = RoomMetaData(roomURI: "mimi://a.example/r/clubhouse", roomName: "Club")
        var renamed = old
        renamed.roomName = "Clubhouse"
        #expect(p.authorizeMetadataChange(from: old, to: renamed, by: F.bob, in: F.list).isEmpty)
        var subject = old
        subject.roomSubject = "news"
        #expect(capabilityMissing(p.authorizeMetadataChange(from: old, to: subject, by: F.bob, in: F.list)) == [Capability.canChangeRoomSubject])
        #expect(p.authorizeMetadataChange(from: old, to: subject, by: F.alice, in: F.list).isEmpty)
        var moved = old
        moved.roomURI = "mimi://x.example/r/other"
        #expect(!p.authorizeMetadataChange(from: old, to: moved, by: F.alice, in: F.list).isEmpty)
    }

    @Test("commit composition: roles_list alone, preauth_list only with removals, one metadata update")
    func composition() {
        let roles = AppDataUpdate(componentID: ComponentID.rolesList, operation: .update([]))
        let preauth = AppDataUpdate(componentID: ComponentID.preauthList, operation: .update([]))
        let meta = AppDataUpdate(componentID: ComponentID.roomMetadata, operation: .update([]))
        let addition = add(F.dan, as: 2)
        let removal = ParticipantListUpdate(removedIndices: [1])
        #expect(RoomPolicy.compositionViolations(updates: [roles], participantUpdates: []).isEmpty)
        #expect(RoomPolicy.compositionViolations(updates: [roles], participantUpdates: [removal]).count == 1)
        #expect(RoomPolicy.compositionViolations(updates: [preauth], participantUpdates: [removal]).isEmpty)
        #expect(RoomPolicy.compositionViolations(updates: [preauth], participantUpdates: [addition]).count == 1)
        #expect(RoomPolicy.compositionViolations(updates: [meta, meta], participantUpdates: []).count == 1)
    }
}
