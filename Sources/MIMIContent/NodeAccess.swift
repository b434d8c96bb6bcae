import CBOR

/// Typed reads of decoded CBOR nodes that throw a ``ContentError`` naming the field, its offset and the
/// CDDL rule when the type or size is wrong.
struct NodeAccess {
    let requirement: String

    func error(_ code: ContentErrorCode, _ node: CBORNode, _ field: String, _ reason: String) -> ContentError {
        ContentError(code, at: node.offset, field: field, reason, requirement: requirement)
    }

    func mismatch(_ node: CBORNode, _ field: String, _ expected: String) -> ContentError {
        error(.typeMismatch, node, field, "expected \(expected), found \(node.value.typeName) \(short(node.value))")
    }

    func short(_ v: CBOR) -> String {
        let d = v.diagnostic
        return d.count > 40 ? String(d.prefix(40)) + "…" : d
    }

    func bytes(_ node: CBORNode, _ field: String) throws(ContentError) -> [UInt8] {
        guard case .bytes(let b) = node.value else { throw mismatch(node, field, "a byte string") }
        return b
    }

    func text(_ node: CBORNode, _ field: String) throws(ContentError) -> String {
        guard case .text(let s) = node.value else { throw mismatch(node, field, "a text string") }
        return s
    }

    func uint(_ node: CBORNode, _ field: String, max: UInt64, cddl: String) throws(ContentError) -> UInt64 {
        guard case .unsigned(let n) = node.value else { throw mismatch(node, field, "an unsigned integer (\(cddl))") }
        guard n <= max else { throw error(.integerRange, node, field, "\(n) does not fit \(cddl) (maximum \(max))") }
        return n
    }

    func array(_ node: CBORNode, _ field: String) throws(ContentError) -> [CBORNode] {
        guard case .array = node.value else { throw mismatch(node, field, "an array") }
        return node.children
    }

    func messageID(_ node: CBORNode, _ field: String) throws(ContentError) -> MessageID? {
        if node.value.isNull { return nil }
        guard case .bytes(let b) = node.value else { throw mismatch(node, field, "null or a MessageId (bstr .size 32)") }
        guard let id = MessageID(b) else {
            throw error(.messageIdSize, node, field, "MessageId must be 32 octets, found \(b.count)")
        }
        return id
    }
}
