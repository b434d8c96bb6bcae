import TLSCodec

/// `UserRolePair` (draft-ietf-mimi-protocol-06 §"Participant List"): a user URI and its role index.
public struct UserRolePair: Hashable, Sendable, TLSCodable {
    public var user: [UInt8]
    public var roleIndex: UInt32

    public init(user: [UInt8], roleIndex: UInt32) {
        self.user = user
        self.roleIndex = roleIndex
    }

    public init(user: String, roleIndex: UInt32) { self.init(user: Array(user.utf8), roleIndex: roleIndex) }

    public init(from reader: inout TLSReader) throws {
        user = try reader.readOpaque("user")
        roleIndex = try reader.readUInt32("role_index")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(user)
        writer.writeUInt32(roleIndex)
    }
}

/// `ParticipantListData` (draft-ietf-mimi-protocol-06 §"Participant List"): the `participant_list` component
/// (0x0022) data in the GroupContext `app_data_dictionary`.
public struct ParticipantListData: Hashable, Sendable, TLSCodable {
    public var participants: [UserRolePair]

    public init(participants: [UserRolePair] = []) { self.participants = participants }

    public init(from reader: inout TLSReader) throws {
        participants = try reader.readList(UserRolePair.self, "participants")
    }

    public func encode(to writer: inout TLSWriter) { writer.writeList(participants) }

    /// The role of `user`, or 0 ("no role", room-policy-03 §"Roles") when the user is not listed.
    public func role(of user: [UInt8]) -> UInt32 {
        participants.first { $0.user == user }?.roleIndex ?? 0
    }

    /// The index of `user` in the list.
    public func index(of user: [UInt8]) -> Int? { participants.firstIndex { $0.user == user } }
}

/// `UserindexRolePair` (draft-ietf-mimi-protocol-06 §"Participant List"): a new role for the user at an index.
public struct UserindexRolePair: Hashable, Sendable, TLSCodable {
    public var userIndex: UInt32
    public var roleIndex: UInt32

    public init(userIndex: UInt32, roleIndex: UInt32) {
        self.userIndex = userIndex
        self.roleIndex = roleIndex
    }

    public init(from reader: inout TLSReader) throws {
        userIndex = try reader.readUInt32("user_index")
        roleIndex = try reader.readUInt32("role_index")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt32(userIndex)
        writer.writeUInt32(roleIndex)
    }
}

/// `ParticipantListUpdate` (draft-ietf-mimi-protocol-06 §"Participant List"): the `update` of an AppDataUpdate
/// for the `participant_list` component.
public struct ParticipantListUpdate: Hashable, Sendable, TLSCodable {
    public var changedRoleParticipants: [UserindexRolePair]
    public var removedIndices: [UInt32]
    public var addedParticipants: [UserRolePair]

    public init(changedRoleParticipants: [UserindexRolePair] = [], removedIndices: [UInt32] = [],
                addedParticipants: [UserRolePair] = []) {
        self.changedRoleParticipants = changedRoleParticipants
        self.removedIndices = removedIndices
        self.addedParticipants = addedParticipants
    }

    public init(from reader: inout TLSReader) throws {
        changedRoleParticipants = try reader.readList(UserindexRolePair.self, "changedRoleParticipants")
        removedIndices = try reader.readUInt32List("removedIndices")
        addedParticipants = try reader.readList(UserRolePair.self, "addedParticipants")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeList(changedRoleParticipants)
        writer.writeUInt32List(removedIndices)
        writer.writeList(addedParticipants)
    }

    public var isEmpty: Bool { changedRoleParticipants.isEmpty && removedIndices.isEmpty && addedParticipants.isEmpty }

    /// True when the update only removes participants.
    public var isRemovalOnly: Bool { changedRoleParticipants.isEmpty && addedParticipants.isEmpty && !removedIndices.isEmpty }
}

/// Why a ``ParticipantListUpdate`` cannot be applied (draft-ietf-mimi-protocol-06 §"Participant List").
public enum ParticipantListError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An index in `changedRoleParticipants` or `removedIndices` is outside the current list.
    case indexOutOfRange(field: String, index: UInt32, count: Int)
    /// One user is changed, removed or added more than once in one update ("a commit is invalid if it touches the
    /// same user more than once").
    case userTouchedTwice(user: String)
    /// An added user is already in the list (each user has exactly one role).
    case alreadyParticipant(user: String)
    /// Role index 0 means "no role" (room-policy-03): a listed user cannot hold it; removal is the way out.
    case roleZero(user: String)

    public var description: String {
        switch self {
        case .indexOutOfRange(let field, let index, let count):
            "\(field): index \(index) is outside the participant list of \(count) entries"
        case .userTouchedTwice(let user): "user \(user) is touched more than once in one update"
        case .alreadyParticipant(let user): "user \(user) is added but is already a participant"
        case .roleZero(let user): "user \(user) would hold role 0 (no role); remove the user instead"
        }
    }
}

extension ParticipantListData {
    /// Applies `update` in the draft's order — role changes by index, then removals by index (both against the
    /// current list), then appends — and returns the new list; the receiver is unchanged. Throws when any index is
    /// out of range, a user is touched twice, an added user is already listed, or a role would be 0.
    public func applying(_ update: ParticipantListUpdate) throws(ParticipantListError) -> ParticipantListData {
        var list = participants
        var touched: Set<[UInt8]> = []
        func touch(_ user: [UInt8]) throws(ParticipantListError) {
            guard touched.insert(user).inserted else { throw .userTouchedTwice(user: ParticipantListData.show(user)) }
        }
        for change in update.changedRoleParticipants {
            guard Int(change.userIndex) < list.count else {
                throw .indexOutOfRange(field: "changedRoleParticipants", index: change.userIndex, count: list.count)
            }
            let user = list[Int(change.userIndex)].user
            try touch(user)
            guard change.roleIndex != 0 else { throw .roleZero(user: ParticipantListData.show(user)) }
            list[Int(change.userIndex)].roleIndex = change.roleIndex
        }
        var removed: Set<Int> = []
        for index in update.removedIndices {
            guard Int(index) < list.count else {
                throw .indexOutOfRange(field: "removedIndices", index: index, count: list.count)
            }
            try touch(list[Int(index)].user)
            removed.insert(Int(index))
        }
        list = list.enumerated().filter { !removed.contains($0.offset) }.map(\.element)
        for added in update.addedParticipants {
            try touch(added.user)
            guard added.roleIndex != 0 else { throw .roleZero(user: ParticipantListData.show(added.user)) }
            guard !list.contains(where: { $0.user == added.user }) else {
                throw .alreadyParticipant(user: ParticipantListData.show(added.user))
            }
            list.append(added)
        }
        return ParticipantListData(participants: list)
    }

    static func show(_ user: [UInt8]) -> String { String(decoding: user, as: UTF8.self) }
}
