import Testing
import MIMIContent

/// Cross-message rules: duplicates, reply loops, edit/delete/unlike consistency.
struct ConversationTests {
    func received(_ m: MimiContent, _ label: String, id claimed: MessageID? = nil) throws -> ReceivedMessage {
        ReceivedMessage(id: try claimed ?? m.messageID(), content: m, label: label)
    }

    @Test func replyLoopIsReportedOnce() throws {
        let idA = try #require(id("01" + String(repeating: "aa", count: 31)))
        let idB = try #require(id("01" + String(repeating: "bb", count: 31)))
        let idC = try #require(id("01" + String(repeating: "cc", count: 31)))
        var a = sampleMessage("a"); a.inReplyTo = idB
        var b = sampleMessage("b"); b.inReplyTo = idC
        var c = sampleMessage("c"); c.inReplyTo = idA
        let findings = ConversationValidator.validate([try received(a, "A", id: idA), try received(b, "B", id: idB), try received(c, "C", id: idC)])
        #expect(findings.map(\.code) == [.replyLoop])
        #expect(findings.first?.message.contains("A → B → C → A") == true)
        var selfLoop = sampleMessage("s"); selfLoop.inReplyTo = idA
        #expect(ConversationValidator.validate([try received(selfLoop, "S", id: idA)]).map(\.code) == [.replyLoop])
    }

    @Test func chainsWithoutLoopsAndUnknownTargetsAreFine() throws {
        let original = sampleMessage("o")
        var reply = sampleMessage("r", sender: "mimi://example.com/u/bob"); reply.inReplyTo = try original.messageID()
        var dangling = sampleMessage("d"); dangling.inReplyTo = id("01" + String(repeating: "ee", count: 31))
        #expect(ConversationValidator.validate([try received(original, "o"), try received(reply, "r"), try received(dangling, "d")]).isEmpty)
    }

    @Test func duplicateIDs() throws {
        let m = sampleMessage()
        #expect(ConversationValidator.validate([try received(m, "1"), try received(m, "2")]).map(\.code) == [.duplicateMessageId])
    }

    @Test func editsAndDeletes() throws {
        let original = sampleMessage("o", salt: 1)
        let oid = try original.messageID()
        var edit = sampleMessage("o2", salt: 2); edit.replaces = oid
        #expect(ConversationValidator.validate([try received(original, "o"), try received(edit, "e")]).isEmpty)
        var second = sampleMessage("o3", salt: 3); second.replaces = try edit.messageID()
        #expect(ConversationValidator.validate([try received(original, "o"), try received(edit, "e"), try received(second, "e2")]).map(\.code) == [.replacesNotFirstVersion])
        var forged = sampleMessage("x", sender: "mimi://example.com/u/mallory", salt: 4); forged.replaces = oid
        #expect(ConversationValidator.validate([try received(original, "o"), try received(forged, "f")]).map(\.code) == [.replacedBySomeoneElse])
        var retopic = sampleMessage("o2", salt: 5); retopic.replaces = oid; retopic.topicId = [1]
        #expect(ConversationValidator.validate([try received(original, "o"), try received(retopic, "t")]).map(\.code) == [.editChangesOtherFields])
        var delete = sampleMessage(salt: 6); delete.replaces = oid; delete.nestedPart = NestedPart(body: .null)
        #expect(MessageKind(delete) == .delete)
        #expect(ConversationValidator.validate([try received(original, "o"), try received(delete, "d")]).isEmpty)
        var unlike = sampleMessage(salt: 7); unlike.replaces = oid; unlike.nestedPart = NestedPart(disposition: .reaction, body: .null)
        #expect(ConversationValidator.validate([try received(original, "o"), try received(unlike, "u")]).map(\.code) == [.unlikeTargetNotReaction])
    }
}
