import MIMIProtocol
import MLS
import TLSCodec

/// The MIMI room's application logic for AppDataUpdate (draft-ietf-mls-extensions §4.7), given to the MLS engine
/// of every simulated client and used by the hub's public group tracking: it turns the updates of the participant
/// list (0x0022, a diff: draft-ietf-mimi-protocol-06 §"Participant List") and of roles_list (0x0025, a replacement,
/// room-policy-03) into their new data, other components being replaced wholesale (e.g. room_metadata).
///
/// Three modes: the hub authorizes every participant-list change for its proposer under room policy
/// (room-policy-03 §"Authorization"); a client processing a commit replays what the hub accepted, so only the
/// structural rules apply; a client building a commit does not pre-judge the hub, so an update that does not apply
/// leaves its component unchanged and the hub refuses the commit. Across components, the composition rules of
/// room-policy-03 hold and neither component may be removed (not checked while building).
public struct RoomAppDataLogic: AppDataLogic {
    /// Who applies the updates.
    public enum Mode: Sendable, Hashable {
        /// The hub: structural rules and room policy for each proposer.
        case authorize
        /// A client processing a commit: structural rules only.
        case replay
        /// A client building a commit: updates that do not apply leave the data unchanged (the hub judges).
        case draft
    }

    public var mode: Mode

    public init(_ mode: Mode) { self.mode = mode }

    public func newData(for change: AppComponentUpdate) throws -> [UInt8] {
        switch change.componentID {
        case ComponentID.participantList, ComponentID.rolesList:
            guard let state = RoomState.from(dictionary: change.dictionary) else {
                if mode == .draft { return change.updates.last?.update ?? change.currentData ?? [] }
                throw RoomState.Refusal(violations: [PolicyViolation(rule: "draft-ietf-mimi-protocol-06 §Participant List",
                                                                     detail: "the GroupContext holds no participant list and roles")])
            }
            let proposed = change.updates.map { item in
                RoomState.ProposedUpdate(update: AppDataUpdate(componentID: change.componentID, operation: .update(item.update)),
                                         proposer: RoomAppDataLogic.user(of: item.proposer) ?? "")
            }
            let applied: Result<RoomState, RoomState.Refusal> = Result { () throws(RoomState.Refusal) -> RoomState in
                try state.applying(proposed, authorize: mode == .authorize)
            }
            let next: RoomState
            switch applied {
            case .success(let s): next = s
            case .failure(let refusal):
                guard mode == .draft else { throw refusal }
                next = state
            }
            return change.componentID == ComponentID.participantList ? next.participants.tlsEncoded : next.policy.roles.tlsEncoded
        default:
            return change.updates.last?.update ?? change.currentData ?? []
        }
    }

    public func validate(_ change: AppDataCommitChange) throws {
        guard mode != .draft else { return }
        for id in [ComponentID.participantList, ComponentID.rolesList] where change.before[id] != nil && change.after[id] == nil {
            throw RoomState.Refusal(violations: [PolicyViolation(rule: "draft-ietf-mimi-protocol-06 §Participant List",
                                                                 detail: "component \(id) of the room state cannot be removed")])
        }
        var listUpdates: [ParticipantListUpdate] = []
        for u in change.updates where u.body.componentID == ComponentID.participantList {
            if case .update(let bytes) = u.body.operation, let decoded = try? ParticipantListUpdate(tlsDecoding: bytes) {
                listUpdates.append(decoded)
            }
        }
        let violations = RoomPolicy.compositionViolations(updates: change.updates.map(\.body), participantUpdates: listUpdates)
        if !violations.isEmpty { throw RoomState.Refusal(violations: violations) }
    }

    /// The MIMI user of a proposer: the user of the client URI its basic credential names.
    static func user(of proposer: AppDataProposer) -> String? {
        proposer.credential.flatMap(HubRoom.clientURI(of:)).flatMap(SimIdentifiers.user(ofClient:))
    }
}
