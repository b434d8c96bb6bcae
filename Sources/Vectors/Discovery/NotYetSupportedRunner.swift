import Foundation
import Results

/// The fallback for published MLS vector files whose real runner is not registered yet: every case is reported
/// `unsupported` with the reason, never dropped and never counted as passed (DEVELOPERS.md, "How work gets done").
///
/// It is listed last in ``VectorRegistry/runners``, so a real runner registered for the same file takes precedence.
/// Each case keeps its cipher suite (read from `cipher_suite` when present) and the RFC 9420 sections the file
/// exercises (see ../shared/specs/mls-vectors.md §1).
public struct NotYetSupportedRunner: VectorRunner {
    /// A published MLS vector file known by name.
    public struct KnownFile: Sendable, Hashable {
        public let fileName: String
        public let requirements: [String]
        public let reason: String
    }

    static let engine = "not yet supported: needs the [mls-engine] issue"
    static let noRunner = "not yet supported: no runner is registered for this vector file yet"

    public static let knownFiles: [KnownFile] = [
        KnownFile(fileName: "welcome.json", requirements: ["RFC9420 §12.4.3.1"], reason: engine),
        KnownFile(fileName: "tree-validation.json", requirements: ["RFC9420 §4.1.1", "RFC9420 §7.8", "RFC9420 §7.9"], reason: engine),
        KnownFile(fileName: "tree-operations.json", requirements: ["RFC9420 §7.7", "RFC9420 §12.1"], reason: engine),
        KnownFile(fileName: "treekem.json", requirements: ["RFC9420 §7.4", "RFC9420 §7.5", "RFC9420 §7.6"], reason: engine),
        KnownFile(fileName: "passive-client-welcome.json", requirements: ["RFC9420 §12.4.3.1"], reason: engine),
        KnownFile(fileName: "passive-client-handling-commit.json", requirements: ["RFC9420 §12.4.2"], reason: engine),
        KnownFile(fileName: "passive-client-random.json", requirements: ["RFC9420 §12.4.2"], reason: engine),
        KnownFile(fileName: "tree-math.json", requirements: ["RFC9420 Appendix C"], reason: noRunner),
        KnownFile(fileName: "deserialization.json", requirements: ["RFC9420 §2.1.2"], reason: noRunner),
        KnownFile(fileName: "crypto-basics.json", requirements: ["RFC9420 §5.1", "RFC9420 §5.2", "RFC9420 §8"], reason: noRunner),
        KnownFile(fileName: "secret-tree.json", requirements: ["RFC9420 §9"], reason: noRunner),
        KnownFile(fileName: "key-schedule.json", requirements: ["RFC9420 §8"], reason: noRunner),
        KnownFile(fileName: "psk_secret.json", requirements: ["RFC9420 §8.4"], reason: noRunner),
        KnownFile(fileName: "transcript-hashes.json", requirements: ["RFC9420 §8.2"], reason: noRunner),
        KnownFile(fileName: "message-protection.json", requirements: ["RFC9420 §6"], reason: noRunner),
        KnownFile(fileName: "messages.json", requirements: ["RFC9420 §2.1", "RFC9420 §6"], reason: noRunner),
    ]

    public init() {}

    public var name: String { "not-yet-supported" }

    public func accepts(relativePath: String) -> Bool {
        Self.known(relativePath) != nil
    }

    static func known(_ relativePath: String) -> KnownFile? {
        let name = VectorFileRules.fileName(relativePath)
        return knownFiles.first { $0.fileName == name }
    }

    public func run(_ source: VectorSource) -> [CaseResult] {
        guard let known = Self.known(source.relativePath) else { return [] }
        let prefix = "mls/" + source.stem
        let array: [Any]
        do {
            let parsed = try JSONSerialization.jsonObject(with: Data(source.bytes))
            guard let a = parsed as? [Any] else {
                return [CaseResult(id: prefix + "/file", status: .error, requirements: known.requirements,
                                   message: "\(source.relativePath): not a JSON array of cases (top level is \(Self.kind(parsed)))",
                                   source: source.relativePath)]
            }
            array = a
        } catch {
            return [CaseResult(id: prefix + "/file", status: .error, requirements: known.requirements,
                               message: "\(source.relativePath): not valid JSON: \(error.localizedDescription)",
                               source: source.relativePath)]
        }
        return array.enumerated().map { index, element in
            var suite: UInt16?
            if let object = element as? [String: Any], let n = object["cipher_suite"] as? NSNumber,
               let v = UInt16(exactly: n.doubleValue) {
                suite = v
            }
            return CaseResult(id: "\(prefix)/\(index)", status: .unsupported, cipherSuite: suite,
                              requirements: known.requirements, message: known.reason, source: source.relativePath)
        }
    }

    private static func kind(_ value: Any) -> String {
        switch value {
        case is [String: Any]: return "an object"
        case is String: return "a string"
        case is NSNumber: return "a number"
        case is NSNull: return "null"
        default: return "not an array"
        }
    }
}
