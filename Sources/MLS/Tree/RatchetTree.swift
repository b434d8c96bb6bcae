import TLSCodec

/// The ratchet tree (RFC 9420 §4, §7) in its array representation (Appendix C): node `i` is `nodes[i]`, leaves at
/// even indices, `nil` for a blank node. The array always holds a full tree of `leafCount` leaves, a power of two.
///
/// Tree hashes are cached per node (§7.8) and a change to a node drops only the cached hashes on its direct path,
/// so a Commit rehashes O(log n) nodes, not the whole tree.
public struct RatchetTree: Sendable, Equatable {
    public internal(set) var leafCount: UInt32
    public internal(set) var nodes: [Node?]
    var hashCache: [[UInt8]?]
    var hashCacheSuite: UInt16?
    /// Every leaf below this index is occupied (a lower bound on the leftmost blank leaf, §7.7), so that adding
    /// members one after another finds the next blank leaf in amortised O(1) instead of scanning from leaf 0.
    var blankLeafHint: UInt32 = 0

    /// A one-member tree.
    public init(firstLeaf: LeafNode) {
        leafCount = 1
        nodes = [.leaf(firstLeaf)]
        hashCache = [nil]
        hashCacheSuite = nil
    }

    /// Builds the tree from a ratchet_tree list (§12.4.3.3): the last node must be non-blank, node types must match
    /// their positions, and the list is extended with blanks to the next full-tree width.
    public init(nodes list: [Node?]) throws {
        guard let last = list.last else { throw MLSError(.ratchetTreeMalformed, "the ratchet_tree list is empty") }
        guard last != nil else {
            throw MLSError(.ratchetTreeMalformed, "the last node of the ratchet_tree list is blank; it MUST be non-blank")
        }
        guard list.count <= Int(UInt32.max) else { throw MLSError(.treeTooLarge, "\(list.count) nodes") }
        for (i, node) in list.enumerated() {
            guard let node else { continue }
            let isLeafIndex = i % 2 == 0
            if isLeafIndex != (node.nodeType == .leaf) {
                throw MLSError(.ratchetTreeMalformed, "node \(i) is a \(node.nodeType); leaves sit at even indices, parents at odd ones",
                               field: "ratchet_tree[\(i)]")
            }
        }
        var leaves: UInt32 = 1
        while Int(leaves) * 2 - 1 < list.count {
            guard leaves < TreeMath.maxLeafCount else { throw MLSError(.treeTooLarge, "more than 2^31 leaves") }
            leaves *= 2
        }
        let width = Int(leaves) * 2 - 1
        leafCount = leaves
        nodes = list + Array(repeating: nil, count: width - list.count)
        hashCache = Array(repeating: nil, count: width)
        hashCacheSuite = nil
    }

    /// Decodes a serialized `optional<Node> ratchet_tree<V>` and builds the tree.
    public init(serialized bytes: [UInt8]) throws {
        try self.init(nodes: try RatchetTreeExtension(tlsDecoding: bytes).nodes)
    }

    public static func == (a: RatchetTree, b: RatchetTree) -> Bool { a.leafCount == b.leafCount && a.nodes == b.nodes }

    /// The number of nodes, `2 * leafCount - 1`.
    public var nodeCount: UInt32 { leafCount * 2 - 1 }

    /// The root's node index.
    public var root: UInt32 { TreeMath.root(leafCount: leafCount) ?? 0 }

    /// The node list for the ratchet_tree extension, without trailing blank nodes (§12.4.3.3).
    public var exportedNodes: [Node?] {
        var out = nodes
        while let last = out.last, last == nil { out.removeLast() }
        return out
    }

    /// The ratchet_tree extension payload.
    public var ratchetTreeExtension: RatchetTreeExtension { RatchetTreeExtension(nodes: exportedNodes) }

    /// The node at `index`, or `nil` when blank or outside the tree.
    public func node(_ index: UInt32) -> Node? {
        Int(index) < nodes.count ? nodes[Int(index)] : nil
    }

    /// The LeafNode at leaf index `leaf`, or `nil` when blank or outside the tree.
    public func leaf(_ leaf: UInt32) -> LeafNode? {
        guard leaf < leafCount else { return nil }
        return nodes[Int(leaf) * 2]?.leafNode
    }

    /// The ParentNode at node index `index`, or `nil`.
    public func parentNode(_ index: UInt32) -> ParentNode? { node(index)?.parentNode }

    /// Leaf indices of the non-blank leaves, in order.
    public var occupiedLeaves: [UInt32] {
        (0..<leafCount).filter { i in
            if case .some = nodes[Int(i) * 2] { return true }
            return false
        }
    }

    /// The non-blank leaves with their indices, in one pass over the leaves.
    public var members: [(index: UInt32, leaf: LeafNode)] {
        var out: [(index: UInt32, leaf: LeafNode)] = []
        out.reserveCapacity(Int(leafCount))
        for i in 0..<leafCount {
            if case .leaf(let l)? = nodes[Int(i) * 2] { out.append((i, l)) }
        }
        return out
    }

    func contains(_ index: UInt32) -> Bool { Int(index) < nodes.count }

    /// Replaces node `index` and drops the cached tree hashes of it and its ancestors.
    public mutating func setNode(_ index: UInt32, _ node: Node?) throws {
        guard contains(index) else { throw MLSError(.indexOutOfRange, "node \(index) is outside the tree") }
        if let node, (index % 2 == 0) != (node.nodeType == .leaf) {
            throw MLSError(.indexOutOfRange, "node \(index) cannot hold a \(node.nodeType)")
        }
        nodes[Int(index)] = node
        if node == nil, index % 2 == 0 { blankLeafHint = min(blankLeafHint, index / 2) }
        invalidateHashes(from: index)
    }

    /// Replaces leaf `leaf` (nil blanks it).
    public mutating func setLeaf(_ leaf: UInt32, _ leafNode: LeafNode?) throws {
        guard leaf < leafCount else { throw MLSError(.indexOutOfRange, "leaf \(leaf) is outside the tree") }
        try setNode(leaf * 2, leafNode.map(Node.leaf))
    }

    /// Drops the cached hashes of `index` and every ancestor.
    mutating func invalidateHashes(from index: UInt32) {
        guard contains(index) else { return }
        hashCache[Int(index)] = nil
        var x = index
        while let p = TreeMath.parent(x, leafCount: leafCount) {
            hashCache[Int(p)] = nil
            x = p
        }
    }

    /// Whether node `x` lies in the subtree rooted at `root`.
    public static func isInSubtree(_ x: UInt32, of root: UInt32) -> Bool {
        let k = TreeMath.level(root)
        let low = (root >> (k + 1)) << (k + 1)  // leftmost node of the subtree
        let span = UInt64(1) << (k + 1)        // subtree width + 1
        return UInt64(x) >= UInt64(low) && UInt64(x) < UInt64(low) + span - 1
    }

    /// Leaf indices below node `x` (a range).
    public static func leafRange(under x: UInt32) -> Range<UInt32> {
        let k = TreeMath.level(x)
        let lowNode = (x >> (k + 1)) << (k + 1)
        let count = UInt32(1) << k
        return (lowNode / 2)..<(lowNode / 2 + count)
    }
}
