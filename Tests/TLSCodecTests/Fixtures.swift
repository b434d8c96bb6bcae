import TLSCodec

/// `struct { uint16 tag; opaque data<V>; } Inner;`
struct Inner: TLSCodable, Equatable {
    var tag: UInt16
    var data: [UInt8]

    init(tag: UInt16, data: [UInt8]) {
        self.tag = tag
        self.data = data
    }

    init(from r: inout TLSReader) throws {
        tag = try r.readUInt16("tag")
        data = try r.readOpaque("data")
    }

    func encode(to w: inout TLSWriter) {
        w.writeUInt16(tag)
        w.writeOpaque(data)
    }
}

/// A structure with every kind of field: `uint8 version; uint32 id; opaque name<V>; Inner items<V>;
/// optional<Inner> extra; uint64 counter;`
struct Sample: TLSCodable, Equatable {
    var version: UInt8
    var id: UInt32
    var name: [UInt8]
    var items: [Inner]
    var extra: Inner?
    var counter: UInt64

    init(version: UInt8, id: UInt32, name: [UInt8], items: [Inner], extra: Inner?, counter: UInt64) {
        self.version = version
        self.id = id
        self.name = name
        self.items = items
        self.extra = extra
        self.counter = counter
    }

    init(from r: inout TLSReader) throws {
        version = try r.readUInt8("version")
        id = try r.readUInt32("id")
        name = try r.readOpaque("name")
        items = try r.readList("items") { try Inner(from: &$0) }
        extra = try r.readOptional("extra") { try Inner(from: &$0) }
        counter = try r.readUInt64("counter")
    }

    func encode(to w: inout TLSWriter) {
        w.writeUInt8(version)
        w.writeUInt32(id)
        w.writeOpaque(name)
        w.writeList(items)
        w.writeOptional(extra) { w, v in w.write(v) }
        w.writeUInt64(counter)
    }

    /// The sample every strictness test mutates. Its 31-byte layout:
    ///
    ///     0      version                 1..4   id
    ///     5      name length (3)         6..8   name
    ///     9      items length (8)        10..11 items[0].tag  12 items[0].data length (2)  13..14 data
    ///                                    15..16 items[1].tag  17 items[1].data length (0)
    ///     18     extra presence (1)      19..20 extra.tag     21 extra.data length (1)     22 data
    ///     23..30 counter
    static let example = Sample(version: 1, id: 0x0102_0304, name: Array("abc".utf8),
                                items: [Inner(tag: 0x0a0a, data: [0xde, 0xad]), Inner(tag: 7, data: [])],
                                extra: Inner(tag: 0xffff, data: [0x42]), counter: 0x0102_0304_0506_0708)
}

/// `struct { Inner wrapped<V>; }`: a vector holding exactly one structure, so bytes after it are trailing bytes.
struct Wrapper: TLSDecodable {
    var wrapped: Inner

    init(from r: inout TLSReader) throws {
        wrapped = try r.readVector("wrapped") { try Inner(from: &$0) }
    }
}

/// `struct { optional<Nested> child; }`: recursion through optionals, for the depth limit.
struct Nested: TLSDecodable {
    var depth: Int

    init(from r: inout TLSReader) throws {
        let child = try r.readOptional("child") { try Nested(from: &$0) }
        depth = (child?.depth ?? -1) + 1
    }
}

/// `struct { Tree children<V>; }`: recursion through vectors, for the depth limit.
struct Tree: TLSDecodable {
    var children: [Tree]

    init(from r: inout TLSReader) throws {
        children = try r.readList("children") { try Tree(from: &$0) }
    }
}

/// Decodes `bytes` as `T` and returns the error it must throw.
func decodeError<T: TLSDecodable>(_ type: T.Type, _ bytes: [UInt8], limits: TLSLimits = .default) -> TLSCodecError? {
    do {
        _ = try T(tlsDecoding: bytes, limits: limits)
        return nil
    } catch let e as TLSCodecError {
        return e
    } catch {
        return nil
    }
}
