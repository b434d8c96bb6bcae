import MIMIProtocol
import MLS
import TLSCodec

/// The MIMI room state a party tracks for one room (draft-ietf-mimi-protocol-06 §"Room State", room-policy-03): the
/// participant list (component 0x0022) and the roles (0x0025), carried in the group's GroupContext
/// `app_data_dictionary` and changed by AppDataUpdate proposals.
///
/// The hub and every client keep one; after each commit they must agree.
public struct RoomState: Sendable, Hashable {
    public var participants: ParticipantListData
    public var policy: RoomPolicy

    public init(participants: ParticipantListData, policy: RoomPolicy) {
        self.participants = participants
        self.policy = policy
    }

    /// The role index of `user` (0 when not listed).
    public func role(of user: String) -> UInt32 { participants.role(of: Array(user.utf8)) }

    /// The participants as user URI → role name, for observations.
    public var participantRoles: [String: String] {
        var out: [String: String] = [:]
        for p in participants.participants {
            let name = policy.roles.role(p.roleIndex)?.name ?? "role\(p.roleIndex)"
            out[String(decoding: p.user, as: UTF8.self)] = name
        }
        return out
    }

    /// The app_data_dictionary holding this state (participant_list and roles_list components).
    public var dictionary: AppDataDictionary {
        var d = AppDataDictionary()
        d[ComponentID.participantList] = participants.tlsEncoded
        d[ComponentID.rolesList] = policy.roles.tlsEncoded
        return d
    }

    /// Reads the room state from GroupContext extensions; nil when the app_data_dictionary or either component is
    /// missing or malformed.
    public static func from(extensions: [Extension]) -> RoomState? {
        guard let dict = try? extensions.find(AppDataDictionary.self) else { return nil }
        return from(dictionary: dict)
    }

    /// Reads the room state from an app_data_dictionary; nil when either component is missing or malformed.
    public static func from(dictionary dict: AppDataDictionary) -> RoomState? {
        guard let listBytes = dict[ComponentID.participantList],
              let rolesBytes = dict[ComponentID.rolesList],
              let list = try? ParticipantListData(tlsDecoding: listBytes),
              let roles = try? RoleData(tlsDecoding: rolesBytes) else { return nil }
        return RoomState(participants: list, policy: RoomPolicy(roles: roles))
    }

    /// One AppDataUpdate with the user who proposed it (the committer for proposals by value).
    public struct ProposedUpdate: Sendable, Hashable {
        public var update: AppDataUpdate
        public var proposer: String
        public init(update: AppDataUpdate, proposer: String) {
            self.update = update
            self.proposer = proposer
        }
    }

    /// Why a set of updates cannot be applied.
    public struct Refusal: Error, Sendable, Hashable, CustomStringConvertible {
        public var violations: [PolicyViolation]
        public var description: String { violations.map(\.description).joined(separator: "; ") }
    }

    /// Applies the AppDataUpdates of one commit in order, authorizing each participant-list change by its proposer
    /// against the list as it stands at that point (draft-ietf-mimi-protocol-06: "later events are checked against
    /// the new state"), and checking the composition rules of room-policy-03. Returns the new state; the receiver
    /// is unchanged. With `authorize` off (a client replaying what the hub accepted) only the structural rules apply.
    public func applying(_ updates: [ProposedUpdate], authorize: Bool = true,
                         activeUsersAfter: Set<[UInt8]>? = nil) throws(Refusal) -> RoomState {
        var state = self
        var listUpdates: [ParticipantListUpdate] = []
        for item in updates {
            switch item.update.componentID {
            case ComponentID.participantList:
                guard case .update(let bytes) = item.update.operation else {
                    throw Refusal(violations: [PolicyViolation(rule: "draft-ietf-mimi-protocol-06 §Participant List",
                                                               detail: "the participant list cannot be removed")])
                }
                let update: ParticipantListUpdate
                do {
                    update = try ParticipantListUpdate(tlsDecoding: bytes)
                } catch {
                    throw Refusal(violations: [PolicyViolation(rule: "draft-ietf-mimi-protocol-06 §Participant List",
                                                               detail: "malformed ParticipantListUpdate: \(error)")])
                }
                if authorize {
                    let violations = state.policy.authorize(update, by: Array(item.proposer.utf8), in: state.participants,
                                                            activeUsersAfter: activeUsersAfter)
                    if !violations.isEmpty { throw Refusal(violations: violations) }
                }
                do {
                    state.participants = try state.participants.applying(update)
                } catch {
                    throw Refusal(violations: [PolicyViolation(rule: "draft-ietf-mimi-protocol-06 §Participant List",
                                                               detail: error.description)])
                }
                listUpdates.append(update)
            case ComponentID.rolesList:
                guard case .update(let bytes) = item.update.operation, let roles = try? RoleData(tlsDecoding: bytes) else {
                    throw Refusal(violations: [PolicyViolation(rule: "draft-ietf-mimi-room-policy-03 §roles_list",
                                                               detail: "roles_list must be replaced by a well-formed RoleData")])
                }
                if authorize, let role = state.policy.roles.role(state.role(of: item.proposer)),
                   !role.has(Capability.canChangeRoleDefinitions) {
                    throw Refusal(violations: [PolicyViolation(rule: "draft-ietf-mimi-room-policy-03 §canChangeRoleDefinitions",
                                                               capability: Capability.canChangeRoleDefinitions,
                                                               detail: "\(item.proposer) may not change the role definitions")])
                }
                state.policy.roles = roles
            default:
                continue
            }
        }
        let composition = RoomPolicy.compositionViolations(updates: updates.map(\.update), participantUpdates: listUpdates)
        if !composition.isEmpty { throw Refusal(violations: composition) }
        return state
    }
}

extension Proposal {
    /// A participant-list AppDataUpdate proposal (draft-ietf-mimi-protocol-06 §"Participant List";
    /// draft-ietf-mls-extensions §4.7).
    public static func participantList(_ update: ParticipantListUpdate) -> Proposal {
        .appDataUpdate(AppDataUpdate(componentID: ComponentID.participantList, operation: .update(update.tlsEncoded)))
    }

    /// The AppDataUpdate this proposal is, if it is one.
    public var appDataUpdate: AppDataUpdate? {
        if case .appDataUpdate(let u) = self { return u }
        return nil
    }
}
