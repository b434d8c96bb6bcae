/// Strict CBOR decoder (RFC 8949 §3 well-formedness, §5.3 validity, §4.2.1 deterministic encoding).
///
/// It never traps on input: every length is checked against what remains, nesting is bounded, and each problem is
/// reported as a ``CBORError`` naming the rule and the byte offset. Exactly one top-level item must fill the input.
public enum CBORDecoder {
    /// Decodes one item that must fill `bytes`.
    public static func decode(_ bytes: [UInt8], options: CBORDecodingOptions = .strict) throws(CBORError) -> CBOR {
        try decodeNode(bytes, options: options).value
    }

    /// Decodes one item that must fill `bytes`, keeping byte offsets and any tolerated departures.
    public static func decodeNode(_ bytes: [UInt8], options: CBORDecodingOptions = .strict) throws(CBORError) -> CBORDecodeResult {
        guard bytes.count <= options.maxInputSize else {
            throw CBORError(.inputTooLarge, at: 0, "input of \(bytes.count) bytes exceeds the limit of \(options.maxInputSize)")
        }
        var reader = Reader(bytes: bytes, options: options)
        let node = try reader.readNode(depth: 1)
        guard reader.offset == bytes.count else {
            throw CBORError(.trailingBytes, at: reader.offset,
                            "\(bytes.count - reader.offset) byte(s) follow the top-level item")
        }
        return CBORDecodeResult(node: node, relaxations: reader.relaxations)
    }
}

/// The head of a data item: major type, additional information and argument (RFC 8949 §3).
struct CBORHead {
    let major: UInt8
    let additional: UInt8
    let argument: UInt64
    let offset: Int
    var isIndefinite: Bool { additional == 31 }
}

struct Reader {
    let bytes: [UInt8]
    let options: CBORDecodingOptions
    var offset = 0
    var relaxations: [CBORError] = []

    init(bytes: [UInt8], options: CBORDecodingOptions) {
        self.bytes = bytes
        self.options = options
    }

    var remaining: Int { bytes.count - offset }

    /// A departure from deterministic encoding: fatal in deterministic mode, recorded otherwise.
    mutating func nonDeterministic(_ e: CBORError) throws(CBORError) {
        if options.deterministic { throw e }
        relaxations.append(e)
    }

    mutating func readHead() throws(CBORError) -> CBORHead {
        let start = offset
        guard offset < bytes.count else { throw CBORError(.truncated, at: start, "input ends where a data item should start") }
        let initial = bytes[offset]
        offset += 1
        let major = initial >> 5
        let ai = initial & 0x1f
        var argument: UInt64 = 0
        switch ai {
        case 0...23:
            argument = UInt64(ai)
        case 24, 25, 26, 27:
            let n = 1 << Int(ai - 24)
            guard remaining >= n else {
                throw CBORError(.truncated, at: start, "head needs \(n) argument byte(s), \(remaining) left")
            }
            for i in 0..<n { argument = argument << 8 | UInt64(bytes[offset + i]) }
            offset += n
            // Floats (major 7, ai 25-27) are checked for shortest form by value, not here.
            if major != 7 {
                let minimal: Bool
                switch ai {
                case 24: minimal = argument >= 24
                case 25: minimal = argument > 0xff
                case 26: minimal = argument > 0xffff
                default: minimal = argument > 0xffff_ffff
                }
                if !minimal {
                    try nonDeterministic(CBORError(.nonShortestArgument, at: start,
                        "argument \(argument) of major type \(major) uses \(n) byte(s); a shorter head encodes it"))
                }
            }
        case 28, 29, 30:
            throw CBORError(.reservedAdditionalInfo, at: start, "additional information \(ai) is reserved")
        default: // 31
            switch major {
            case 0, 1, 6:
                throw CBORError(.reservedAdditionalInfo, at: start, "additional information 31 is not allowed for major type \(major)")
            case 7:
                throw CBORError(.unexpectedBreak, at: start, "break stop code outside an indefinite-length item")
            default:
                break
            }
        }
        return CBORHead(major: major, additional: ai, argument: argument, offset: start)
    }

    mutating func readNode(depth: Int) throws(CBORError) -> CBORNode {
        let head = try readHead()
        switch head.major {
        case 0:
            return CBORNode(offset: head.offset, end: offset, value: .unsigned(head.argument))
        case 1:
            return CBORNode(offset: head.offset, end: offset, value: .negative(head.argument))
        case 2:
            let b = try readStringPayload(head)
            return CBORNode(offset: head.offset, end: offset, value: .bytes(b))
        case 3:
            let b = try readStringPayload(head)
            return CBORNode(offset: head.offset, end: offset, value: .text(String(decoding: b, as: UTF8.self)))
        case 4:
            try checkDepth(depth, head)
            var children: [CBORNode] = []
            if head.isIndefinite {
                try nonDeterministic(CBORError(.indefiniteLength, at: head.offset, "indefinite-length array"))
                while try !consumeBreak() { children.append(try readNode(depth: depth + 1)) }
            } else {
                let count = try checkedCount(head, bytesPerElement: 1)
                children.reserveCapacity(count)
                for _ in 0..<count { children.append(try readNode(depth: depth + 1)) }
            }
            return CBORNode(offset: head.offset, end: offset, value: .array(children.map(\.value)), children: children)
        case 5:
            try checkDepth(depth, head)
            return try readMap(head, depth: depth)
        case 6:
            try checkDepth(depth, head)
            let content = try readNode(depth: depth + 1)
            try checkTag(head, content)
            return CBORNode(offset: head.offset, end: offset, value: .tagged(head.argument, content.value), children: [content])
        default:
            return CBORNode(offset: head.offset, end: offset, value: try simpleOrFloat(head))
        }
    }

    mutating func checkDepth(_ depth: Int, _ head: CBORHead) throws(CBORError) {
        guard depth <= options.maxDepth else {
            throw CBORError(.depthExceeded, at: head.offset, "nesting depth \(depth) exceeds the limit of \(options.maxDepth)")
        }
    }

    func checkedCount(_ head: CBORHead, bytesPerElement: UInt64) throws(CBORError) -> Int {
        let (need, overflow) = head.argument.multipliedReportingOverflow(by: bytesPerElement)
        guard !overflow, need <= UInt64(remaining) else {
            throw CBORError(.lengthExceedsInput, at: head.offset,
                            "declares \(head.argument) element(s) but only \(remaining) byte(s) remain")
        }
        return Int(head.argument)
    }

    mutating func consumeBreak() throws(CBORError) -> Bool {
        guard offset < bytes.count else {
            throw CBORError(.truncated, at: offset, "input ends inside an indefinite-length item")
        }
        if bytes[offset] == 0xff {
            offset += 1
            return true
        }
        return false
    }

    mutating func readStringPayload(_ head: CBORHead) throws(CBORError) -> [UInt8] {
        var out: [UInt8]
        if head.isIndefinite {
            try nonDeterministic(CBORError(.indefiniteLength, at: head.offset, "indefinite-length string"))
            out = []
            while try !consumeBreak() {
                let chunk = try readHead()
                guard chunk.major == head.major, !chunk.isIndefinite else {
                    throw CBORError(.invalidTagContent, at: chunk.offset,
                                    "chunk of an indefinite-length string must be a definite string of the same major type")
                }
                out += try readDefinitePayload(chunk)
            }
        } else {
            out = try readDefinitePayload(head)
        }
        return out
    }

    mutating func readDefinitePayload(_ head: CBORHead) throws(CBORError) -> [UInt8] {
        guard head.argument <= UInt64(remaining) else {
            throw CBORError(.lengthExceedsInput, at: head.offset,
                            "string declares \(head.argument) byte(s) but only \(remaining) remain")
        }
        let n = Int(head.argument)
        let slice = bytes[offset..<(offset + n)]
        if head.major == 3, let bad = UTF8Validation.firstInvalidIndex(slice) {
            throw CBORError(.invalidUTF8, at: offset + bad, "text string (item at byte \(head.offset)) is not valid UTF-8")
        }
        offset += n
        return Array(slice)
    }

    mutating func readMap(_ head: CBORHead, depth: Int) throws(CBORError) -> CBORNode {
        var children: [CBORNode] = []
        var entries: [CBORMapEntry] = []
        var previousKey: ArraySlice<UInt8>? = nil
        var seen = Set<ArraySlice<UInt8>>()
        func readEntry(_ r: inout Reader) throws(CBORError) {
            let key = try r.readNode(depth: depth + 1)
            let keyBytes = r.bytes[key.offset..<key.end]
            // Compare the canonical encoding of keys: in deterministic mode this is the key's own bytes.
            let canonical = r.options.deterministic ? keyBytes : ArraySlice(CBOREncoder().encode(key.value))
            if seen.contains(canonical) {
                throw CBORError(.duplicateMapKey, at: key.offset, "map key \(key.value.diagnostic) appears twice")
            }
            if let previousKey, !previousKey.lexicographicallyPrecedes(canonical) {
                try r.nonDeterministic(CBORError(.unsortedMapKeys, at: key.offset,
                    "map key \(key.value.diagnostic) sorts before the preceding key in bytewise order of encodings"))
            }
            seen.insert(canonical)
            previousKey = canonical
            let value = try r.readNode(depth: depth + 1)
            children.append(key)
            children.append(value)
            entries.append(CBORMapEntry(key: key.value, value: value.value))
        }
        if head.isIndefinite {
            try nonDeterministic(CBORError(.indefiniteLength, at: head.offset, "indefinite-length map"))
            while try !consumeBreak() { try readEntry(&self) }
        } else {
            let count = try checkedCount(head, bytesPerElement: 2)
            for _ in 0..<count { try readEntry(&self) }
        }
        return CBORNode(offset: head.offset, end: offset, value: .map(entries), children: children)
    }

    mutating func checkTag(_ head: CBORHead, _ content: CBORNode) throws(CBORError) {
        switch head.argument {
        case 2, 3:
            guard case .bytes(let b) = content.value else {
                throw CBORError(.invalidTagContent, at: content.offset, "tag \(head.argument) (bignum) needs a byte string, found \(content.value.typeName)")
            }
            if b.count <= 8 || b.first == 0 {
                try nonDeterministic(CBORError(.bignumNotReduced, at: head.offset,
                    "bignum of \(b.count) byte(s)\(b.first == 0 ? " with a leading zero" : "") must be a plain integer or have no leading zeros"))
            }
        case 0, 32:
            guard case .text = content.value else {
                throw CBORError(.invalidTagContent, at: content.offset, "tag \(head.argument) needs a text string, found \(content.value.typeName)")
            }
        case 1:
            switch content.value {
            case .unsigned, .negative, .float: break
            default:
                throw CBORError(.invalidTagContent, at: content.offset, "tag 1 (epoch time) needs a number, found \(content.value.typeName)")
            }
        default:
            break
        }
    }

    func hex16(_ v: UInt16) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(v >> 12)], digits[Int(v >> 8 & 0xf)], digits[Int(v >> 4 & 0xf)], digits[Int(v & 0xf)]])
    }

    mutating func simpleOrFloat(_ head: CBORHead) throws(CBORError) -> CBOR {
        switch head.additional {
        case 20: return .bool(false)
        case 21: return .bool(true)
        case 22: return .null
        case 23: return .undefined
        case 0...19: return .simple(UInt8(head.additional))
        case 24:
            guard head.argument >= 32 else {
                throw CBORError(.invalidSimpleValue, at: head.offset, "two-byte simple value \(head.argument) must be at least 32")
            }
            return .simple(UInt8(head.argument))
        case 25:
            let bits = UInt16(truncatingIfNeeded: head.argument)
            let v = HalfFloat.toDouble(bits)
            if v.isNaN && bits != 0x7e00 {
                try nonDeterministic(CBORError(.nonCanonicalNaN, at: head.offset, "NaN 0xf9\(hex16(bits)) is not the canonical 0xf97e00"))
            }
            return .float(CBORFloat(v))
        case 26:
            let f = Float(bitPattern: UInt32(truncatingIfNeeded: head.argument))
            let v = Double(f)
            if f.isNaN {
                try nonDeterministic(CBORError(.nonCanonicalNaN, at: head.offset, "single-precision NaN; only 0xf97e00 is allowed"))
            } else if HalfFloat.exactBits(v) != nil {
                try nonDeterministic(CBORError(.nonShortestFloat, at: head.offset, "single-precision \(v) fits half precision exactly"))
            }
            return .float(CBORFloat(v))
        default: // 27
            let v = Double(bitPattern: head.argument)
            if v.isNaN {
                try nonDeterministic(CBORError(.nonCanonicalNaN, at: head.offset, "double-precision NaN; only 0xf97e00 is allowed"))
            } else if HalfFloat.exactBits(v) != nil || HalfFloat.exactSingle(v) != nil {
                try nonDeterministic(CBORError(.nonShortestFloat, at: head.offset, "double-precision \(v) fits a shorter float exactly"))
            }
            return .float(CBORFloat(v))
        }
    }
}
