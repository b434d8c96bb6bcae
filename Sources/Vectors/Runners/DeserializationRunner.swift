import Results
import TLSCodec

/// Runs `deserialization.json`: each case is one variable-length vector header (RFC 9420 §2.1.2). The header must
/// decode to the given length consuming every byte, and the minimal re-encoding of the length must equal the header.
public struct DeserializationRunner: VectorRunner {
    public let name = "deserialization"
    public init() {}

    public func accepts(relativePath: String) -> Bool { MLSVectorCases.isFile(relativePath, named: "deserialization.json") }

    struct Case: Decodable {
        let vlbytesHeader: HexBytes
        let length: Int
        enum CodingKeys: String, CodingKey {
            case vlbytesHeader = "vlbytes_header"
            case length
        }
    }

    static let requirement = "RFC9420 §2.1.2"

    public func run(_ source: VectorSource) -> [CaseResult] {
        MLSVectorCases.run(source, as: Case.self, requirements: [Self.requirement]) { c, _ in
            var reader = TLSReader(c.vlbytesHeader.bytes)
            let length: Int
            do {
                length = try reader.readVarintLength("vlbytes_header")
                try reader.expectEnd()
            } catch {
                throw VectorMismatch(field: "vlbytes_header", expected: "length \(c.length)", actual: "decode error: \(error)",
                                     requirement: Self.requirement)
            }
            try VectorCase.expectEqual(length, c.length, "length", Self.requirement)
            var writer = TLSWriter()
            writer.writeVarintLength(length)
            try VectorCase.expectEqual(writer.bytes, c.vlbytesHeader.bytes, "vlbytes_header (re-encoded)", Self.requirement)
        }
    }
}
