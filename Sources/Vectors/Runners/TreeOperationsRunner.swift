import Foundation
import MLS
import MLSCrypto
import Results
import TLSCodec

/// Runs `tree-operations.json` (RFC 9420 §7.7, §7.8, §12.1.1–§12.1.3): the tree hash before, the proposal applied
/// (Add into the leftmost blank leaf or an extended tree, Update blanking the sender's direct path, Remove blanking
/// and truncating), the byte-exact serialization after, and the tree hash after.
public struct TreeOperationsRunner: VectorRunner {
    public let name = "tree-operations"
    public init() {}

    public func accepts(relativePath: String) -> Bool {
        (relativePath as NSString).lastPathComponent == "tree-operations.json"
    }

    struct Case: Decodable {
        let cipherSuite: UInt16
        let treeBefore: HexBytes
        let proposal: HexBytes
        let proposalSender: UInt32
        let treeHashBefore: HexBytes
        let treeAfter: HexBytes
        let treeHashAfter: HexBytes
        enum CodingKeys: String, CodingKey {
            case cipherSuite = "cipher_suite", treeBefore = "tree_before", proposal, proposalSender = "proposal_sender",
                 treeHashBefore = "tree_hash_before", treeAfter = "tree_after", treeHashAfter = "tree_hash_after"
        }
    }

    static let requirements = ["RFC9420 §7.7", "RFC9420 §7.8", "RFC9420 §12.1"]

    public func run(_ source: VectorSource) -> [CaseResult] {
        MLSVectorCases.run(source, as: Case.self, requirements: Self.requirements, cipherSuite: { $0.cipherSuite }) { c, _ in
            if let reason = CipherSuite.unsupportedReason(c.cipherSuite) { throw VectorUnsupported(reason) }
            try Self.check(c)
        }
    }

    static func check(_ c: Case) throws {
        let suite = try CipherSuite(c.cipherSuite)
        var tree = try RatchetTree(serialized: c.treeBefore.bytes)
        try VectorCase.expectEqual(tree.treeHash(suite: suite), c.treeHashBefore.bytes, "tree_hash_before", "RFC9420 §7.8")
        let proposal = try Proposal(tlsDecoding: c.proposal.bytes)
        switch proposal {
        case .add(let add):
            try tree.addLeaf(add.keyPackage.leafNode)
        case .update(let update):
            try tree.updateLeaf(c.proposalSender, with: update.leafNode)
        case .remove(let remove):
            try tree.removeLeaf(remove.removed)
        default:
            throw VectorUnsupported("proposal type \(proposal.proposalType) does not change the tree")
        }
        try VectorCase.expectEqual(tree.ratchetTreeExtension.tlsEncoded, c.treeAfter.bytes, "tree_after", "RFC9420 §7.7")
        try VectorCase.expectEqual(tree.treeHash(suite: suite), c.treeHashAfter.bytes, "tree_hash_after", "RFC9420 §7.8")
    }
}
