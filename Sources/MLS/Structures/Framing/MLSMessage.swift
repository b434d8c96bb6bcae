import TLSCodec

/// `MLSMessage` (RFC 9420 §6): the outer envelope of every MLS message: version `mls10`, a wire format and its body.
/// A version other than `mls10` or a wire format outside RFC 9420's five is an `invalidValue` error.
public struct MLSMessage: Hashable, Sendable, TLSCodable {
    /// The `select (wire_format)` body.
    public enum Body: Hashable, Sendable {
        case publicMessage(PublicMessage)
        case privateMessage(PrivateMessage)
        case welcome(Welcome)
        case groupInfo(GroupInfo)
        case keyPackage(KeyPackage)
    }

    public var body: Body
    public init(_ body: Body) { self.body = body }

    public var version: ProtocolVersion { .mls10 }

    public var wireFormat: WireFormat {
        switch body {
        case .publicMessage: .publicMessage
        case .privateMessage: .privateMessage
        case .welcome: .welcome
        case .groupInfo: .groupInfo
        case .keyPackage: .keyPackage
        }
    }

    public init(from reader: inout TLSReader) throws {
        let start = reader.offset
        let version = try reader.readUInt16("version")
        guard version == ProtocolVersion.mls10.rawValue else {
            throw reader.error(.invalidValue, "version", "version \(version) is not allowed: MLSMessage version must be mls10(1) (RFC 9420 §6)", at: start)
        }
        let wireFormat = try reader.readEnum16(WireFormat.self, "wire_format", rule: WireFormat.rule)
        switch wireFormat {
        case .publicMessage: body = .publicMessage(try reader.read(PublicMessage.self, "public_message"))
        case .privateMessage: body = .privateMessage(try reader.read(PrivateMessage.self, "private_message"))
        case .welcome: body = .welcome(try reader.read(Welcome.self, "welcome"))
        case .groupInfo: body = .groupInfo(try reader.read(GroupInfo.self, "group_info"))
        case .keyPackage: body = .keyPackage(try reader.read(KeyPackage.self, "key_package"))
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(version)
        writer.writeUInt16(wireFormat.rawValue)
        switch body {
        case .publicMessage(let m): writer.write(m)
        case .privateMessage(let m): writer.write(m)
        case .welcome(let m): writer.write(m)
        case .groupInfo(let m): writer.write(m)
        case .keyPackage(let m): writer.write(m)
        }
    }
}
