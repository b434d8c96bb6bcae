import TLSCodec

/// `UpdateResponseCode` (draft-ietf-mimi-protocol-06 §"Update Room State").
public enum UpdateResponseCode: UInt8, Hashable, Sendable, CaseIterable {
    case success = 0
    case wrongEpoch = 1
    case notAllowed = 2
    case invalidProposal = 3
}

/// `UpdateRoomResponse` (draft-ietf-mimi-protocol-06 §"Update Room State"): the hub's answer to `/update`. The
/// draft's `string errorDescription` is read as UTF-8 `opaque<V>`.
public struct UpdateRoomResponse: Hashable, Sendable, TLSCodable {
    /// The `select (responseCode)` body.
    public enum Outcome: Hashable, Sendable {
        /// Accepted at `acceptedTimestamp` (ms since the UNIX epoch, hub clock); it will be fanned out.
        case success(acceptedTimestamp: UInt64)
        /// The hub is at `currentEpoch`.
        case wrongEpoch(currentEpoch: UInt64)
        /// Policy or authorization refused it.
        case notAllowed
        /// These proposals (RFC 9420 `ProposalRef`s) are invalid.
        case invalidProposal(invalidProposals: [[UInt8]])
    }

    public var outcome: Outcome
    public var errorDescription: String

    public init(_ outcome: Outcome, errorDescription: String = "") {
        self.outcome = outcome
        self.errorDescription = errorDescription
    }

    public var responseCode: UpdateResponseCode {
        switch outcome {
        case .success: .success
        case .wrongEpoch: .wrongEpoch
        case .notAllowed: .notAllowed
        case .invalidProposal: .invalidProposal
        }
    }

    public init(from reader: inout TLSReader) throws {
        let code = try reader.readEnum8(UpdateResponseCode.self, "responseCode",
                                        rule: "UpdateResponseCode must be success(0), wrongEpoch(1), notAllowed(2) or invalidProposal(3) (draft-ietf-mimi-protocol-06 §Update Room State)")
        errorDescription = try reader.readUTF8("errorDescription")
        switch code {
        case .success: outcome = .success(acceptedTimestamp: try reader.readUInt64("accepted_timestamp"))
        case .wrongEpoch: outcome = .wrongEpoch(currentEpoch: try reader.readUInt64("currentEpoch"))
        case .notAllowed: outcome = .notAllowed
        case .invalidProposal:
            outcome = .invalidProposal(invalidProposals: try reader.readList("invalidProposals") { try $0.readOpaque("ProposalRef") })
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(responseCode.rawValue)
        writer.writeUTF8(errorDescription)
        switch outcome {
        case .success(let timestamp): writer.writeUInt64(timestamp)
        case .wrongEpoch(let epoch): writer.writeUInt64(epoch)
        case .notAllowed: break
        case .invalidProposal(let refs): writer.writeList(refs) { w, ref in w.writeOpaque(ref) }
        }
    }
}
