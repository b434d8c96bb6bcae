@testable import MLS
import MLSCrypto
import Testing
import TLSCodec

/// A diff logic for tests: each update appends its bytes to the component's data; an update containing 0xff is
/// refused, and so is one from a proposer without a credential.
private struct AppendingLogic: AppDataLogic {
    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    func newData(for change: AppComponentUpdate) throws -> [UInt8] {
        var data = change.currentData ?? []
        for item in change.updates {
            guard item.proposer.credential != nil else { throw Refused(description: "no proposer credential") }
            guard !item.update.contains(0xff) else { throw Refused(description: "0xff is not allowed") }
            data += item.update
        }
        return data
    }

    func validateEphemeral(_ ephemeral: AppEphemeral, proposer: AppDataProposer, isExternalCommit: Bool) throws {
        guard ephemeral.componentID != 0x7777 else { throw Refused(description: "component 0x7777 is unknown") }
    }
}

/// The group engine applies draft-ietf-mls-extensions AppDataUpdate (§4.7) and AppEphemeral (§4.8) to the
/// GroupContext's app_data_dictionary, and SelfRemove (§6.3) removes its sender's leaf.
@Suite struct AppDataGroupTests {
    static let suite = 1 as UInt16

    static func capabilities() throws -> Capabilities {
        var c = KeyPackageBundle.defaultCapabilities(suite: try CipherSuite(suite))
        c.extensions.append(.appDataDictionary)
        c.proposals += [.appDataUpdate, .appEphemeral, .selfRemove]
        return c
    }

    static func dictionary(_ entries: [UInt16: [UInt8]]) -> Extension {
        Extension(AppDataDictionary(entries.map { ComponentData(componentID: $0.key, data: $0.value) }))
    }

    static let requiredAppDataUpdate = Extension(RequiredCapabilities(extensionTypes: [.appDataDictionary],
                                                                      proposalTypes: [.appDataUpdate], credentialTypes: []))

    /// c0 creates the group with `extensions`; b, c, d join. Every member uses `logic`.
    static func world(extensions: [Extension], logic: any AppDataLogic = ReplacingAppDataLogic(),
                      seed: UInt64 = 7) throws -> GroupWorld {
        var configuration = GroupConfiguration()
        configuration.appData = logic
        let caps = try capabilities()
        var world = try GroupWorld(suite: try CipherSuite(suite), seed: seed, extensions: extensions, capabilities: caps,
                                   configuration: configuration)
        var joiners: [String: KeyPackageBundle] = [:]
        for name in ["b", "c", "d"] { joiners[name] = try world.keyPackage(for: name, capabilities: caps) }
        try world.commit(by: "c0", CommitOptions(byValue: joiners.values.map { .add(Add(keyPackage: $0.keyPackage)) }),
                         joiners: joiners)
        return world
    }

    static func dictionary(of group: MLSGroup?) throws -> AppDataDictionary? {
        try group?.groupContext.extensions.find(AppDataDictionary.self)
    }

    static func commitPath(_ out: CommitOutput) -> UpdatePath? {
        guard case .publicMessage(let pm) = out.commit.body, case .commit(let c) = pm.content.body else { return nil }
        return c.path
    }

    static func update(_ id: UInt16, _ bytes: [UInt8]) -> Proposal {
        .appDataUpdate(AppDataUpdate(componentID: id, operation: .update(bytes)))
    }

    static func remove(_ id: UInt16) -> Proposal { .appDataUpdate(AppDataUpdate(componentID: id, operation: .remove)) }

    /// Expects `body` to throw the ``MLSError`` of `expected`.
    static func expectError(_ expected: MLSError.Code, _ body: () throws -> Void) {
        #expect(throws: MLSError.code(expected)) { try body() }
    }

    @Test("AppDataUpdate by reference and by value changes app_data_dictionary, per component in Commit order, without a path")
    func updateAndRemove() throws {
        var world = try Self.world(extensions: [Self.dictionary([0x22: [1], 0x23: [9]])])
        var b = try #require(world.members["b"])
        let proposal = try b.propose(Self.update(0x30, [7]))
        world.members["b"] = b
        try world.deliverProposal(proposal, from: "b")
        let out = try world.commit(by: "c", CommitOptions(byValue: [Self.update(0x22, [2]), Self.update(0x22, [3]), Self.remove(0x23)]))
        #expect(Self.commitPath(out) == nil)
        #expect(world.agree())
        for name in world.names {
            let dict = try #require(try Self.dictionary(of: world.members[name]))
            #expect(dict.entries == [ComponentData(componentID: 0x22, data: [3]), ComponentData(componentID: 0x30, data: [7])])
        }
    }

    @Test("a group without app_data_dictionary gets one at the end of its extensions")
    func dictionaryAdded() throws {
        let senders = Extension(ExternalSenders(senders: []))
        var world = try Self.world(extensions: [senders])
        try world.commit(by: "b", CommitOptions(byValue: [Self.update(0x40, [1, 2])]))
        #expect(world.agree())
        let extensions = try #require(world.members["d"]).groupContext.extensions
        #expect(extensions.map(\.extensionType) == [.externalSenders, .appDataDictionary])
        #expect(try Self.dictionary(of: world.members["c0"])?[0x40] == [1, 2])
    }

    @Test("mixing remove and update, two removes, or a remove of an absent component are refused")
    func structuralRules() throws {
        var world = try Self.world(extensions: [Self.dictionary([0x22: [1]])])
        var c = try #require(world.members["c"])
        let before = c.epoch
        Self.expectError(.appDataConflictingOperations) {
            _ = try c.commit(CommitOptions(byValue: [Self.update(0x22, [2]), Self.remove(0x22)]))
        }
        Self.expectError(.appDataConflictingOperations) {
            _ = try c.commit(CommitOptions(byValue: [Self.remove(0x22), Self.remove(0x22)]))
        }
        Self.expectError(.appDataRemoveOfAbsentComponent) {
            _ = try c.commit(CommitOptions(byValue: [Self.remove(0x99)]))
        }
        #expect(c.epoch == before && c.pendingCommit == nil)
        #expect(MLSError.code(.appDataRemoveOfAbsentComponent).requirement == "draft-ietf-mls-extensions §4.7")
        world.members["c"] = c
    }

    @Test("the application logic computes new data from diffs and can refuse an update, at commit and at processing")
    func validationHook() throws {
        var world = try Self.world(extensions: [Self.dictionary([0x22: [1]])], logic: AppendingLogic())
        try world.commit(by: "b", CommitOptions(byValue: [Self.update(0x22, [2]), Self.update(0x22, [3])]))
        #expect(world.agree())
        #expect(try Self.dictionary(of: world.members["d"])?[0x22] == [1, 2, 3])

        // Refused at creation.
        var c = try #require(world.members["c"])
        Self.expectError(.appDataRejectedByApplication) { _ = try c.commit(CommitOptions(byValue: [Self.update(0x22, [0xff])])) }

        // Refused at processing: the committer's logic accepts, the receivers' refuses; their state is unchanged.
        c.configuration.appData = ReplacingAppDataLogic()
        let out = try c.commit(CommitOptions(byValue: [Self.update(0x22, [0xff])]))
        var d = try #require(world.members["d"])
        let epoch = d.epoch
        Self.expectError(.appDataRejectedByApplication) { try d.process(try GroupWorld.wire(out.commit)) }
        #expect(d.epoch == epoch)
        #expect(try Self.dictionary(of: d)?[0x22] == [1, 2, 3])
    }

    @Test("with app_data_update required, a GroupContextExtensions proposal must leave app_data_dictionary alone")
    func gceMustNotTouchDictionary() throws {
        let dict = Self.dictionary([0x22: [1]])
        var world = try Self.world(extensions: [dict, Self.requiredAppDataUpdate])
        var b = try #require(world.members["b"])
        let changed = GroupContextExtensions(extensions: [Self.dictionary([0x22: [2]]), Self.requiredAppDataUpdate])
        Self.expectError(.appDataDictionaryTouched) {
            _ = try b.commit(CommitOptions(byValue: [.groupContextExtensions(changed)]))
        }
        let dropped = GroupContextExtensions(extensions: [Self.requiredAppDataUpdate])
        Self.expectError(.appDataDictionaryTouched) {
            _ = try b.commit(CommitOptions(byValue: [.groupContextExtensions(dropped)]))
        }
        // Other extensions may change in the same Commit as an AppDataUpdate.
        let senders = Extension(ExternalSenders(senders: [ExternalSender(signatureKey: b.identity.signaturePublicKey,
                                                                          credential: .basic(identity: Array("ds".utf8)))]))
        let kept = GroupContextExtensions(extensions: [dict, Self.requiredAppDataUpdate, senders])
        try world.commit(by: "b", CommitOptions(byValue: [.groupContextExtensions(kept), Self.update(0x22, [5])]))
        #expect(world.agree())
        let after = try #require(world.members["c"]).groupContext.extensions
        #expect(after.map(\.extensionType) == [.appDataDictionary, .requiredCapabilities, .externalSenders])
        #expect(try Self.dictionary(of: world.members["c"])?[0x22] == [5])

        // Without the requirement a GroupContextExtensions proposal may replace the dictionary.
        var free = try Self.world(extensions: [dict], seed: 8)
        try free.commit(by: "c", CommitOptions(byValue: [.groupContextExtensions(GroupContextExtensions(
            extensions: [Self.dictionary([0x22: [9]])]))]))
        #expect(free.agree())
        #expect(try Self.dictionary(of: free.members["b"])?[0x22] == [9])
    }

    @Test("AppDataUpdate from an external sender and in an external Commit; AppEphemeral goes to the logic")
    func externalAndEphemeral() throws {
        var dsRNG = DeterministicRandom(seed: 42)
        let ds = try SigningIdentity.basic(Array("mimi://hub".utf8), suite: try CipherSuite(Self.suite), using: &dsRNG)
        let senders = Extension(ExternalSenders(senders: [ExternalSender(signatureKey: ds.signaturePublicKey, credential: ds.credential)]))
        var world = try Self.world(extensions: [Self.dictionary([0x22: [1]]), senders], logic: AppendingLogic())
        let c0 = try #require(world.members["c0"])
        let external = try ExternalProposals.fromExternalSender(Self.update(0x22, [4]), groupID: c0.groupID, epoch: c0.epoch,
                                                                senderIndex: 0, signaturePrivateKey: ds.signaturePrivateKey,
                                                                suite: c0.cipherSuite)
        try world.deliverProposal(external, from: "nobody")
        let out = try world.commit(by: "c", CommitOptions(byValue: [.appEphemeral(AppEphemeral(componentID: 5, data: [1]))]))
        #expect(Self.commitPath(out) == nil)
        #expect(world.agree())
        #expect(try Self.dictionary(of: world.members["b"])?[0x22] == [1, 4])

        // An ephemeral the logic does not know is refused.
        var b = try #require(world.members["b"])
        Self.expectError(.appDataRejectedByApplication) {
            _ = try b.commit(CommitOptions(byValue: [.appEphemeral(AppEphemeral(componentID: 0x7777, data: []))]))
        }

        // An external Commit carrying an AppDataUpdate by value.
        let sponsor = try #require(world.members["c0"])
        let info = try GroupInfo(tlsDecoding: try sponsor.groupInfo(ratchetTree: true, externalPub: true).tlsEncoded)
        var rng = DeterministicRandom(seed: 99)
        let joiner = try SigningIdentity.basic(Array("e".utf8), suite: sponsor.cipherSuite, using: &rng)
        var configuration = GroupConfiguration()
        configuration.appData = AppendingLogic()
        let joined = try MLSGroup.joinExternally(groupInfo: info, identity: joiner, appData: [Self.update(0x22, [6])],
                                                 capabilities: try Self.capabilities(), configuration: configuration,
                                                 using: &rng)
        for name in world.names {
            var g = try #require(world.members[name])
            try g.process(try GroupWorld.wire(joined.commit))
            world.members[name] = g
        }
        world.members["e"] = joined.group
        #expect(world.agree())
        #expect(try Self.dictionary(of: world.members["e"])?[0x22] == [1, 4, 6])
    }

    @Test("an AppDataUpdate needs every member that processes the Commit to support the proposal type, not those it removes")
    func unsupportedType() throws {
        var world = try GroupWorld(suite: try CipherSuite(Self.suite), seed: 9, capabilities: try Self.capabilities())
        let plain = try world.keyPackage(for: "b")
        try world.commit(by: "c0", CommitOptions(byValue: [.add(Add(keyPackage: plain.keyPackage))]), joiners: ["b": plain])
        var c0 = try #require(world.members["c0"])
        let b = try #require(world.members["b"]).myLeaf
        Self.expectError(.proposalTypeUnsupported) {
            _ = try c0.commit(CommitOptions(byValue: [Self.update(1, [1])]))
        }
        // RFC 9420 §12.2: "members being added or removed by the Commit do not need to support the proposal type".
        _ = try c0.commit(CommitOptions(byValue: [.remove(Remove(removed: b)), Self.update(1, [1])]))
        #expect(c0.pendingCommit != nil)
    }

    @Test("SelfRemove: proposed as a PublicMessage, committed by another member by reference, removes its sender")
    func selfRemove() throws {
        var world = try Self.world(extensions: [])
        for name in world.names { world.members[name]?.configuration.handshakeWireFormat = .privateMessage }
        var d = try #require(world.members["d"])
        let leaf = d.myLeaf
        let proposal = try d.propose(.selfRemove(SelfRemove()))
        world.members["d"] = d
        guard case .publicMessage = proposal.body else {
            Issue.record("a SelfRemove must be a PublicMessage")
            return
        }
        try world.deliverProposal(proposal, from: "d")

        // The proposer may not commit its own SelfRemove; nor may a committer name it by value.
        var own = try #require(world.members["d"])
        Self.expectError(.committerRemovesItself) { _ = try own.commit() }
        var c = try #require(world.members["c"])
        Self.expectError(.selfRemoveByValue) {
            _ = try c.commit(CommitOptions(byReference: [], byValue: [.selfRemove(SelfRemove())]))
        }
        // A Remove of the same leaf in the same Commit is invalid.
        Self.expectError(.selfRemoveConflict) {
            _ = try c.commit(CommitOptions(byValue: [.remove(Remove(removed: leaf))]))
        }

        let out = try world.commit(by: "c", CommitOptions(wireFormat: .publicMessage))
        #expect(Self.commitPath(out) != nil, "a SelfRemove requires an UpdatePath")
        #expect(world.members["d"] == nil)
        #expect(try #require(world.members["c"]).tree.leaf(leaf) == nil)
        #expect(world.agree())
        #expect(world.members.count == 3)
    }

    @Test("SelfRemove as a PrivateMessage or from an external sender is refused on receipt")
    func selfRemoveSenders() throws {
        var world = try Self.world(extensions: [])
        var b = try #require(world.members["b"])
        let framed = try b.frame(.proposal(.selfRemove(SelfRemove())), authenticatedData: [], wireFormat: .privateMessage)
        world.members["b"] = b
        var c = try #require(world.members["c"])
        Self.expectError(.selfRemoveNotPublic) { try c.process(try GroupWorld.wire(framed.message)) }

        var rng = DeterministicRandom(seed: 5)
        let ds = try SigningIdentity.basic(Array("ds".utf8), suite: c.cipherSuite, using: &rng)
        var external = try Self.world(extensions: [Extension(ExternalSenders(senders: [
            ExternalSender(signatureKey: ds.signaturePublicKey, credential: ds.credential)]))], seed: 11)
        var e = try #require(external.members["c"])
        let message = try ExternalProposals.fromExternalSender(.selfRemove(SelfRemove()), groupID: e.groupID, epoch: e.epoch,
                                                               senderIndex: 0, signaturePrivateKey: ds.signaturePrivateKey,
                                                               suite: e.cipherSuite)
        Self.expectError(.proposalSenderNotAllowed) { try e.process(try GroupWorld.wire(message)) }
        external.members["c"] = e
    }
}
