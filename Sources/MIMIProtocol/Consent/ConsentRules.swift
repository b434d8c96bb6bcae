extension ConsentEntry {
    /// Rules of draft-ietf-mimi-protocol-06 §"Convey explicit consent" for an entry received on `endpoint` from a
    /// provider serving `senderDomains` by one serving `receiverDomains`: requestConsent carries request or cancel,
    /// with the target in the receiver's domains and the requester in the sender's; updateConsent carries grant or
    /// revoke, the other way round. Returns the violations found.
    public func violations(on endpoint: MIMIEndpoint, senderDomains: Set<String>, receiverDomains: Set<String>) -> [String] {
        let section = "draft-ietf-mimi-protocol-06 §Convey explicit consent"
        var out: [String] = []
        let requester = scope.requesterURI.domain ?? "", target = scope.targetURI.domain ?? ""
        switch endpoint {
        case .requestConsent:
            if operation != .request && operation != .cancel {
                out.append("requestConsent carries \(operation); only request or cancel are allowed (\(section))")
            }
            if !receiverDomains.contains(target) { out.append("target \(scope.targetURI) is not in the receiving provider's domains (\(section))") }
            if !senderDomains.contains(requester) { out.append("requester \(scope.requesterURI) is not in the sending provider's domains (\(section))") }
        case .updateConsent:
            if operation != .grant && operation != .revoke {
                out.append("updateConsent carries \(operation); only grant or revoke are allowed (\(section))")
            }
            if !senderDomains.contains(target) { out.append("target \(scope.targetURI) is not in the sending provider's domains (\(section))") }
            if !receiverDomains.contains(requester) { out.append("requester \(scope.requesterURI) is not in the receiving provider's domains (\(section))") }
        default:
            out.append("a ConsentEntry is not the body of \(endpoint.rawValue)")
        }
        return out
    }
}
