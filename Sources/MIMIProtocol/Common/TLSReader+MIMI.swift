import TLSCodec

extension TLSReader {
    /// Reads `opaque field<V>` whose contents must be UTF-8 (MIMI `string`, URIs, names).
    mutating func readUTF8(_ field: String) throws -> String {
        let start = offset
        let bytes = try readOpaque(field)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw error(.invalidValue, field, "contents are not valid UTF-8", at: start)
        }
        return text
    }

    /// Reads a TLS `bool` (room-policy-03 §"Common data structures": `enum { false(0), true(1) } bool`).
    mutating func readBool(_ field: String) throws -> Bool {
        let start = offset
        let raw = try readUInt8(field)
        switch raw {
        case 0: return false
        case 1: return true
        default: throw error(.invalidValue, field, "bool must be 0 or 1, found \(raw)", at: start)
        }
    }

    /// Reads `uint32 field<V>`.
    mutating func readUInt32List(_ field: String) throws -> [UInt32] {
        try readList(field) { try $0.readUInt32("") }
    }

    /// Reads `T field<V>` of a ``TLSDecodable`` element type.
    mutating func readList<T: TLSDecodable>(_ type: T.Type, _ field: String) throws -> [T] {
        try readList(field) { try T(from: &$0) }
    }

    /// Reads `optional<T>` of a ``TLSDecodable`` type.
    mutating func readOptional<T: TLSDecodable>(_ type: T.Type, _ field: String) throws -> T? {
        try readOptional(field) { try T(from: &$0) }
    }

    /// Throws `invalidValue` at `position` unless `condition` holds.
    func require(_ condition: Bool, _ field: String, _ rule: String, at position: Int) throws {
        if !condition { throw error(.invalidValue, field, rule, at: position) }
    }
}

extension TLSWriter {
    mutating func writeUTF8(_ text: String) { writeOpaque(Array(text.utf8)) }
    mutating func writeBool(_ value: Bool) { writeUInt8(value ? 1 : 0) }
    mutating func writeUInt32List(_ values: [UInt32]) { writeList(values) { w, v in w.writeUInt32(v) } }
    mutating func writeOptional<T: TLSEncodable>(_ value: T?) { writeOptional(value) { w, v in v.encode(to: &w) } }
}
