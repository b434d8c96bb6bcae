/// A message as a receiver holds it: its ID (computed from the bytes received) and its content.
public struct ReceivedMessage: Sendable, Hashable {
    public let id: MessageID
    public let content: MimiContent
    /// A name for reports (a file name, a scenario step).
    public let label: String

    public init(id: MessageID, content: MimiContent, label: String = "") {
        self.id = id
        self.content = content
        self.label = label.isEmpty ? id.hex : label
    }
}

/// The meaning of a message from its behaviour fields and body (draft-ietf-mimi-content-08 §5).
public enum MessageKind: String, Sendable, Hashable {
    case message, reply, reaction, edit, delete, unlike

    public init(_ m: MimiContent) {
        let isNull: Bool
        if case .null = m.nestedPart.body { isNull = true } else { isNull = false }
        if m.replaces != nil {
            if isNull { self = m.nestedPart.disposition == .reaction ? .unlike : .delete } else { self = .edit }
        } else if m.nestedPart.disposition == .reaction {
            self = .reaction
        } else if m.inReplyTo != nil {
            self = .reply
        } else {
            self = .message
        }
    }
}

/// Rules that span several messages (draft-ietf-mimi-content-08 §4.1, §5.5-5.7, §9.1, §9.3): duplicate IDs,
/// inReplyTo loops, and whether edits, deletes and unlikes are consistent with the message they replace.
/// References to messages not in the set are not errors (§9.1: they may predate the receiver's membership).
public enum ConversationValidator {
    public static func validate(_ messages: [ReceivedMessage], draft d: ContentDraft = .default) -> [ContentFinding] {
        var out: [ContentFinding] = []
        var byId: [MessageID: ReceivedMessage] = [:]
        for m in messages {
            if byId[m.id] != nil {
                out.append(ContentFinding(.duplicateMessageId, .error, ContentRequirements.duplicateId(d), path: m.label,
                                          "message ID \(m.id) was already seen"))
            } else {
                byId[m.id] = m
            }
        }
        out += replyLoops(messages, byId: byId, draft: d)
        for m in messages {
            guard let targetId = m.content.replaces, let target = byId[targetId] else { continue }
            let kind = MessageKind(m.content)
            if target.content.replaces != nil {
                out.append(ContentFinding(.replacesNotFirstVersion, .warning, ContentRequirements.firstVersion(d), path: "\(m.label).replaces",
                    "replaces \(target.label), which itself replaces \(target.content.replaces?.hex ?? ""); name the first version"))
            }
            if let a = m.content.extensions.senderUri, let b = target.content.extensions.senderUri, a != b {
                out.append(ContentFinding(.replacedBySomeoneElse, .error, ContentRequirements.editAuthorization(d), path: "\(m.label).replaces",
                    "\(kind.rawValue) by \(a) replaces \(target.label) sent by \(b)"))
            }
            if kind == .edit || kind == .delete || kind == .unlike {
                var changed: [String] = []
                if m.content.topicId != target.content.topicId { changed.append("topicId") }
                if m.content.inReplyTo != target.content.inReplyTo { changed.append("inReplyTo") }
                if kind == .edit && m.content.expires != target.content.expires { changed.append("expires") }
                if !changed.isEmpty {
                    out.append(ContentFinding(.editChangesOtherFields, .error, ContentRequirements.editScope(d), path: m.label,
                        "\(kind.rawValue) of \(target.label) changes \(changed.joined(separator: ", "))"))
                }
            }
            if kind == .unlike, MessageKind(target.content) != .reaction {
                out.append(ContentFinding(.unlikeTargetNotReaction, .warning, ContentRequirements.unlike(d), path: "\(m.label).replaces",
                    "unlike replaces \(target.label), which is a \(MessageKind(target.content).rawValue), not a reaction"))
            }
        }
        return out
    }

    /// Follows every inReplyTo chain; each loop is reported once, naming its members in chain order.
    static func replyLoops(_ messages: [ReceivedMessage], byId: [MessageID: ReceivedMessage], draft d: ContentDraft) -> [ContentFinding] {
        var out: [ContentFinding] = []
        var reported = Set<MessageID>()
        for start in messages {
            var chain: [MessageID] = [start.id]
            var position: [MessageID: Int] = [start.id: 0]
            var current = start
            while let next = current.content.inReplyTo, let target = byId[next] {
                if let loopStart = position[next] {
                    let loop = Array(chain[loopStart...])
                    if reported.isDisjoint(with: loop) {
                        reported.formUnion(loop)
                        let names = loop.map { byId[$0]?.label ?? $0.hex } + [byId[next]?.label ?? next.hex]
                        out.append(ContentFinding(.replyLoop, .error, ContentRequirements.replyLoop(d), path: "\(current.label).inReplyTo",
                                                  "inReplyTo chain loops: \(names.joined(separator: " → "))"))
                    }
                    break
                }
                position[next] = chain.count
                chain.append(next)
                current = target
            }
        }
        return out
    }
}
