import MLS

/// In-flight corruption of a message a provider is about to send, for negative scenarios (Scenarios/README.md
/// `tamper`): the harness flips one bit of a signature, tag or ciphertext, moves the epoch, or truncates the body.
public enum Tamper {
    public static let mutations = ["flip-signature", "flip-membership-tag", "flip-confirmation-tag", "flip-ciphertext",
                                   "wrong-epoch", "truncate"]

    /// The message with `mutation` applied; `truncate` is applied to the encoded body by the sender instead.
    public static func apply(_ mutation: String, to message: MLSMessage) -> MLSMessage {
        var m = message
        switch m.body {
        case .publicMessage(var pm):
            switch mutation {
            case "flip-signature": pm.auth.signature = flip(pm.auth.signature)
            case "flip-membership-tag": pm.membershipTag = pm.membershipTag.map(flip)
            case "flip-confirmation-tag": pm.auth.confirmationTag = pm.auth.confirmationTag.map(flip)
            case "wrong-epoch": pm.content.epoch &+= 1
            default: break
            }
            m.body = .publicMessage(pm)
        case .privateMessage(var p):
            switch mutation {
            case "flip-ciphertext", "flip-signature": p.ciphertext = flip(p.ciphertext)
            case "wrong-epoch": p.epoch &+= 1
            default: break
            }
            m.body = .privateMessage(p)
        default:
            break
        }
        return m
    }

    static func flip(_ bytes: [UInt8]) -> [UInt8] {
        guard let last = bytes.last else { return [0x01] }
        return bytes.dropLast() + [last ^ 0x01]
    }
}
