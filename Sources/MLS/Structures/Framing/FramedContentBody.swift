import TLSCodec

/// The `select (content_type)` body shared by FramedContent and PrivateMessageContent (RFC 9420 §6, §6.3.1):
/// application data, a Proposal or a Commit.
public enum FramedContentBody: Hashable, Sendable {
    case application([UInt8])
    case proposal(Proposal)
    case commit(Commit)

    public var contentType: ContentType {
        switch self {
        case .application: .application
        case .proposal: .proposal
        case .commit: .commit
        }
    }

    /// Decodes the body of the given content type.
    init(from reader: inout TLSReader, contentType: ContentType) throws {
        switch contentType {
        case .application: self = .application(try reader.readOpaque("application_data"))
        case .proposal: self = .proposal(try reader.read(Proposal.self, "proposal"))
        case .commit: self = .commit(try reader.read(Commit.self, "commit"))
        }
    }

    /// Writes the body without its content type.
    func encode(to writer: inout TLSWriter) {
        switch self {
        case .application(let data): writer.writeOpaque(data)
        case .proposal(let p): writer.write(p)
        case .commit(let c): writer.write(c)
        }
    }
}
