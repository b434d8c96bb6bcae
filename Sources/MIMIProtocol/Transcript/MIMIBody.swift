import MLS
import TLSCodec

/// A decoded MIMI request or response body (draft-ietf-mimi-protocol-06 §5), chosen by endpoint and direction:
/// the "decoded form" a transcript shows next to the bytes of each exchange.
public enum MIMIBody: Hashable, Sendable {
    case keyMaterialRequest(KeyMaterialRequest)
    case keyMaterialResponse(KeyMaterialResponse)
    case updateRequest(UpdateRequest)
    case updateRoomResponse(UpdateRoomResponse)
    case fanout([FanoutMessage])
    case submitMessageRequest(SubmitMessageRequest)
    case submitMessageResponse(SubmitMessageResponse)
    case groupInfoRequest(GroupInfoRequest)
    case groupInfoResponse(GroupInfoResponse)
    case consentEntry(ConsentEntry)
    case identifierRequest(IdentifierRequest)
    case identifierResponse(IdentifierResponse)
    case abuseReport(AbuseReport)
    /// A body the endpoint defines as empty (notify, consent and abuse responses; GET requests).
    case empty
    /// A body the draft leaves opaque (a proxied download).
    case opaque([UInt8])

    /// Decodes `bytes` as the request (`response == false`) or response body of `endpoint`. Bodies the draft
    /// defines as empty must be empty.
    public static func decode(_ bytes: [UInt8], endpoint: MIMIEndpoint, response: Bool) throws -> MIMIBody {
        switch (endpoint, response) {
        case (.keyMaterial, false): return .keyMaterialRequest(try KeyMaterialRequest(tlsDecoding: bytes))
        case (.keyMaterial, true): return .keyMaterialResponse(try KeyMaterialResponse(tlsDecoding: bytes))
        case (.update, false): return .updateRequest(try UpdateRequest(tlsDecoding: bytes))
        case (.update, true): return .updateRoomResponse(try UpdateRoomResponse(tlsDecoding: bytes))
        case (.notify, false): return .fanout(try FanoutMessage.decodeAll(bytes))
        case (.submitMessage, false): return .submitMessageRequest(try SubmitMessageRequest(tlsDecoding: bytes))
        case (.submitMessage, true): return .submitMessageResponse(try SubmitMessageResponse(tlsDecoding: bytes))
        case (.groupInfo, false): return .groupInfoRequest(try GroupInfoRequest(tlsDecoding: bytes))
        case (.groupInfo, true): return .groupInfoResponse(try GroupInfoResponse(tlsDecoding: bytes))
        case (.requestConsent, false), (.updateConsent, false): return .consentEntry(try ConsentEntry(tlsDecoding: bytes))
        case (.identifierQuery, false): return .identifierRequest(try IdentifierRequest(tlsDecoding: bytes))
        case (.identifierQuery, true): return .identifierResponse(try IdentifierResponse(tlsDecoding: bytes))
        case (.reportAbuse, false): return .abuseReport(try AbuseReport(tlsDecoding: bytes))
        case (.proxyDownload, true): return .opaque(bytes)
        case (.notify, true), (.requestConsent, true), (.updateConsent, true), (.reportAbuse, true), (.proxyDownload, false):
            guard bytes.isEmpty else {
                throw TLSCodecError(code: .trailingBytes, field: "\(endpoint.rawValue) \(response ? "response" : "request")",
                                    offset: 0, reason: "this body is empty in draft-ietf-mimi-protocol-06; found \(bytes.count) bytes")
            }
            return .empty
        }
    }

    /// One line for a transcript: the structure and the fields a reader looks for first.
    public var summary: String {
        switch self {
        case .keyMaterialRequest(let r):
            return "KeyMaterialRequest \(r.requestingUser) → \(r.targetUser) room=\(r.roomID) suites=\(r.acceptableCiphersuites)"
        case .keyMaterialResponse(let r):
            let statuses = r.clients.map { "\($0.clientURI)=\($0.clientStatus)" }.joined(separator: ", ")
            return "KeyMaterialResponse \(r.userStatus) \(r.userURI) clients=[\(statuses)]"
        case .updateRequest(let r):
            return "UpdateRequest " + Self.describe(r.bundle.proposalOrCommit) + Self.describe(r.bundle.attachments)
        case .updateRoomResponse(let r):
            switch r.outcome {
            case .success(let t): return "UpdateRoomResponse success accepted_timestamp=\(t)"
            case .wrongEpoch(let e): return "UpdateRoomResponse wrongEpoch currentEpoch=\(e) \(r.errorDescription)"
            case .notAllowed: return "UpdateRoomResponse notAllowed \(r.errorDescription)"
            case .invalidProposal(let refs): return "UpdateRoomResponse invalidProposal \(refs.map(\.hex)) \(r.errorDescription)"
            }
        case .fanout(let messages):
            return "FanoutMessage×\(messages.count) [" + messages.map { "t=\($0.timestamp) " + Self.describe($0.message) }
                .joined(separator: "; ") + "]"
        case .submitMessageRequest(let r):
            return "SubmitMessageRequest from \(r.sendingURI) " + Self.describe(r.appMessage)
        case .submitMessageResponse(let r):
            switch r.status {
            case .accepted(let t, let frank): return "SubmitMessageResponse accepted accepted_timestamp=\(t) frank=\(frank != nil)"
            case .notAllowed: return "SubmitMessageResponse notAllowed"
            case .epochTooOld(let e): return "SubmitMessageResponse epochTooOld currentEpoch=\(e)"
            }
        case .groupInfoRequest(let r):
            return "GroupInfoRequest suite=\(r.cipherSuite) joiningCode=\(r.joiningCode != nil)"
        case .groupInfoResponse(let r):
            return "GroupInfoResponse \(r.status) room=\(String(decoding: r.roomID, as: UTF8.self))"
        case .consentEntry(let c):
            return "ConsentEntry \(c.operation) \(c.scope.requesterURI) → \(c.scope.targetURI) room=\(c.scope.roomID?.uri ?? "any") keyPackages=\(c.clientKeyPackages.count)"
        case .identifierRequest(let r):
            return "IdentifierRequest " + r.queryElements.map { "\($0.searchType)=\($0.searchValue)" }.joined(separator: " & ")
        case .identifierResponse(let r):
            return "IdentifierResponse \(r.responseCode) uris=\(r.uris.map(\.uri))"
        case .abuseReport(let r):
            return "AbuseReport by \(r.reportingUser) against \(r.allegedAbuserURI) messages=\(r.messages.count)"
        case .empty:
            return "(empty)"
        case .opaque(let bytes):
            return "(\(bytes.count) opaque bytes)"
        }
    }

    private static func describe(_ m: MLSMessage) -> String {
        switch m.body {
        case .publicMessage(let p): "PublicMessage(\(p.content.contentType), epoch \(p.content.epoch))"
        case .privateMessage(let p): "PrivateMessage(\(p.contentType), epoch \(p.epoch))"
        case .welcome(let w): "Welcome(\(w.secrets.count) new members)"
        case .groupInfo: "GroupInfo"
        case .keyPackage: "KeyPackage"
        }
    }

    private static func describe(_ a: HandshakeBundle.Attachments) -> String {
        switch a {
        case .commit(let welcome, let groupInfo, let tree):
            let gi: String
            switch groupInfo {
            case .full: gi = "full"
            case .partial: gi = "partial"
            }
            return " welcome=\(welcome != nil) groupInfo=\(gi) tree=\(tree.representation)"
        case .proposal(let more):
            return " moreProposals=\(more.count)"
        }
    }
}
