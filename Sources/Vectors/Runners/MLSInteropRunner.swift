import Foundation
import MLS
import MLSCrypto
import Results

/// Runs the MLS working group's interop scripts (`mls-interop/configs/*.json`, mlswg/mls-implementations
/// interop/configs; the format is ../shared/specs/mls-interop-harness.md §3) as a self-interop run: this harness's MLS
/// engine plays every actor, as the interop runner does with a single implementation, and the runner's checks are
/// made (epoch authenticators agree after createGroup, fullCommit, externalJoin, reinit and branch, RFC 9420 §8.7;
/// unprotect returns the protected plaintext and authenticated data, §6.3), plus the §11.2/§11.3 checks on successor
/// Welcomes.
///
/// One case per script and cipher suite, `mls-interop/<file-stem>/<script>/<suite>`, for suites 1–7: suites 4 and 6
/// are `unsupported` with the reason. Each case runs the script twice, with handshakes as PublicMessage and as
/// PrivateMessage (the runner's `encrypt_handshake` false and true). All randomness, including installExternalPSK's
/// psk_id and secret, comes from a ``DeterministicRandom`` seeded from the case id and the mode.
///
/// A script with an action the harness does not know is `unsupported`, naming the action; a config that breaks the
/// format is an `error` naming the file and the field.
public struct MLSInteropRunner: VectorRunner {
    public let name = "mls-interop"
    /// A deliberate fault, for tests that show the checks catch a misbehaving member.
    let fault: MLSInteropFault?

    public init() { fault = nil }

    init(fault: MLSInteropFault?) { self.fault = fault }

    /// The configs published in mlswg/mls-implementations interop/configs.
    public static let knownConfigs = ["application.json", "branch.json", "commit.json", "deep_random.json",
                                      "external_join.json", "external_proposals.json", "reinit.json", "welcome_join.json"]
    /// The cipher suites of RFC 9420 §17.1 that a case is made for.
    static let suites: [UInt16] = [1, 2, 3, 4, 5, 6, 7]

    /// A config is recognised by its folder (`mls-interop/configs/`, any JSON file) or, for flat copies, by the name of
    /// a published config.
    public func accepts(relativePath: String) -> Bool {
        let url = URL(fileURLWithPath: relativePath)
        let file = url.lastPathComponent
        guard file.hasSuffix(".json") else { return false }
        let parent = url.deletingLastPathComponent()
        if parent.lastPathComponent == "configs", parent.deletingLastPathComponent().lastPathComponent == "mls-interop" {
            return true
        }
        return Self.knownConfigs.contains(file)
    }

    public func run(_ source: VectorSource) -> [CaseResult] { run(source, suites: Self.suites) }

    /// Runs the config's scripts in `suites` only (one case per script and suite).
    public func run(_ source: VectorSource, suites: [UInt16]) -> [CaseResult] {
        let prefix = "mls-interop/\(source.stem)"
        let scripts: [(name: String, script: MLSInteropScript)]
        do {
            scripts = try MLSInteropConfigReader.read(source.bytes, file: source.relativePath)
        } catch {
            return [CaseResult(id: "\(prefix)/file", status: .error, requirements: ["RFC9420 §8.7"], message: "\(error)",
                               source: source.relativePath)]
        }
        var results: [CaseResult] = []
        for (name, script) in scripts {
            for suite in suites {
                results.append(runCase(id: "\(prefix)/\(name)/\(suite)", script: script, suite: suite,
                                       source: source.relativePath))
            }
        }
        return results
    }

    /// One script in one cipher suite, in both handshake modes.
    func runCase(id: String, script: MLSInteropScript, suite: UInt16, source: String) -> CaseResult {
        switch script {
        case .malformed(let error):
            return CaseResult(id: id, status: .error, cipherSuite: suite, requirements: [], message: error.description,
                              source: source)
        case .unsupported(let reason):
            return CaseResult(id: id, status: .unsupported, cipherSuite: suite, requirements: [], message: reason,
                              source: source)
        case .steps(let steps):
            var requirements: [String] = []
            for s in steps { for r in s.requirements where !requirements.contains(r) { requirements.append(r) } }
            var summary: [String] = []
            var result = VectorCase.run(id: id, source: source, cipherSuite: suite, requirements: requirements) {
                let cipherSuite = try MLSVectorCases.suite(suite)
                for encrypt in [false, true] {
                    let mode = encrypt ? "PrivateMessage handshakes" : "PublicMessage handshakes"
                    var run = MLSInteropExecution(suite: cipherSuite, encryptHandshake: encrypt,
                                                  seed: "\(id)/\(encrypt ? "private" : "public")")
                    run.fault = fault
                    do {
                        try run.run(steps)
                    } catch let m as VectorMismatch {
                        throw VectorMismatch(field: "\(mode): \(m.field)", expected: m.expected, actual: m.actual,
                                             requirement: m.requirement, note: m.note)
                    } catch let e as MLSInteropScriptError {
                        throw MLSInteropScriptError(step: e.step, action: e.action, detail: "\(e.detail) (\(mode))")
                    }
                    summary.append("\(mode): \(run.authenticatorChecks) epoch authenticators and "
                                   + "\(run.unprotectChecks) unprotects agreed")
                }
            }
            if result.status == .passed {
                result.message = "\(steps.count) steps; " + summary.joined(separator: "; ")
            }
            return result
        }
    }
}
