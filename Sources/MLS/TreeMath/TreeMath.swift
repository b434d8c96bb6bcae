/// Array-based full binary tree arithmetic (RFC 9420 §4.1, Appendix C).
///
/// Nodes are numbered left to right: leaves at even indices, parents at odd ones. RFC 9420 trees always have a
/// power-of-two number of leaves (§7.7), so every function that needs the tree size takes the leaf count and
/// returns nil when it is not a power of two in 1...2^31, when the node lies outside the tree, or when the
/// function is undefined there (left/right of a leaf, parent/sibling of the root). Nothing traps.
public enum TreeMath {
    /// The largest leaf count handled: node indices stay below 2^32.
    public static let maxLeafCount: UInt32 = 1 << 31

    /// Whether `leafCount` is a valid RFC 9420 tree size (a power of two, 1...2^31).
    public static func isValidLeafCount(_ leafCount: UInt32) -> Bool {
        leafCount != 0 && leafCount & (leafCount - 1) == 0 && leafCount <= maxLeafCount
    }

    /// level(x): the number of trailing one bits; leaves are at level 0.
    public static func level(_ x: UInt32) -> UInt32 {
        UInt32((~x).trailingZeroBitCount)
    }

    /// Whether node `x` is a leaf (even index).
    public static func isLeaf(_ x: UInt32) -> Bool { x & 1 == 0 }

    /// node_width(n) = 2(n−1)+1: the number of nodes of a tree with `leafCount` leaves.
    public static func nodeWidth(leafCount: UInt32) -> UInt32? {
        guard isValidLeafCount(leafCount) else { return nil }
        return 2 * (leafCount - 1) + 1
    }

    /// The number of leaves of a tree with `nodeWidth` nodes, when that is a valid width.
    public static func leafCount(nodeWidth: UInt32) -> UInt32? {
        guard nodeWidth & 1 == 1 else { return nil }
        let n = nodeWidth / 2 + 1
        return isValidLeafCount(n) ? n : nil
    }

    /// root(n): the index of the root node.
    public static func root(leafCount: UInt32) -> UInt32? {
        guard let w = nodeWidth(leafCount: leafCount) else { return nil }
        return (1 << UInt32(31 - w.leadingZeroBitCount)) - 1
    }

    /// left(x): the left child of parent node `x`; nil for a leaf.
    public static func left(_ x: UInt32) -> UInt32? {
        let k = level(x)
        guard k > 0 else { return nil }
        return x ^ (1 << (k - 1))
    }

    /// right(x): the right child of parent node `x`; nil for a leaf.
    public static func right(_ x: UInt32) -> UInt32? {
        let k = level(x)
        guard k > 0 else { return nil }
        return x ^ (3 << (k - 1))
    }

    /// Whether node `x` lies in a tree with `leafCount` leaves.
    public static func contains(_ x: UInt32, leafCount: UInt32) -> Bool {
        guard let w = nodeWidth(leafCount: leafCount) else { return false }
        return x < w
    }

    /// parent(x, n): nil for the root or a node outside the tree.
    public static func parent(_ x: UInt32, leafCount: UInt32) -> UInt32? {
        guard contains(x, leafCount: leafCount), let r = root(leafCount: leafCount), x != r else { return nil }
        let k = level(x)
        let b = (x >> (k + 1)) & 1
        return (x | (1 << k)) ^ (b << (k + 1))
    }

    /// sibling(x, n): the other child of x's parent; nil for the root or a node outside the tree.
    public static func sibling(_ x: UInt32, leafCount: UInt32) -> UInt32? {
        guard let p = parent(x, leafCount: leafCount) else { return nil }
        return x < p ? right(p) : left(p)
    }

    /// direct_path(x, n): the parents from x up to and including the root (empty for the root).
    public static func directPath(_ x: UInt32, leafCount: UInt32) -> [UInt32]? {
        guard contains(x, leafCount: leafCount) else { return nil }
        var out: [UInt32] = []
        var node = x
        while let p = parent(node, leafCount: leafCount) {
            out.append(p)
            node = p
        }
        return out
    }

    /// copath(x, n): the siblings of x and of each node of its direct path except the root.
    public static func copath(_ x: UInt32, leafCount: UInt32) -> [UInt32]? {
        guard let d = directPath(x, leafCount: leafCount) else { return nil }
        let path = [x] + d.dropLast()
        return path.compactMap { sibling($0, leafCount: leafCount) }
    }

    /// The lowest common ancestor of nodes `a` and `b` (RFC 9420 Appendix C common_ancestor_semantic).
    public static func commonAncestor(_ a: UInt32, _ b: UInt32, leafCount: UInt32) -> UInt32? {
        guard contains(a, leafCount: leafCount), contains(b, leafCount: leafCount) else { return nil }
        let da = Set([a] + (directPath(a, leafCount: leafCount) ?? []))
        return ([b] + (directPath(b, leafCount: leafCount) ?? [])).first { da.contains($0) }
    }

    /// The node index of leaf `leaf` (2·leaf); nil when it overflows.
    public static func nodeIndex(leaf: UInt32) -> UInt32? {
        let (v, overflow) = leaf.multipliedReportingOverflow(by: 2)
        return overflow ? nil : v
    }

    /// The leaf index of node `x`; nil when `x` is not a leaf.
    public static func leafIndex(node x: UInt32) -> UInt32? {
        isLeaf(x) ? x / 2 : nil
    }
}
