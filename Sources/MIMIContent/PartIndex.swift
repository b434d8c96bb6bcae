/// A part with its implied partIndex (draft-ietf-mimi-content-08 §4.4, Appendix B.3): parts are numbered from 0
/// at the root, depth-first, pre-order. `depth` is 1 for the root.
public struct IndexedPart: Sendable, Hashable {
    public let index: Int
    public let depth: Int
    /// Field path, e.g. `nestedPart.parts[1].parts[0]`.
    public let path: String
    public let parentIndex: Int?
    public let part: NestedPart
}

/// The implied partIndex numbering of a body (§4.4).
public enum PartIndex {
    /// Every part of the tree in partIndex order.
    public static func enumerate(_ root: NestedPart) -> [IndexedPart] {
        var out: [IndexedPart] = []
        func visit(_ p: NestedPart, depth: Int, path: String, parent: Int?) {
            let index = out.count
            out.append(IndexedPart(index: index, depth: depth, path: path, parentIndex: parent, part: p))
            if case .multi(let m) = p.body {
                for (i, child) in m.parts.enumerated() {
                    visit(child, depth: depth + 1, path: "\(path).parts[\(i)]", parent: index)
                }
            }
        }
        visit(root, depth: 1, path: "nestedPart", parent: nil)
        return out
    }

    /// The partIndex values named by `cid:<partIndex>@local.invalid` URIs in `text` (§4.4), in order of appearance.
    public static func contentIDReferences(in text: String) -> [Int] {
        var out: [Int] = []
        let scalars = Array(text.utf8)
        let prefix = Array("cid:".utf8)
        let suffix = Array("@local.invalid".utf8)
        var i = 0
        while i + prefix.count <= scalars.count {
            if scalars[i..<(i + prefix.count)].elementsEqual(prefix) {
                var j = i + prefix.count
                var value = 0
                var digits = 0
                while j < scalars.count, scalars[j] >= 0x30, scalars[j] <= 0x39, digits < 9 {
                    value = value * 10 + Int(scalars[j] - 0x30)
                    j += 1
                    digits += 1
                }
                if digits > 0, j + suffix.count <= scalars.count, scalars[j..<(j + suffix.count)].elementsEqual(suffix) {
                    out.append(value)
                    i = j + suffix.count
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// Whether a SinglePart's content type is a container that may carry cid: references (HTML, Markdown, vCard,
    /// iCalendar; §4.4).
    public static func isContainer(_ contentType: String) -> Bool {
        let t = contentType.lowercased()
        return t.hasPrefix("text/html") || t.hasPrefix("text/markdown") || t.hasPrefix("text/vcard") || t.hasPrefix("text/calendar")
    }
}
