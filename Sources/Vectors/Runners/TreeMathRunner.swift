import MLS
import Results

/// Runs `tree-math.json`: node width, root, and left/right/parent/sibling of every node (RFC 9420 Appendix C).
public struct TreeMathRunner: VectorRunner {
    public let name = "tree-math"
    public init() {}

    public func accepts(relativePath: String) -> Bool { MLSVectorCases.isFile(relativePath, named: "tree-math.json") }

    struct Case: Decodable {
        let n_leaves: UInt32
        let n_nodes: UInt32
        let root: UInt32
        let left: [UInt32?]
        let right: [UInt32?]
        let parent: [UInt32?]
        let sibling: [UInt32?]
    }

    public func run(_ source: VectorSource) -> [CaseResult] {
        MLSVectorCases.run(source, as: Case.self, requirements: ["RFC9420 §4.1", "RFC9420 Appendix C"]) { c, _ in
            let n = c.n_leaves
            try VectorCase.expectEqual(TreeMath.nodeWidth(leafCount: n), c.n_nodes, "n_nodes", "RFC9420 Appendix C")
            try VectorCase.expectEqual(TreeMath.root(leafCount: n), c.root, "root", "RFC9420 Appendix C")
            let arrays: [(String, [UInt32?], (UInt32) -> UInt32?)] = [
                ("left", c.left, { TreeMath.left($0) }),
                ("right", c.right, { TreeMath.right($0) }),
                ("parent", c.parent, { TreeMath.parent($0, leafCount: n) }),
                ("sibling", c.sibling, { TreeMath.sibling($0, leafCount: n) }),
            ]
            for (field, expected, function) in arrays {
                try VectorCase.expectEqual(expected.count, Int(c.n_nodes), "\(field).count")
                for (x, value) in expected.enumerated() {
                    try VectorCase.expectEqual(Self.show(function(UInt32(x))), Self.show(value), "\(field)[\(x)]", "RFC9420 Appendix C")
                }
            }
        }
    }

    private static func show(_ v: UInt32?) -> String { v.map(String.init) ?? "null" }
}
