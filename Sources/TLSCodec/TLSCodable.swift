/// A structure with a TLS presentation language encoding (RFC 9420 §2.1).
public protocol TLSEncodable {
    func encode(to writer: inout TLSWriter)
}

/// A structure decoded strictly from TLS presentation language bytes (RFC 9420 §2.1).
public protocol TLSDecodable {
    init(from reader: inout TLSReader) throws
}

/// A structure with both directions of its TLS presentation language encoding (RFC 9420 §2.1).
public typealias TLSCodable = TLSEncodable & TLSDecodable

extension TLSEncodable {
    /// The encoding of this value.
    public var tlsEncoded: [UInt8] {
        var w = TLSWriter()
        encode(to: &w)
        return w.bytes
    }
}

extension TLSDecodable {
    /// Decodes a whole input as one value; trailing bytes are an error.
    public init(tlsDecoding bytes: [UInt8], limits: TLSLimits = .default) throws {
        var r = TLSReader(bytes, limits: limits)
        self = try r.field(String(describing: Self.self)) { try Self(from: &$0) }
        try r.expectEnd()
    }
}
