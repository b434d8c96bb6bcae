import Foundation
import MLS
import MLSCrypto
import Testing
import TLSCodec
import Vectors

/// Ratchet tree behaviour and rejections (RFC 9420 §4.1.1, §7.7, §7.9.2, §12.4.3.1, §12.4.3.3), on real signed trees
/// from tree-validation.json (suite 1 cases 0–13).
@Suite struct StructuresTreeTests {
    struct VectorTree: Decodable {
        let cipher_suite: UInt16
        let tree: HexBytes
        let group_id: HexBytes
        let tree_hashes: [HexBytes]
    }

    static func vectorCase(_ index: Int) throws -> VectorTree {
        let url = try #require(VectorsDirectory.published("mls/tree-validation.json"))
        let cases = try JSONDecoder().decode([VectorTree].self, from: Data(contentsOf: url))
        return try #require(index < cases.count ? cases[index] : nil)
    }

    static func vectorTree(_ index: Int) throws -> (tree: RatchetTree, groupID: [UInt8], suite: CipherSuite) {
        let c = try vectorCase(index)
        return (try RatchetTree(serialized: c.tree.bytes), c.group_id.bytes, try CipherSuite(c.cipher_suite))
    }

    /// The code of the ``MLSError`` `body` throws; nil when it throws nothing or another error.
    static func code(_ body: () throws -> Void) -> MLSError.Code? {
        do { try body() } catch let e as MLSError { return e.code } catch { return nil }
        return nil
    }

    @Test func validTreePassesWithThePublishedTreeHash() throws {
        let c = try Self.vectorCase(13)
        var (tree, groupID, suite) = try Self.vectorTree(13)
        let root = Int(tree.root)
        let published = try #require(root < c.tree_hashes.count ? c.tree_hashes[root].bytes : nil)
        let findings = try tree.validate(groupID: groupID, suite: suite, treeHash: published)
        #expect(findings.isEmpty)
        #expect(Self.code { try tree.validate(groupID: groupID, suite: suite, treeHash: published.map { $0 ^ 1 }) } == .treeHashMismatch)
    }

    @Test func trailingBlankNodeIsRejected() {
        #expect(Self.code { _ = try RatchetTree(nodes: []) } == .ratchetTreeMalformed)
        #expect(Self.code { _ = try RatchetTree(nodes: [nil]) } == .ratchetTreeMalformed)
    }

    @Test func nodeTypeMustMatchPosition() throws {
        let (tree, _, _) = try Self.vectorTree(0)
        let leaf = try #require(tree.node(0))
        #expect(Self.code { _ = try RatchetTree(nodes: [leaf, leaf]) } == .ratchetTreeMalformed)
    }

    @Test func treeIsExtendedToFullWidthAndExportedTruncated() throws {
        let (tree, _, _) = try Self.vectorTree(0)
        let leaf = try #require(tree.node(0))
        // Five nodes (three leaves) extend to a seven-node, four-leaf tree; export drops the trailing blanks.
        let t = try RatchetTree(nodes: [leaf, nil, leaf, nil, leaf])
        #expect(t.leafCount == 4)
        #expect(t.nodeCount == 7)
        #expect(t.exportedNodes.count == 5)
    }

    @Test func resolutionIncludesUnmergedLeaves() throws {
        let (tree, _, _) = try Self.vectorTree(12)
        #expect(tree.resolution(11) == [11, 14])
        #expect(tree.resolution(13) == [12, 14])
    }

    @Test func tamperedParentHashIsRejected() throws {
        var (tree, groupID, suite) = try Self.vectorTree(2)
        let p = try #require((UInt32(1)..<tree.nodeCount).first { $0 % 2 == 1 && tree.parentNode($0) != nil })
        var parent = try #require(tree.parentNode(p))
        parent.parentHash = parent.parentHash.isEmpty ? [0] : parent.parentHash.map { $0 ^ 0xff }
        try tree.setNode(p, .parent(parent))
        let e = #expect(throws: MLSError.self) { try tree.validate(groupID: groupID, suite: suite) }
        #expect(e?.code == .parentHashInvalid)
        #expect(e?.requirement == "RFC9420-7.9-parentHash")
    }

    @Test func tamperedLeafSignatureIsRejected() throws {
        var (tree, groupID, suite) = try Self.vectorTree(1)
        var leaf = try #require(tree.leaf(1))
        leaf.signature[0] ^= 1
        // Put the tampered leaf in a fresh tree so the parent hashes stay as they were.
        try tree.setLeaf(1, leaf)
        #expect(throws: MLSError.code(.leafSignatureInvalid)) {
            try tree.validateLeaf(leaf, at: 1, context: LeafNodeValidationContext(suite: suite, groupID: groupID, origin: .tree))
        }
    }

    @Test func leafSourceMustMatchOrigin() throws {
        let (tree, groupID, suite) = try Self.vectorTree(1)
        let (index, leaf) = try #require(tree.members.first { $0.leaf.source.name != "key_package" })
        let context = LeafNodeValidationContext(suite: suite, groupID: groupID, origin: .keyPackage)
        #expect(Self.code { try tree.validateLeaf(leaf, at: index, context: context) } == .leafNodeSource)
    }

    @Test func duplicateSignatureKeyIsRejected() throws {
        // A key_package leaf's signature binds no leaf index, so checked for another index it reaches the uniqueness
        // check and collides with itself.
        let trees = try (0..<14).map { try Self.vectorTree($0) }
        let (tree, groupID, suite) = try #require(trees.first {
            $0.tree.members.contains { if case .keyPackage = $0.leaf.source { true } else { false } }
        })
        let (index, leaf) = try #require(tree.members.first { if case .keyPackage = $0.leaf.source { true } else { false } })
        let other = try #require((0..<tree.leafCount).first { $0 != index })
        let context = LeafNodeValidationContext(suite: suite, groupID: groupID, origin: .tree)
        #expect(Self.code { try tree.validateLeaf(leaf, at: other, context: context) } == .duplicateSignatureKey)
    }

    @Test func unmergedLeafMustBeBelowAndNonBlank() throws {
        var (tree, _, _) = try Self.vectorTree(12)
        var parent = try #require(tree.parentNode(11))
        parent.unmergedLeaves = [0]  // leaf 0 is not below node 11
        try tree.setNode(11, .parent(parent))
        #expect(Self.code { try tree.verifyUnmergedLeaves() } == .unmergedLeafInvalid)
    }

    @Test func duplicateEncryptionKeyIsRejected() throws {
        var (tree, _, _) = try Self.vectorTree(1)
        var parent = try #require(tree.parentNode(1))
        parent.encryptionKey = try #require(tree.leaf(0)).encryptionKey
        try tree.setNode(1, .parent(parent))
        #expect(Self.code { try tree.verifyUniqueEncryptionKeys() } == .parentEncryptionKeyRepeated)
    }

    @Test func addFillsLeftmostBlankElseExtends() throws {
        var (tree, _, suite) = try Self.vectorTree(1)  // 4 leaves, full
        let newcomer = try #require(tree.leaf(2))
        let before = tree.treeHash(suite: suite)
        #expect(tree.leftmostBlankLeaf == nil)
        let index = try tree.addLeaf(newcomer)
        #expect(index == 4)
        #expect(tree.leafCount == 8)
        #expect(tree.parentNode(7) == nil)  // the new root is blank
        #expect(tree.treeHash(suite: suite) != before)
        try tree.removeLeaf(4)
        #expect(tree.leafCount == 4)  // truncated back to the original tree
        #expect(tree.treeHash(suite: suite) == before)
    }

    @Test func addMarksUnmergedAtNonBlankAncestors() throws {
        var (tree, _, _) = try Self.vectorTree(2)  // 8 leaves, every node non-blank
        let newcomer = try #require(tree.leaf(6))
        try tree.setLeaf(1, nil)  // a blank leaf under non-blank ancestors 1, 3, 7
        let index = try tree.addLeaf(newcomer)
        #expect(index == 1)
        for p: UInt32 in [1, 3, 7] {
            #expect(tree.parentNode(p)?.unmergedLeaves.last == 1)
        }
        #expect(tree.resolution(1).contains(2))
        try tree.verifyUnmergedLeaves()
    }

    @Test func removeBlanksDirectPathAndTruncates() throws {
        var (tree, _, _) = try Self.vectorTree(2)  // 8 leaves
        for leaf: UInt32 in [7, 6, 5] { try tree.removeLeaf(leaf) }
        #expect(tree.leafCount == 8)  // leaf 4 still holds the right half
        #expect(tree.parentNode(7) == nil)
        try tree.removeLeaf(4)
        #expect(tree.leafCount == 4)
        #expect(tree.exportedNodes.count == 7)
    }

    @Test func updateAndRemoveOfBlankLeafAreRejected() throws {
        var (tree, _, _) = try Self.vectorTree(5)
        let blank = try #require((0..<tree.leafCount).first { tree.leaf($0) == nil })
        let someLeaf = try #require(tree.members.first?.leaf)
        #expect(Self.code { try tree.removeLeaf(blank) } == .indexOutOfRange)
        #expect(Self.code { try tree.updateLeaf(blank, with: someLeaf) } == .indexOutOfRange)
        #expect(Self.code { try tree.removeLeaf(99) } == .indexOutOfRange)
    }

    @Test func cachedHashesMatchAFreshTree() throws {
        var (tree, _, suite) = try Self.vectorTree(3)
        _ = tree.treeHash(suite: suite)
        let leaf = try #require(tree.leaf(5))
        try tree.updateLeaf(7, with: leaf)
        let cached = tree.treeHash(suite: suite)
        var fresh = try RatchetTree(nodes: tree.exportedNodes)
        #expect(fresh.treeHash(suite: suite) == cached)
    }
}
