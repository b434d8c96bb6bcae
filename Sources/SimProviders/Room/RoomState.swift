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

    /// The GroupContext extension carrying ``dictionary`` (mls-extensions app_data_dictionary, 0x0006).
    public var extensionValue: Extension {
        Extension(extensionType: ExtensionType(MLSExtensionCodePoints.appDataDictionaryExtension), extensionData: dictionary.tlsEncoded)
    }

    /// `extensions` with this state written into their app_data_dictionary: the participant_list and roles_list
    /// components are replaced, every other component (e.g. franking_signature_key) is kept.
    public func written(into extensions: [Extension]) -> [Extension] {
        let type = ExtensionType(MLSExtensionCodePoints.appDataDictionaryExtension)
        var dict = extensions.first { $0.extensionType == type }.flatMap { try? AppDataDictionary(tlsDecoding: $0.extensionData) }
            ?? AppDataDictionary()
        dict[ComponentID.participantList] = participants.tlsEncoded
        dict[ComponentID.rolesList] = policy.roles.tlsEncoded
        var out = extensions.filter { $0.extensionType != type }
        out.insert(Extension(extensionType: type, extensionData: dict.tlsEncoded), at: 0)
        return out
    }

    /// Reads the room state from GroupContext extensions; nil when the app_data_dictionary or either component is
    /// missing or malformed.
    public static func from(extensions: [Extension]) -> RoomState? {
        guard let ext = extensions.first(where: { $0.extensionType.rawValue == MLSExtensionCodePoints.appDataDictionaryExtension }),
              let dict = try? AppDataDictionary(tlsDecoding: ext.extensionData),
              let listBytes = dict[ComponentID.participantList],
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

/// Encodes and finds AppDataUpdate proposals (mls-extensions, proposal type 0x0008) in MLS proposals.
public enum AppDataUpdateProposal {
    public static let type = ProposalType(MLSExtensionCodePoints.appDataUpdateProposal)

    /// An AppDataUpdate as an MLS Proposal.
    public static func proposal(_ update: AppDataUpdate) -> Proposal {
        .other(type: type, data: update.tlsEncoded)
    }

    /// A participant-list AppDataUpdate proposal.
    public static func participantList(_ update: ParticipantListUpdate) -> Proposal {
        proposal(AppDataUpdate(componentID: ComponentID.participantList, operation: .update(update.tlsEncoded)))
    }

    /// The AppDataUpdate a proposal carries, if it is one; throws when its body is malformed.
    public static func decode(_ proposal: Proposal) throws -> AppDataUpdate? {
        guard case .other(let t, let data) = proposal, t == type else { return nil }
        return try AppDataUpdate(tlsDecoding: data)
    }
}
