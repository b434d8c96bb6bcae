/// The receiver's processing of a body (draft-ietf-mimi-content-08 §4.4): resolve every chooseOne from the root,
/// apply singleUnit (all parts or none) and processAll (each part that can be), then handle the remaining parts in
/// order, skipping any part already pulled in by a `cid:` reference of a previously handled part.
public struct PartResolver: Sendable {
    /// Whether the receiver understands a leaf (a SinglePart or ExternalPart).
    public var understands: @Sendable (NestedPart) -> Bool
    /// Orders the alternatives of a chooseOne by the receiver's preference; the default keeps the sender's order
    /// (which is only the sender's preference, §4.4).
    public var rank: @Sendable ([IndexedPart]) -> [IndexedPart]

    public init(understands: @escaping @Sendable (NestedPart) -> Bool = { _ in true },
                rank: @escaping @Sendable ([IndexedPart]) -> [IndexedPart] = { $0 }) {
        self.understands = understands
        self.rank = rank
    }

    /// A receiver that understands the given media types (compared without parameters, case-insensitively).
    public static func supporting(_ mediaTypes: Set<String>) -> PartResolver {
        let set = Set(mediaTypes.map { Self.bareType($0) })
        return PartResolver(understands: { p in
            switch p.body {
            case .single(let s): return set.contains(bareType(s.contentType))
            case .external(let e): return set.contains(bareType(e.contentType))
            default: return false
            }
        })
    }

    static func bareType(_ t: String) -> String {
        String((t.split(separator: ";", maxSplits: 1).first ?? "").filter { $0 != " " }).lowercased()
    }

    /// The outcome of processing one body.
    public struct Resolution: Sendable, Hashable {
        /// Leaves handled on their own, in order.
        public var handled: [Int] = []
        /// Leaves pulled in by a cid: reference instead of being handled on their own: index → referencing index.
        public var referenced: [Int: Int] = [:]
        /// For each chooseOne node, the alternative chosen (nil when none could be processed).
        public var chosen: [Int: Int?] = [:]
        /// Leaves not processed (not understood, discarded alternatives, or inside a singleUnit with a part not understood).
        public var unprocessed: [Int] = []
    }

    public func resolve(_ root: NestedPart) -> Resolution {
        let all = PartIndex.enumerate(root)
        var resolution = Resolution()
        let leaves = select(all[0], all: all, resolution: &resolution)
        let selected = Set(leaves)
        resolution.unprocessed = all.filter { p in
            switch p.part.body {
            case .single, .external: return !selected.contains(p.index)
            default: return false
            }
        }.map(\.index)
        for i in leaves {
            if resolution.referenced[i] != nil { continue }
            resolution.handled.append(i)
            if case .single(let s) = all[i].part.body, PartIndex.isContainer(s.contentType) {
                let text = String(decoding: s.content, as: UTF8.self)
                for target in PartIndex.contentIDReferences(in: text) where selected.contains(target) && target != i
                    && resolution.referenced[target] == nil && !resolution.handled.contains(target) {
                    resolution.referenced[target] = i
                }
            }
        }
        return resolution
    }

    /// The leaves selected under `node` and whether everything under it was understood, or nil when nothing
    /// under it can be processed. A chooseOne takes the first alternative (in the receiver's ranking) that is
    /// understood completely, else the first that can be processed at all.
    func selectOrNil(_ node: IndexedPart, all: [IndexedPart], resolution: inout Resolution) -> (leaves: [Int], complete: Bool)? {
        switch node.part.body {
        case .null:
            return ([], true)
        case .single, .external:
            return understands(node.part) ? ([node.index], true) : nil
        case .multi(let m):
            let children = all.filter { $0.parentIndex == node.index }
            switch m.semantics {
            case .chooseOne:
                var fallback: (Int, [Int], Resolution)? = nil
                for alternative in rank(children) {
                    var trial = resolution
                    guard let picked = selectOrNil(alternative, all: all, resolution: &trial), !picked.leaves.isEmpty else { continue }
                    if picked.complete {
                        resolution = trial
                        resolution.chosen[node.index] = alternative.index
                        return (picked.leaves, true)
                    }
                    if fallback == nil { fallback = (alternative.index, picked.leaves, trial) }
                }
                if let (index, leaves, trial) = fallback {
                    resolution = trial
                    resolution.chosen[node.index] = index
                    return (leaves, false)
                }
                resolution.chosen[node.index] = .some(nil)
                return nil
            case .singleUnit:
                var out: [Int] = []
                var trial = resolution
                for c in children {
                    guard let picked = selectOrNil(c, all: all, resolution: &trial), picked.complete else { return nil }
                    out += picked.leaves
                }
                resolution = trial
                return (out, true)
            case .processAll:
                var out: [Int] = []
                var complete = true
                for c in children {
                    if let picked = selectOrNil(c, all: all, resolution: &resolution) {
                        out += picked.leaves
                        complete = complete && picked.complete
                    } else {
                        complete = false
                    }
                }
                return out.isEmpty ? nil : (out, complete)
            case .unknown:
                return nil
            }
        }
    }

    func select(_ node: IndexedPart, all: [IndexedPart], resolution: inout Resolution) -> [Int] {
        selectOrNil(node, all: all, resolution: &resolution)?.leaves ?? []
    }
}
