import TLSCodec

/// The room-policy-03 pattern `Optionality x; select (x) { case required/optional: T; case forbidden: struct{}; }`:
/// a setting that is forbidden, or optional/required with its parameters.
public enum OptionalSetting<Parameters: Hashable & Sendable & TLSCodable>: Hashable, Sendable, TLSCodable {
    case forbidden
    case optional(Parameters)
    case required(Parameters)

    public var optionality: Optionality {
        switch self {
        case .forbidden: .forbidden
        case .optional: .optional
        case .required: .required
        }
    }

    public var parameters: Parameters? {
        switch self {
        case .forbidden: nil
        case .optional(let p), .required(let p): p
        }
    }

    public init(from reader: inout TLSReader) throws {
        switch try reader.read(Optionality.self, "optionality") {
        case .forbidden: self = .forbidden
        case .optional: self = .optional(try reader.read(Parameters.self, "parameters"))
        case .required: self = .required(try reader.read(Parameters.self, "parameters"))
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(optionality)
        if let parameters { writer.write(parameters) }
    }
}

/// `DomainName` (room-policy-03 §"Common data structures"): `struct { opaque domain<V>; }`, UTF-8.
public struct DomainName: Hashable, Sendable, TLSCodable, ExpressibleByStringLiteral {
    public var domain: String
    public init(_ domain: String) { self.domain = domain }
    public init(stringLiteral value: String) { domain = value }
    public init(from reader: inout TLSReader) throws { domain = try reader.readUTF8("domain") }
    public func encode(to writer: inout TLSWriter) { writer.writeUTF8(domain) }
}
