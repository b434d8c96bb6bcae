/// How a Commit's proposals change the GroupContext extensions (RFC 9420 §12.1.7 GroupContextExtensions;
/// draft-ietf-mls-extensions §4.7 AppDataUpdate, §4.8 AppEphemeral). One function serves the members' group engine
/// and any party that tracks the public group state without being a member (a MIMI hub), so both compute the same
/// next GroupContext.
public enum GroupContextEvolution {
    /// The GroupContext extensions of the next epoch.
    ///
    /// - A GroupContextExtensions proposal replaces the list; when `app_data_update` is in the current
    ///   required_capabilities it must leave `app_data_dictionary` exactly as it was (§4.7).
    /// - AppEphemeral proposals are then given to the application logic, in Commit order (§4.8).
    /// - AppDataUpdate proposals are then applied per component ID, in Commit order: a single `remove` of a present
    ///   component, or one or more `update`s whose new data the application logic computes; mixing the two is
    ///   invalid (§4.7). A missing `app_data_dictionary` is added at the end of the list.
    ///
    /// `proposals` are the Commit's proposals in order with their proposers. Throws an ``MLSError``.
    public static func nextExtensions(current: [Extension], proposals: [(proposal: Proposal, proposer: AppDataProposer)],
                                      isExternalCommit: Bool, logic: any AppDataLogic) throws -> [Extension] {
        var gce: GroupContextExtensions?
        var updates: [AppDataProposal<AppDataUpdate>] = []
        var ephemerals: [AppDataProposal<AppEphemeral>] = []
        for item in proposals {
            switch item.proposal {
            case .groupContextExtensions(let g):
                guard gce == nil else { throw MLSError(.multipleGroupContextExtensions, "more than one GroupContextExtensions proposal") }
                gce = g
            case .appDataUpdate(let u): updates.append(AppDataProposal(u, proposer: item.proposer))
            case .appEphemeral(let e): ephemerals.append(AppDataProposal(e, proposer: item.proposer))
            default: break
            }
        }
        if let gce, let required = try? current.find(RequiredCapabilities.self),
           required.proposalTypes.contains(.appDataUpdate) {
            let before = current.first { $0.extensionType == .appDataDictionary }
            let after = gce.extensions.first { $0.extensionType == .appDataDictionary }
            guard before == after else {
                throw MLSError(.appDataDictionaryTouched, "a GroupContextExtensions proposal changes app_data_dictionary while "
                               + "app_data_update is a required capability")
            }
        }
        var extensions = gce?.extensions ?? current
        guard !updates.isEmpty || !ephemerals.isEmpty else { return extensions }

        for e in ephemerals {
            do {
                try logic.validateEphemeral(e.body, proposer: e.proposer, isExternalCommit: isExternalCommit)
            } catch {
                throw MLSError(.appDataRejectedByApplication, "the application refuses the AppEphemeral of component \(e.body.componentID): \(error)")
            }
        }
        let position = extensions.firstIndex { $0.extensionType == .appDataDictionary }
        let before: AppDataDictionary
        do {
            before = try position.map { try AppDataDictionary(tlsDecoding: extensions[$0].extensionData) } ?? AppDataDictionary()
        } catch {
            throw MLSError(.appDataDictionaryMalformed, "the GroupContext's app_data_dictionary is malformed: \(error)")
        }
        if let id = AppDataUpdate.conflictingComponent(in: updates.map(\.body)) {
            throw MLSError(.appDataConflictingOperations, "component \(id) has a remove together with an update or another remove")
        }
        let after = try applyUpdates(updates, to: before, isExternalCommit: isExternalCommit, logic: logic)
        do {
            try logic.validate(AppDataCommitChange(before: before, after: after, updates: updates, ephemerals: ephemerals,
                                                   isExternalCommit: isExternalCommit))
        } catch {
            throw MLSError(.appDataRejectedByApplication, "the application refuses the Commit's application-data changes: \(error)")
        }
        guard !updates.isEmpty else { return extensions }
        let written = Extension(after)
        if let position { extensions[position] = written } else { extensions.append(written) }
        return extensions
    }

    /// The dictionary after the AppDataUpdates, per component in Commit order (§4.7): a single `remove` of a present
    /// component, or one or more `update`s whose new data the application logic computes.
    static func applyUpdates(_ updates: [AppDataProposal<AppDataUpdate>], to before: AppDataDictionary, isExternalCommit: Bool,
                             logic: any AppDataLogic) throws -> AppDataDictionary {
        var after = before
        var order: [UInt16] = []
        for u in updates where !order.contains(u.body.componentID) { order.append(u.body.componentID) }
        for id in order {
            let forID = updates.filter { $0.body.componentID == id }
            if forID.count == 1, case .remove = forID[0].body.operation {
                guard before[id] != nil else {
                    throw MLSError(.appDataRemoveOfAbsentComponent, "remove of component \(id), which has no data in the GroupContext")
                }
                after[id] = nil
                continue
            }
            let items = forID.compactMap { p -> AppDataUpdateItem? in
                if case .update(let bytes) = p.body.operation { return AppDataUpdateItem(update: bytes, proposer: p.proposer) }
                return nil
            }
            let change = AppComponentUpdate(componentID: id, currentData: before[id], updates: items, dictionary: before,
                                            isExternalCommit: isExternalCommit)
            do {
                after[id] = try logic.newData(for: change)
            } catch {
                throw MLSError(.appDataRejectedByApplication, "the application refuses the change of component \(id): \(error)")
            }
        }
        return after
    }

    /// The proposer of a proposal from `sender` as the application logic sees it: a member's credential in `tree`
    /// (the epoch's tree), an external sender's credential in the `external_senders` of `extensions`, or
    /// `joinerCredential` (the UpdatePath leaf of an external Commit) for `new_member_commit`.
    public static func proposer(_ sender: Sender, tree: RatchetTree, extensions: [Extension],
                                joinerCredential: Credential?) -> AppDataProposer {
        let credential: Credential? = switch sender {
        case .member(let leaf): tree.leaf(leaf)?.credential
        case .external(let index):
            (try? extensions.find(ExternalSenders.self)).flatMap {
                Int(index) < $0.senders.count ? $0.senders[Int(index)].credential : nil
            }
        case .newMemberCommit: joinerCredential
        case .newMemberProposal: nil
        }
        return AppDataProposer(sender: sender, credential: credential)
    }
}
