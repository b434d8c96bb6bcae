import TLSCodec

/// `optional<Node> ratchet_tree<V>` (RFC 9420 §12.4.3.3): the `ratchet_tree` GroupInfo extension, the tree's nodes
/// in array order with `nil` for blank nodes. Senders truncate trailing blanks (§7.7); this type keeps what it reads.
public struct RatchetTreeExtension: Hashable, Sendable, ExtensionContent {
    public static let extensionType = ExtensionType.ratchetTree
    public var nodes: [Node?]
    public init(nodes: [Node?]) { self.nodes = nodes }

    public init(from reader: inout TLSReader) throws {
        nodes = try reader.readList("ratchet_tree") { r in try r.readOptional("node") { try Node(from: &$0) } }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeList(nodes) { w, node in w.writeOptional(node) { w, n in w.write(n) } }
    }
}
