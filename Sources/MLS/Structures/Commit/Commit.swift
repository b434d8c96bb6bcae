import TLSCodec

/// `Commit` (RFC 9420 §12.4): the proposals the committer applies, by value or reference, and an optional UpdatePath.
public struct Commit: Hashable, Sendable, TLSCodable {
    public var proposals: [ProposalOrRef]
    public var path: UpdatePath?

    public init(proposals: [ProposalOrRef], path: UpdatePath?) {
        self.proposals = proposals
        self.path = path
    }

    public init(from reader: inout TLSReader) throws {
        proposals = try reader.readList("proposals") { try ProposalOrRef(from: &$0) }
        path = try reader.readOptional("path") { try UpdatePath(from: &$0) }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeList(proposals)
        writer.writeOptional(path) { w, p in w.write(p) }
    }
}
