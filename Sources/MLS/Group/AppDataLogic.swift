/// Who proposed one AppDataUpdate or AppEphemeral of a Commit (draft-ietf-mls-extensions §4.7, §4.8): the
/// proposal's sender and, where the engine knows it, its credential (a member's leaf in the epoch of the proposal,
/// an external sender's entry in `external_senders`, or the joiner's UpdatePath leaf for `new_member_commit`).
public struct AppDataProposer: Sendable, Hashable {
    public var sender: Sender
    public var credential: Credential?

    public init(sender: Sender, credential: Credential?) {
        self.sender = sender
        self.credential = credential
    }
}

/// One `update` of an AppDataUpdate, with its proposer.
public struct AppDataUpdateItem: Sendable, Hashable {
    public var update: [UInt8]
    public var proposer: AppDataProposer

    public init(update: [UInt8], proposer: AppDataProposer) {
        self.update = update
        self.proposer = proposer
    }
}

/// What the application logic of one component gets (draft-ietf-mls-extensions §4.7): the component's data in the
/// epoch's GroupContext, the `update` contents of every AppDataUpdate for it, in Commit order, and the whole
/// dictionary as the epoch had it (so a component can read another, e.g. MIMI's roles for its participant list).
public struct AppComponentUpdate: Sendable, Hashable {
    public var componentID: UInt16
    public var currentData: [UInt8]?
    public var updates: [AppDataUpdateItem]
    public var dictionary: AppDataDictionary
    /// True for an external Commit (§4.7: applications may refuse some components there).
    public var isExternalCommit: Bool
}

/// One application-data proposal of a Commit (AppDataUpdate or AppEphemeral) with its proposer.
public struct AppDataProposal<Body: Hashable & Sendable>: Sendable, Hashable {
    public var body: Body
    public var proposer: AppDataProposer

    public init(_ body: Body, proposer: AppDataProposer) {
        self.body = body
        self.proposer = proposer
    }
}

/// All the application-data changes of one Commit, for a check across components (draft-ietf-mls-extensions §4.7:
/// "Applications can make more restrictive validity rules").
public struct AppDataCommitChange: Sendable, Hashable {
    public var before: AppDataDictionary
    public var after: AppDataDictionary
    /// Every AppDataUpdate, in Commit order.
    public var updates: [AppDataProposal<AppDataUpdate>]
    /// Every AppEphemeral, in Commit order.
    public var ephemerals: [AppDataProposal<AppEphemeral>]
    public var isExternalCommit: Bool
}

/// The application logic the group engine consults for the application-data proposals of draft-ietf-mls-extensions
/// (§4.7 AppDataUpdate, §4.8 AppEphemeral), when a Commit is created and when one is processed.
///
/// The engine itself enforces the draft's structural rules (one remove or one or more updates per component, no
/// remove of an absent component, GroupContextExtensions leaving `app_data_dictionary` alone when AppDataUpdate is
/// required); the logic turns a component's updates into its new data and may refuse anything by throwing. Whatever
/// it throws is reported as ``MLSError/Code/appDataRejectedByApplication``.
public protocol AppDataLogic: Sendable {
    /// The new data of one component from its current data and its updates in Commit order (§4.7: "The application
    /// logic returns either an opaque value new_data ... or else an indication that it considers this update
    /// invalid"). Throw to refuse.
    func newData(for change: AppComponentUpdate) throws -> [UInt8]
    /// Checks one AppEphemeral (§4.8: invalid when the component is unknown or its data invalid). Throw to refuse.
    func validateEphemeral(_ ephemeral: AppEphemeral, proposer: AppDataProposer, isExternalCommit: Bool) throws
    /// Checks the Commit's application-data changes as a whole, after every component has its new data. Throw to
    /// refuse.
    func validate(_ change: AppDataCommitChange) throws
}

extension AppDataLogic {
    public func validateEphemeral(_ ephemeral: AppEphemeral, proposer: AppDataProposer, isExternalCommit: Bool) throws {}
    public func validate(_ change: AppDataCommitChange) throws {}
}

/// The default application logic: every component's data is replaced wholesale by its last `update` in the Commit,
/// and every AppEphemeral is accepted. A group whose components send diffs (MIMI's participant list) configures its
/// own ``AppDataLogic`` in ``GroupConfiguration/appData``.
public struct ReplacingAppDataLogic: AppDataLogic {
    public init() {}

    public func newData(for change: AppComponentUpdate) throws -> [UInt8] {
        change.updates.last?.update ?? change.currentData ?? []
    }
}
