import TLSCodec

/// `GroupInfoTBS` (RFC 9420 §12.4.3): a GroupInfo without its signature, the content the signature covers.
public struct GroupInfoTBS: Hashable, Sendable, TLSEncodable {
    public var groupInfo: GroupInfo
    public init(groupInfo: GroupInfo) { self.groupInfo = groupInfo }
    public func encode(to writer: inout TLSWriter) { groupInfo.encodeContent(to: &writer) }
}
