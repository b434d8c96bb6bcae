import MLS
import MLSCrypto
import Testing

/// The next-blank-leaf hint and the early-exit resolution check of the ratchet tree (RFC 9420 §4.1.1, §4.1.2, §7.7)
/// give the same answers as a plain scan: Adds fill the leftmost blank leaf after removals, truncation and extension.
@Suite struct TreeAddOrderTests {
    /// The leftmost blank leaf by scanning every leaf.
    static func scannedBlank(_ tree: RatchetTree) -> UInt32? {
        (0..<tree.leafCount).first { tree.leaf($0) == nil }
    }

    @Test func addsFillTheLeftmostBlankLeafAfterRemovals() throws {
        let (base, _, _) = try StructuresTreeTests.vectorTree(2)  // 8 leaves, every node non-blank
        let newcomer = try #require(base.leaf(0))
        var tree = base
        for leaf in [5, 1, 6] as [UInt32] { try tree.removeLeaf(leaf) }
        for _ in 0..<12 {
            let expected = Self.scannedBlank(tree) ?? tree.leafCount
            #expect(tree.leftmostBlankLeaf == Self.scannedBlank(tree))
            #expect(try tree.addLeaf(newcomer) == expected)
        }
        // Removing the rightmost leaves truncates; later Adds fill from the leftmost blank again.
        for leaf in (8..<tree.leafCount).reversed() where tree.leaf(leaf) != nil { try tree.removeLeaf(leaf) }
        try tree.removeLeaf(3)
        #expect(tree.leafCount == 8)
        #expect(tree.leftmostBlankLeaf == 3)
        #expect(try tree.addLeaf(newcomer) == 3)
        #expect(tree.leftmostBlankLeaf == nil)
        #expect(try tree.addLeaf(newcomer) == 8)
        #expect(tree.leftmostBlankLeaf == Self.scannedBlank(tree))
    }

    @Test func aTreeBuiltFromANodeListFindsItsBlankLeaves() throws {
        let (base, _, _) = try StructuresTreeTests.vectorTree(0)
        let leaf = try #require(base.node(0))
        var tree = try RatchetTree(nodes: [leaf, nil, nil, nil, leaf])  // leaves 0 and 2; 1 and 3 blank
        #expect(tree.leftmostBlankLeaf == 1)
        #expect(try tree.addLeaf(try #require(leaf.leafNode)) == 1)
        #expect(tree.leftmostBlankLeaf == 3)
    }

    @Test(arguments: 0..<14)
    func earlyExitResolutionCheckMatchesTheResolution(index: Int) throws {
        var (tree, _, _) = try StructuresTreeTests.vectorTree(index)
        for round in 0..<2 {
            for x in 0..<tree.nodeCount {
                #expect(tree.hasNonEmptyResolution(x) == !tree.resolution(x).isEmpty, "tree \(index) node \(x)")
            }
            // Blank a leaf and its path, then check again.
            guard round == 0, let member = tree.occupiedLeaves.last, tree.occupiedLeaves.count > 1 else { break }
            try tree.removeLeaf(member)
        }
    }
}
