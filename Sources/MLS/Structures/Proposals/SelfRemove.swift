import TLSCodec

/// `SelfRemove` proposal body (draft-ietf-mls-extensions §6.3 "SelfRemove Proposal", proposal type `self_remove`,
/// 0x000a suggested): `struct {} SelfRemove;`, an empty body. In a `Proposal` nothing follows `proposal_type`.
/// The leaf removed is the proposal's sender's; it is committed only by reference and needs an UpdatePath.
public struct SelfRemove: Hashable, Sendable, TLSCodable {
    public init() {}
    public init(from reader: inout TLSReader) throws {}
    public func encode(to writer: inout TLSWriter) {}
}
