import MLS

/// The external-senders rules of draft-ietf-mimi-protocol-06 §"External senders": every room's group carries RFC
/// 9420's `external_senders` extension with at least the hub's entry; a follower's entry MAY be added with its first
/// user and MUST be removed with its last.
public enum ExternalSendersRule {
    /// The extension payload from GroupContext or GroupInfo extensions, strictly decoded; nil when absent.
    public static func senders(in extensions: [Extension]) throws -> [ExternalSender]? {
        try extensions.find(ExternalSenders.self)?.senders
    }

    /// Violations of the rules for `extensions`: the hub's entry missing, or a follower listed whose domain has no
    /// participant left. `domainOf` names the provider a credential belongs to.
    public static func violations(in extensions: [Extension], hub: ExternalSender, participantDomains: Set<String>,
                                  domainOf: (Credential) -> String?) throws -> [String] {
        guard let senders = try senders(in: extensions) else {
            return ["the group has no external_senders extension; it MUST list the hub (draft-ietf-mimi-protocol-06)"]
        }
        var out: [String] = []
        if !senders.contains(hub) {
            out.append("external_senders does not contain the hub's entry (draft-ietf-mimi-protocol-06)")
        }
        let hubDomain = domainOf(hub.credential)
        for s in senders where s != hub {
            if let d = domainOf(s.credential), d != hubDomain, !participantDomains.contains(d) {
                out.append("external_senders still lists \(d), which has no participant left; it MUST be removed (draft-ietf-mimi-protocol-06)")
            }
        }
        return out
    }
}
