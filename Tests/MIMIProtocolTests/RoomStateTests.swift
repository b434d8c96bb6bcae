import Testing
import TLSCodec
@testable import MIMIProtocol

@Suite("Room state components: participant list and room metadata")
struct RoomStateTests {
    let list = ParticipantListData(participants: [
        UserRolePair(user: "mimi://a.example/u/alice", roleIndex: 3),
        UserRolePair(user: "mimi://b.example/u/bob", roleIndex: 2),
        UserRolePair(user: "mimi://c.example/u/cathy", roleIndex: 2),
    ])

    @Test("participant list structures round-trip")
    func roundTrip() {
        checkCodec(list)
        checkCodec(ParticipantListData())
        checkCodec(ParticipantListUpdate(changedRoleParticipants: [UserindexRolePair(userIndex: 1, roleIndex: 3)],
                                         removedIndices: [2], addedParticipants: [UserRolePair(user: "mimi://d.example/u/dan", roleIndex: 2)]))
        checkCodec(ParticipantListUpdate())
    }

    @Test("updates apply in order: role changes, then removals by index, then appends")
    func applyOrder() throws {
        let update = ParticipantListUpdate(changedRoleParticipants: [UserindexRolePair(userIndex: 2, roleIndex: 3)],
                                           removedIndices: [0],
                                           addedParticipants: [UserRolePair(user: "mimi://d.example/u/dan", roleIndex: 2)])
        let after = try list.applying(update)
        #expect(after.participants == [
            UserRolePair(user: "mimi://b.example/u/bob", roleIndex: 2),
            UserRolePair(user: "mimi://c.example/u/cathy", roleIndex: 3),
            UserRolePair(user: "mimi://d.example/u/dan", roleIndex: 2),
        ])
        #expect(list.participants.count == 3)
    }

    @Test("invalid updates are refused with the rule broken")
    func applyRules() {
        let bob = "mimi://b.example/u/bob"
        #expect(throws: ParticipantListError.indexOutOfRange(field: "removedIndices", index: 3, count: 3)) {
            try list.applying(ParticipantListUpdate(removedIndices: [3]))
        }
        #expect(throws: ParticipantListError.indexOutOfRange(field: "changedRoleParticipants", index: 9, count: 3)) {
            try list.applying(ParticipantListUpdate(changedRoleParticipants: [UserindexRolePair(userIndex: 9, roleIndex: 2)]))
        }
        #expect(throws: ParticipantListError.userTouchedTwice(user: bob)) {
            try list.applying(ParticipantListUpdate(changedRoleParticipants: [UserindexRolePair(userIndex: 1, roleIndex: 3)], removedIndices: [1]))
        }
        #expect(throws: ParticipantListError.userTouchedTwice(user: bob)) {
            try list.applying(ParticipantListUpdate(removedIndices: [1, 1]))
        }
        #expect(throws: ParticipantListError.userTouchedTwice(user: bob)) {
            try list.applying(ParticipantListUpdate(removedIndices: [1], addedParticipants: [UserRolePair(user: bob, roleIndex: 2)]))
        }
        #expect(throws: ParticipantListError.alreadyParticipant(user: bob)) {
            try list.applying(ParticipantListUpdate(addedParticipants: [UserRolePair(user: bob, roleIndex: 2)]))
        }
        #expect(throws: ParticipantListError.roleZero(user: "mimi://d.example/u/dan")) {
            try list.applying(ParticipantListUpdate(addedParticipants: [UserRolePair(user: "mimi://d.example/u/dan", roleIndex: 0)]))
        }
        #expect(throws: ParticipantListError.roleZero(user: bob)) {
            try list.applying(ParticipantListUpdate(changedRoleParticipants: [UserindexRolePair(userIndex: 1, roleIndex: 0)]))
        }
    }

    @Test("room metadata round-trips and rejects a name that is not UTF-8")
    func metadata() {
        let meta = RoomMetaData(roomURI: "mimi://a.example/r/clubhouse", roomName: "Clubhouse",
                                roomDescriptions: [RichDescription(mediaType: "text/markdown", languageTag: "en",
                                                                   descriptionContent: Array("**hi**".utf8))],
                                roomAvatar: "https://a.example/avatar.png", roomSubject: "Weekly", roomMood: "🙂")
        checkCodec(meta)
        checkCodec(RoomMetaData(roomURI: "mimi://a.example/r/x"))
        var w = TLSWriter()
        w.write(IdentifierUri("r"))
        w.writeOpaque([0xff])
        expectRejected(RoomMetaData.self, w.bytes, field: "room_name")
    }
}
