import Foundation
import MLS
import Results
import TLSCodec

/// Runs `messages.json` (case ids `mls/messages/<i>`): every field of a case is decoded strictly with its RFC 9420
/// structure and must re-encode to identical bytes. MLSMessage fields must also carry the expected wire format
/// (and content type, for the PublicMessage fields). A decode failure or a differing re-encoding fails the case,
/// naming the field, with the expected and actual hex.
public struct MessagesRunner: VectorRunner {
    public let name = "messages"
    public init() {}

    public func accepts(relativePath: String) -> Bool {
        (relativePath as NSString).lastPathComponent == "messages.json"
    }

    /// One field of a case: its JSON key, the section it exercises, and how to decode and re-encode it.
    struct Field: Sendable {
        let key: String
        let requirement: String
        let roundTrip: @Sendable ([UInt8]) throws -> [UInt8]
    }

    static func plain<T: TLSCodable & Sendable>(_ key: String, _ type: T.Type, _ requirement: String) -> Field {
        Field(key: key, requirement: requirement) { bytes in try T(tlsDecoding: bytes).tlsEncoded }
    }

    static func message(_ key: String, _ format: WireFormat, content: ContentType? = nil, _ requirement: String) -> Field {
        Field(key: key, requirement: requirement) { bytes in
            let message = try MLSMessage(tlsDecoding: bytes)
            guard message.wireFormat == format else {
                throw ShapeError(detail: "wire_format is \(message.wireFormat), expected \(format)")
            }
            if let content {
                guard case .publicMessage(let pm) = message.body, pm.content.contentType == content else {
                    throw ShapeError(detail: "content_type is not \(content)")
                }
            }
            return message.tlsEncoded
        }
    }

    struct ShapeError: Error, CustomStringConvertible {
        let detail: String
        var description: String { detail }
    }

    static let fields: [Field] = [
        message("mls_welcome", .welcome, "RFC9420 §12.4.3"),
        message("mls_group_info", .groupInfo, "RFC9420 §12.4.3"),
        message("mls_key_package", .keyPackage, "RFC9420 §10"),
        plain("ratchet_tree", RatchetTreeExtension.self, "RFC9420 §12.4.3.3"),
        plain("group_secrets", GroupSecrets.self, "RFC9420 §12.4.3"),
        plain("add_proposal", Add.self, "RFC9420 §12.1.1"),
        plain("update_proposal", Update.self, "RFC9420 §12.1.2"),
        plain("remove_proposal", Remove.self, "RFC9420 §12.1.3"),
        plain("pre_shared_key_proposal", PreSharedKey.self, "RFC9420 §12.1.4"),
        plain("re_init_proposal", ReInit.self, "RFC9420 §12.1.5"),
        plain("external_init_proposal", ExternalInit.self, "RFC9420 §12.1.6"),
        plain("group_context_extensions_proposal", GroupContextExtensions.self, "RFC9420 §12.1.7"),
        plain("commit", Commit.self, "RFC9420 §12.4"),
        message("public_message_application", .publicMessage, content: .application, "RFC9420 §6.2"),
        message("public_message_proposal", .publicMessage, content: .proposal, "RFC9420 §6.2"),
        message("public_message_commit", .publicMessage, content: .commit, "RFC9420 §6.2"),
        message("private_message", .privateMessage, "RFC9420 §6.3"),
    ]

    /// A case: every field is a hex string.
    struct Case: Decodable {
        let values: [String: HexBytes]
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            var values: [String: HexBytes] = [:]
            for field in MessagesRunner.fields {
                values[field.key] = try c.decode(HexBytes.self, forKey: Key(field.key))
            }
            self.values = values
        }

        struct Key: CodingKey {
            let stringValue: String
            init(_ s: String) { stringValue = s }
            init?(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }
    }

    static let requirements = ["RFC9420 §2.1"] + fields.map(\.requirement).reduce(into: [String]()) { out, r in
        if !out.contains(r) { out.append(r) }
    }

    public func run(_ source: VectorSource) -> [CaseResult] {
        let cases: [Result<Case, any Error>]
        do {
            cases = try VectorJSON.decodeCases(Case.self, from: source)
        } catch {
            return [CaseResult(id: "mls/\(source.stem)", status: .error, requirements: ["RFC9420 §2.1"],
                               message: "\(error)", source: source.relativePath)]
        }
        return cases.enumerated().map { index, parsed in
            VectorCase.run(id: "mls/\(source.stem)/\(index)", source: source.relativePath,
                           requirements: Self.requirements) {
                let c: Case
                do { c = try parsed.get() } catch { throw VectorFileError(file: source.relativePath, detail: "case \(index): \(VectorJSON.describe(error))") }
                for field in Self.fields {
                    let expected = c.values[field.key]?.bytes ?? []
                    let actual: [UInt8]
                    do {
                        actual = try field.roundTrip(expected)
                    } catch {
                        throw VectorMismatch(field: field.key, expected: expected.hex, actual: "",
                                             requirement: field.requirement, note: "does not decode: \(error)")
                    }
                    try VectorCase.expectEqual(actual, expected, "\(field.key) (re-encoded)", field.requirement)
                }
            }
        }
    }
}
