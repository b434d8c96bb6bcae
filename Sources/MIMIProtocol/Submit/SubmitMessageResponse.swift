import TLSCodec

/// `SubmitResponseCode` (draft-ietf-mimi-protocol-06 §"Submit a Message"):
/// `accepted(0)` (the text also calls it `success`), `notAllowed(1)`, `epochTooOld(2)`.
public enum SubmitResponseCode: UInt8, Hashable, Sendable, CaseIterable {
    case accepted = 0
    case notAllowed = 1
    case epochTooOld = 2
}

/// `SubmitMessageResponse` (draft-ietf-mimi-protocol-06 §"Submit a Message"): the hub's answer to
/// `/submitMessage`.
public struct SubmitMessageResponse: Hashable, Sendable, TLSCodable {
    /// The `select (statusCode)` body.
    public enum Status: Hashable, Sendable {
        /// Accepted at `acceptedTimestamp` (ms since the UNIX epoch, hub clock), with a frank when the message asked
        /// for one.
        case accepted(acceptedTimestamp: UInt64, frank: Frank?)
        /// Refused by policy or as nonsense (e.g. an epoch newer than the hub's).
        case notAllowed
        /// The hub is at a newer epoch.
        case epochTooOld(currentEpoch: UInt64)
    }

    public var status: Status

    public init(_ status: Status) { self.status = status }

    public var code: SubmitResponseCode {
        switch status {
        case .accepted: .accepted
        case .notAllowed: .notAllowed
        case .epochTooOld: .epochTooOld
        }
    }

    public init(from reader: inout TLSReader) throws {
        _ = try reader.read(ProtocolKind.self, "protocol")
        let code = try reader.readEnum8(SubmitResponseCode.self, "statusCode",
                                        rule: "SubmitResponseCode must be accepted(0), notAllowed(1) or epochTooOld(2) (draft-ietf-mimi-protocol-06 §Submit a Message)")
        switch code {
        case .accepted:
            let timestamp = try reader.readUInt64("accepted_timestamp")
            let frank = try reader.readOptional(Frank.self, "frank")
            status = .accepted(acceptedTimestamp: timestamp, frank: frank)
        case .notAllowed:
            status = .notAllowed
        case .epochTooOld:
            status = .epochTooOld(currentEpoch: try reader.readUInt64("currentEpoch"))
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(ProtocolKind.mls10)
        writer.writeUInt8(code.rawValue)
        switch status {
        case .accepted(let timestamp, let frank):
            writer.writeUInt64(timestamp)
            writer.writeOptional(frank)
        case .notAllowed:
            break
        case .epochTooOld(let epoch):
            writer.writeUInt64(epoch)
        }
    }
}
