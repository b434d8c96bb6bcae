import MLS
import Results
import Testing
import Vectors

@Suite struct TreeMathTests {
    @Test func appendixCExampleTree() {
        // RFC 9420 Appendix C figure: 8 leaves, 15 nodes, root 7.
        #expect(TreeMath.nodeWidth(leafCount: 8) == 15)
        #expect(TreeMath.root(leafCount: 8) == 7)
        #expect(TreeMath.level(7) == 3 && TreeMath.level(0) == 0 && TreeMath.level(5) == 1)
        #expect(TreeMath.left(7) == 3 && TreeMath.right(7) == 11)
        #expect(TreeMath.parent(0, leafCount: 8) == 1 && TreeMath.parent(3, leafCount: 8) == 7)
        #expect(TreeMath.sibling(0, leafCount: 8) == 2 && TreeMath.sibling(11, leafCount: 8) == 3)
        #expect(TreeMath.directPath(0, leafCount: 8) == [1, 3, 7])
        #expect(TreeMath.copath(0, leafCount: 8) == [2, 5, 11])
        #expect(TreeMath.directPath(7, leafCount: 8) == [])
        #expect(TreeMath.copath(7, leafCount: 8) == [])
        #expect(TreeMath.commonAncestor(0, 6, leafCount: 8) == 3)
        #expect(TreeMath.commonAncestor(4, 4, leafCount: 8) == 4)
        #expect(TreeMath.nodeIndex(leaf: 3) == 6 && TreeMath.leafIndex(node: 6) == 3 && TreeMath.leafIndex(node: 5) == nil)
        #expect(TreeMath.leafCount(nodeWidth: 15) == 8)
    }

    @Test func badInputsReturnNilInsteadOfTrapping() {
        #expect(TreeMath.nodeWidth(leafCount: 0) == nil)
        #expect(TreeMath.nodeWidth(leafCount: 3) == nil)
        #expect(TreeMath.root(leafCount: UInt32.max) == nil)
        #expect(TreeMath.left(4) == nil && TreeMath.right(0) == nil)
        #expect(TreeMath.parent(7, leafCount: 8) == nil)
        #expect(TreeMath.parent(15, leafCount: 8) == nil)
        #expect(TreeMath.sibling(UInt32.max, leafCount: 8) == nil)
        #expect(TreeMath.directPath(99, leafCount: 8) == nil)
        #expect(TreeMath.nodeIndex(leaf: UInt32.max) == nil)
        #expect(TreeMath.leafCount(nodeWidth: 14) == nil)
        #expect(TreeMath.level(UInt32.max) == 32)
        #expect(TreeMath.left(UInt32.max) == UInt32.max ^ (1 << 31))
        // The largest tree still works.
        let n = TreeMath.maxLeafCount
        #expect(TreeMath.root(leafCount: n) == UInt32(Int32.max))
        #expect(TreeMath.directPath(0, leafCount: n)?.count == 31)
    }

    @Test func runnerPassesEveryCase() throws {
        let results = TreeMathRunner().run(try CryptoVectorFile.source("mls/tree-math.json"))
        #expect(results.count == 10)
        #expect(results.allSatisfy { $0.status == .passed }, "\(results.filter { $0.status != .passed }.map { "\($0.id): \($0.message ?? "")" })")
    }
}
