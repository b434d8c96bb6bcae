/// Resolution and filtered direct path (RFC 9420 §4.1.1, §4.1.2).
extension RatchetTree {
    /// The resolution of node `x` (§4.1.1): a non-blank node and its unmerged leaves; nothing for a blank leaf; the
    /// resolutions of both children for a blank parent. Node indices, left to right.
    public func resolution(_ x: UInt32) -> [UInt32] {
        var out: [UInt32] = []
        appendResolution(x, to: &out)
        return out
    }

    private func appendResolution(_ x: UInt32, to out: inout [UInt32]) {
        guard contains(x) else { return }
        switch nodes[Int(x)] {
        case .leaf?:
            out.append(x)
        case .parent(let p)?:
            out.append(x)
            out.append(contentsOf: p.unmergedLeaves.map { $0 * 2 })
        case nil:
            guard let l = TreeMath.left(x), let r = TreeMath.right(x) else { return }
            appendResolution(l, to: &out)
            appendResolution(r, to: &out)
        }
    }

    /// The direct path of leaf `leaf` with each node's copath child (§4.1.2), before filtering.
    public func directPathWithCopath(leaf: UInt32) -> [(node: UInt32, copathChild: UInt32)] {
        guard leaf < leafCount, let path = TreeMath.directPath(leaf * 2, leafCount: leafCount),
              let copath = TreeMath.copath(leaf * 2, leafCount: leafCount) else { return [] }
        return Array(zip(path, copath)).map { (node: $0.0, copathChild: $0.1) }
    }

    /// The filtered direct path of leaf `leaf` (§4.1.2): the direct path without the nodes whose copath child has an
    /// empty resolution, each with its copath child.
    public func filteredDirectPath(leaf: UInt32) -> [(node: UInt32, copathChild: UInt32)] {
        directPathWithCopath(leaf: leaf).filter { hasNonEmptyResolution($0.copathChild) }
    }

    /// Whether `resolution(x)` is non-empty, i.e. some node of the subtree under `x` is non-blank (§4.1.1), found
    /// without building the resolution: it stops at the first non-blank node.
    public func hasNonEmptyResolution(_ x: UInt32) -> Bool {
        guard contains(x) else { return false }
        if case .some = nodes[Int(x)] { return true }
        guard let l = TreeMath.left(x), let r = TreeMath.right(x) else { return false }
        return hasNonEmptyResolution(l) || hasNonEmptyResolution(r)
    }
}
