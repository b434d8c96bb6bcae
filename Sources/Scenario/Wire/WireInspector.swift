import MIMIProtocol
import Results
import TLSCodec
import Transport

/// Decodes and validates every exchange that crossed a provider boundary with the harness's own codecs
/// (draft-ietf-mimi-protocol-06 structures), turning the transport's record into the case's wire transcript and
/// the first invalid message into a ``WireViolation`` blamed on its sender: the requester for a request body, the
/// responder for a response body. Works the same for simulated and remote implementations, because it looks only
/// at the bytes on the wire.
public struct WireInspector: Sendable {
    /// Longest decoded rendering kept in a transcript entry.
    public var maxDecodedLength: Int

    public init(maxDecodedLength: Int = 4000) {
        self.maxDecodedLength = maxDecodedLength
    }

    /// The endpoint a request target addresses (`/notify/a.example/r/x` → notify), if any.
    public static func endpoint(ofTarget target: String) -> MIMIEndpoint? {
        let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
        guard let first = path.split(separator: "/", omittingEmptySubsequences: true).first else { return nil }
        return MIMIEndpoint(rawValue: String(first))
    }

    /// What the inspection found.
    public struct Inspection: Sendable {
        public var transcript: [TranscriptEntry]
        public var violations: [WireViolation]
    }

    /// Inspects `exchanges` in order. Requests whose sequence number is in `forged` were made by the harness itself
    /// (`inject`, `tamper`): their bodies are logged but not blamed on anyone; the answers to them are still checked.
    public func inspect(_ exchanges: [Exchange], forged: Set<Int> = []) -> Inspection {
        var transcript: [TranscriptEntry] = []
        var violations: [WireViolation] = []
        for x in exchanges {
            let endpoint = Self.endpoint(ofTarget: x.target)
            let requestIndex = transcript.count
            let request = decodeRequest(endpoint, x.requestBody, method: x.method)
            transcript.append(TranscriptEntry(index: requestIndex, from: x.from, to: x.to, method: x.method, path: x.target,
                                              bodyHex: x.requestBody.hex, decoded: request.decoded))
            if let problem = request.problem, !forged.contains(x.sequence) {
                violations.append(WireViolation(transcriptIndex: requestIndex, sender: x.from,
                                                message: "\(x.method) \(x.target): \(problem)", requirement: CheckRequirements.wireValid))
            }
            switch x.outcome {
            case .response(let r):
                let responseIndex = transcript.count
                let response = decodeResponse(endpoint, r)
                transcript.append(TranscriptEntry(index: responseIndex, from: x.to, to: x.from, status: r.status,
                                                  bodyHex: r.body.hex, decoded: response.decoded))
                if let problem = response.problem {
                    violations.append(WireViolation(transcriptIndex: responseIndex, sender: x.to,
                                                    message: "response \(r.status) to \(x.method) \(x.target): \(problem)",
                                                    requirement: response.requirement))
                }
            case .failed(let e):
                transcript.append(TranscriptEntry(index: transcript.count, from: x.to, to: x.from, bodyHex: "",
                                                  decoded: "transport error: \(e)"))
            case .pending:
                transcript.append(TranscriptEntry(index: transcript.count, from: x.to, to: x.from, bodyHex: "",
                                                  decoded: "no response recorded"))
            }
        }
        return Inspection(transcript: transcript, violations: violations)
    }

    struct Decoded {
        var decoded: String?
        var problem: String?
        var requirement = CheckRequirements.wireValid
    }

    func render(_ value: Any) -> String {
        let s = String(describing: value)
        return s.count > maxDecodedLength ? String(s.prefix(maxDecodedLength)) + "…" : s
    }

    func decode<T: TLSDecodable>(_ type: T.Type, _ bytes: [UInt8]) -> Decoded {
        do {
            return Decoded(decoded: render(try T(tlsDecoding: bytes)), problem: nil)
        } catch {
            return Decoded(decoded: nil, problem: "not a valid \(T.self): \(error)")
        }
    }

    func decodeRequest(_ endpoint: MIMIEndpoint?, _ body: [UInt8], method: String) -> Decoded {
        guard let endpoint else { return Decoded(decoded: nil, problem: nil) }
        switch endpoint {
        case .keyMaterial: return decode(KeyMaterialRequest.self, body)
        case .update: return decode(UpdateRequest.self, body)
        case .submitMessage: return decode(SubmitMessageRequest.self, body)
        case .groupInfo: return decode(GroupInfoRequest.self, body)
        case .requestConsent, .updateConsent: return decode(ConsentEntry.self, body)
        case .identifierQuery: return decode(IdentifierRequest.self, body)
        case .reportAbuse: return decode(AbuseReport.self, body)
        case .notify:
            do {
                let messages = try FanoutMessage.decodeAll(body)
                guard !messages.isEmpty else { return Decoded(decoded: nil, problem: "a /notify body holds at least one FanoutMessage") }
                return Decoded(decoded: render(messages), problem: nil)
            } catch {
                return Decoded(decoded: nil, problem: "not a valid FanoutMessage list: \(error)")
            }
        case .proxyDownload:
            return Decoded(decoded: nil, problem: body.isEmpty ? nil : "a GET /proxyDownload request has no body")
        }
    }

    func decodeResponse(_ endpoint: MIMIEndpoint?, _ r: HTTPResponse) -> Decoded {
        guard let endpoint, r.isSuccess else { return Decoded(decoded: nil, problem: nil) }
        switch endpoint {
        case .keyMaterial: return decode(KeyMaterialResponse.self, r.body)
        case .update: return decode(UpdateRoomResponse.self, r.body)
        case .submitMessage: return decode(SubmitMessageResponse.self, r.body)
        case .groupInfo: return decode(GroupInfoResponse.self, r.body)
        case .identifierQuery: return decode(IdentifierResponse.self, r.body)
        case .notify, .requestConsent, .updateConsent, .reportAbuse:
            if r.status != 201 {
                return Decoded(decoded: nil, problem: "expected HTTP 201 for an accepted \(endpoint.rawValue), got \(r.status)",
                               requirement: endpoint == .notify ? CheckRequirements.httpStatus : "MIMI-PROTO-consent-201")
            }
            return Decoded(decoded: nil, problem: r.body.isEmpty ? nil : "an accepted \(endpoint.rawValue) has no body, got \(r.body.count) bytes")
        case .proxyDownload:
            return Decoded(decoded: "\(r.body.count) bytes of asset", problem: nil)
        }
    }
}
