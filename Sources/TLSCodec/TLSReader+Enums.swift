/// Enumerations and `uint16` lists (RFC 9420 §2.1, RFC 8446 §3.5, §3.8), shared by every structure decoded with
/// a ``TLSReader``: the MLS structures and the MIMI protocol's.
extension TLSReader {
    /// Reads a one-octet enumeration whose unknown values the structure does not allow; any other value is an
    /// ``TLSCodecError/Code/invalidValue`` error naming the field, its offset and `rule`.
    public mutating func readEnum8<E: RawRepresentable>(_ type: E.Type, _ field: String, rule: String) throws -> E
    where E.RawValue == UInt8 {
        try readEnum(type, field, rule: rule) { try $0.readUInt8(field) }
    }

    /// Reads a two-octet enumeration whose unknown values the structure does not allow.
    public mutating func readEnum16<E: RawRepresentable>(_ type: E.Type, _ field: String, rule: String) throws -> E
    where E.RawValue == UInt16 {
        try readEnum(type, field, rule: rule) { try $0.readUInt16(field) }
    }

    private mutating func readEnum<E: RawRepresentable>(_ type: E.Type, _ field: String, rule: String,
                                                        _ readRaw: (inout TLSReader) throws -> E.RawValue) throws -> E {
        let start = offset
        let raw = try readRaw(&self)
        guard let value = E(rawValue: raw) else {
            throw error(.invalidValue, field, "value \(raw) is not allowed: \(rule)", at: start)
        }
        return value
    }

    /// Reads `uint16 field<V>`.
    public mutating func readUInt16List(_ field: String) throws -> [UInt16] {
        try readList(field) { try $0.readUInt16("") }
    }
}

extension TLSWriter {
    /// Writes `uint16 field<V>`.
    public mutating func writeUInt16List(_ values: [UInt16]) {
        writeList(values) { w, v in w.writeUInt16(v) }
    }
}
