import MLS
import TLSCodec

/// `SubmitMessageRequest` (draft-ietf-mimi-protocol-06 §"Submit a Message"): body of `/submitMessage/{roomId}`: an
/// application message (an MLSMessage whose wire format is PrivateMessage) and the sender's user URI. Any other
/// wire format is rejected with `invalidValue`.
public struct SubmitMessageRequest: Hashable, Sendable, TLSCodable {
    public var appMessage: MLSMessage
    public var sendingURI: IdentifierUri

    public init(appMessage: MLSMessage, sendingURI: IdentifierUri) {
        self.appMessage = appMessage
        self.sendingURI = sendingURI
    }

    public init(from reader: inout TLSReader) throws {
        _ = try reader.read(ProtocolKind.self, "protocol")
        let start = reader.offset
        appMessage = try reader.read(MLSMessage.self, "appMessage")
        guard appMessage.wireFormat == .privateMessage else {
            throw reader.error(.invalidValue, "appMessage",
                               "wire format \(appMessage.wireFormat) is not allowed: appMessage must be a PrivateMessage (draft-ietf-mimi-protocol-06 §Submit a Message)",
                               at: start)
        }
        sendingURI = try reader.read(IdentifierUri.self, "sendingUri")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(ProtocolKind.mls10)
        writer.write(appMessage)
        writer.write(sendingURI)
    }
}
