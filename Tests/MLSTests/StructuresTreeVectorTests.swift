import Foundation
import MLS
import MLSCrypto
import Results
import Testing
@testable import Vectors

/// tree-validation.json and tree-operations.json (RFC 9420 §4.1.1, §7.3, §7.7, §7.8, §7.9.2, §12.1).
@Suite struct StructuresTreeVectorTests {
    static func source(_ name: String) throws -> VectorSource {
        let url = try #require(VectorsDirectory.published("mls/\(name)"), "published vector mls/\(name) not found")
        return VectorSource(url: url, relativePath: "mls/\(name)", bytes: Array(try Data(contentsOf: url)))
    }

    static func summary(_ results: [CaseResult]) -> String {
        results.filter { $0.status != .passed && $0.status != .unsupported }.prefix(3)
            .map { "\($0.id) \($0.status): \($0.message ?? "") expected \($0.expected ?? "") actual \($0.actual ?? "")" }
            .joined(separator: "\n")
    }

    @Test func treeValidation() throws {
        let results = TreeValidationRunner().run(try Self.source("tree-validation.json"))
        #expect(results.count == 98)
        #expect(results.filter { $0.status == .passed }.count == 70, "\(Self.summary(results))")
        #expect(results.filter { $0.status == .unsupported }.count == 28)
        #expect(results.filter { $0.status == .unsupported }.allSatisfy { $0.cipherSuite == 4 || $0.cipherSuite == 6 })
    }

    @Test func treeOperations() throws {
        let results = TreeOperationsRunner().run(try Self.source("tree-operations.json"))
        #expect(results.count == 5)
        #expect(results.allSatisfy { $0.status == .passed }, "\(Self.summary(results))")
    }
}

/// UpdatePath merging against treekem.json (RFC 9420 §7.5, §7.9, §12.4.2): every published path, merged into the
/// tree by its sender, yields the published tree hash and a parent-hash-valid tree.
@Suite struct StructuresUpdatePathVectorTests {
    struct PathCase: Decodable {
        let sender: UInt32
        let update_path: HexBytes
        let tree_hash_after: HexBytes
    }

    struct TreeKEMCase: Decodable {
        let cipher_suite: UInt16
        let ratchet_tree: HexBytes
        let update_paths: [PathCase]
    }

    @Test func mergedPathsGiveThePublishedTreeHash() throws {
        let url = try #require(VectorsDirectory.published("mls/treekem.json"))
        let cases = try JSONDecoder().decode([TreeKEMCase].self, from: Data(contentsOf: url))
        var merged = 0
        for (index, c) in cases.enumerated() where CipherSuite.unsupportedReason(c.cipher_suite) == nil {
            let suite = try CipherSuite(c.cipher_suite)
            let original = try RatchetTree(serialized: c.ratchet_tree.bytes)
            for p in c.update_paths {
                var tree = original
                let path = try UpdatePath(tlsDecoding: p.update_path.bytes)
                try UpdatePathMerge.apply(path, from: p.sender, to: &tree, suite: suite)
                #expect(tree.treeHash(suite: suite) == p.tree_hash_after.bytes, "case \(index) sender \(p.sender)")
                try tree.verifyParentHashes(suite: suite)
                merged += 1
            }
        }
        #expect(merged > 0)
    }

    @Test func tamperedPathIsRejected() throws {
        let url = try #require(VectorsDirectory.published("mls/treekem.json"))
        let cases = try JSONDecoder().decode([TreeKEMCase].self, from: Data(contentsOf: url))
        let suite = try CipherSuite(1)
        var found: (tree: [UInt8], sender: UInt32, path: UpdatePath)?
        for c in cases where c.cipher_suite == 1 && found == nil {
            for p in c.update_paths {
                let path = try UpdatePath(tlsDecoding: p.update_path.bytes)
                if !path.nodes.isEmpty { found = (c.ratchet_tree.bytes, p.sender, path); break }
            }
        }
        let f = try #require(found)
        var tampered = f.path
        tampered.nodes[0].encryptionKey[0] ^= 1
        var tree = try RatchetTree(serialized: f.tree)
        #expect(throws: MLSError.code(.updatePathParentHash)) {
            try UpdatePathMerge.apply(tampered, from: f.sender, to: &tree, suite: suite)
        }
        var short = f.path
        short.nodes.removeLast()
        var tree2 = try RatchetTree(serialized: f.tree)
        #expect(throws: MLSError.code(.updatePathLength)) {
            try UpdatePathMerge.apply(short, from: f.sender, to: &tree2, suite: suite)
        }
    }
}
