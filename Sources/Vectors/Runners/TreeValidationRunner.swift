import Foundation
import MLS
import MLSCrypto
import Results
import TLSCodec

/// Runs `tree-validation.json` (RFC 9420 §4.1.1, §7.3, §7.8, §7.9.2, §12.4.3.1): for each tree, the resolution and
/// tree hash of every node must equal the vector's, every parent node must be parent-hash valid, and every leaf must
/// pass §7.3 validation (signature over LeafNodeTBS included; lifetime not checked). A MUST the tree breaks fails the
/// case; a SHOULD-level or policy check that does not hold is a finding on it. Suites without an implementation are
/// reported unsupported.
public struct TreeValidationRunner: VectorRunner {
    public let name = "tree-validation"
    public init() {}

    public func accepts(relativePath: String) -> Bool {
        (relativePath as NSString).lastPathComponent == "tree-validation.json"
    }

    struct Case: Decodable {
        let cipherSuite: UInt16
        let tree: HexBytes
        let groupID: HexBytes
        let resolutions: [[UInt32]]
        let treeHashes: [HexBytes]
        enum CodingKeys: String, CodingKey {
            case cipherSuite = "cipher_suite", tree, groupID = "group_id", resolutions, treeHashes = "tree_hashes"
        }
    }

    static let requirements = ["RFC9420 §4.1.1", "RFC9420 §7.8", "RFC9420 §7.9.2", "RFC9420 §7.3", "RFC9420 §12.4.3.1",
                               "RFC9420 §7.2", "RFC9420-13.4-duplicateExtension"]

    public func run(_ source: VectorSource) -> [CaseResult] {
        MLSVectorCases.run(source, as: Case.self, requirements: Self.requirements,
                           cipherSuite: { $0.cipherSuite }) { c, _, findings in
            if let reason = CipherSuite.unsupportedReason(c.cipherSuite) { throw VectorUnsupported(reason) }
            findings += try Self.check(c)
        }
    }

    /// The checks of one case; returns the engine's findings.
    static func check(_ c: Case) throws -> [MLSFinding] {
        let suite = try CipherSuite(c.cipherSuite)
        var tree = try RatchetTree(serialized: c.tree.bytes)
        try VectorCase.expectEqual(Int(tree.nodeCount), c.resolutions.count, "node count", "RFC9420 §12.4.3.3")
        try VectorCase.expectEqual(Int(tree.nodeCount), c.treeHashes.count, "node count", "RFC9420 §12.4.3.3")
        for i in 0..<tree.nodeCount {
            try VectorCase.expectEqual(tree.resolution(i), c.resolutions[Int(i)], "resolutions[\(i)]", "RFC9420 §4.1.1")
            try VectorCase.expectEqual(tree.treeHash(of: i, suite: suite), c.treeHashes[Int(i)].bytes, "tree_hashes[\(i)]",
                                       "RFC9420 §7.8")
        }
        do {
            return try tree.validate(groupID: c.groupID.bytes, suite: suite)
        } catch let e as MLSError {
            throw VectorMismatch(field: "tree", expected: "a valid tree", actual: "\(e)", requirement: e.requirement)
        }
    }
}
