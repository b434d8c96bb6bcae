import Foundation
import MLS
import MLSCrypto
import Results

/// Shared plumbing of the MLS vector runners: decode a file's cases one by one and run each under its id
/// `mls/<file-stem>/<index>`, with a decode failure becoming an `error` case that names the field. A file that is
/// not a JSON array of cases is one `error` case `mls/<file-stem>/file` naming the file.
enum MLSVectorCases {
    /// Whether `relativePath` names the vector file `fileName` (the type is recognised from the file name).
    static func isFile(_ relativePath: String, named fileName: String) -> Bool {
        URL(fileURLWithPath: relativePath).lastPathComponent == fileName
    }

    /// Runs every case of `source` decoded as `T`.
    static func run<T: Decodable>(_ source: VectorSource, as type: T.Type, requirements: [String],
                                  cipherSuite: (T) -> UInt16? = { _ in nil },
                                  _ body: (T, String) throws -> Void) -> [CaseResult] {
        run(source, as: type, requirements: requirements, cipherSuite: cipherSuite) { value, id, _ in try body(value, id) }
    }

    /// Runs every case of `source` decoded as `T`; `body` appends the engine's findings (``MLSFinding``) to the case.
    static func run<T: Decodable>(_ source: VectorSource, as type: T.Type, requirements: [String],
                                  cipherSuite: (T) -> UInt16? = { _ in nil },
                                  _ body: (T, String, inout [MLSFinding]) throws -> Void) -> [CaseResult] {
        let cases: [Result<T, any Error>]
        do {
            cases = try VectorJSON.decodeCases(T.self, from: source)
        } catch {
            return [CaseResult(id: "mls/\(source.stem)/file", status: .error, requirements: requirements,
                               message: "\(error)", source: source.relativePath)]
        }
        return cases.enumerated().map { index, decoded in
            let id = "mls/\(source.stem)/\(index)"
            switch decoded {
            case .failure(let error):
                return CaseResult(id: id, status: .error, requirements: requirements,
                                  message: "\(source.relativePath): case \(index): \(VectorJSON.describe(error))",
                                  source: source.relativePath)
            case .success(let value):
                return VectorCase.run(id: id, source: source.relativePath, cipherSuite: cipherSuite(value),
                                      requirements: requirements) { (findings: inout [Finding]) in
                    var engine: [MLSFinding] = []
                    defer { findings += engine.map { Finding($0) } }
                    try body(value, id, &engine)
                }
            }
        }
    }

    /// The KeyPackage and the Welcome of a case's `key_package` and `welcome` fields, each an MLSMessage.
    static func keyPackageAndWelcome(_ keyPackage: [UInt8], _ welcome: [UInt8]) throws -> (KeyPackage, Welcome) {
        guard case .keyPackage(let kp) = try MLSMessage(tlsDecoding: keyPackage).body else {
            throw VectorMismatch(field: "key_package", expected: "an MLSMessage carrying a KeyPackage", actual: "another wire format")
        }
        guard case .welcome(let w) = try MLSMessage(tlsDecoding: welcome).body else {
            throw VectorMismatch(field: "welcome", expected: "an MLSMessage carrying a Welcome", actual: "another wire format")
        }
        return (kp, w)
    }

    /// The cipher suite of a case, or ``VectorUnsupported`` with the reason (suites 4 and 6, unknown ids).
    static func suite(_ id: UInt16) throws -> CipherSuite {
        if let reason = CipherSuite.unsupportedReason(id) { throw VectorUnsupported(reason) }
        return try CipherSuite(id)
    }
}
