import TLSCodec

/// `AuthenticatedContentTBM` (RFC 9420 §6.2): the input of a PublicMessage's membership tag,
/// `MAC(membership_key, AuthenticatedContentTBM)`.
public struct AuthenticatedContentTBM: Hashable, Sendable, TLSEncodable {
    public var contentTBS: FramedContentTBS
    public var auth: FramedContentAuthData

    public init(contentTBS: FramedContentTBS, auth: FramedContentAuthData) {
        self.contentTBS = contentTBS
        self.auth = auth
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(contentTBS)
        writer.write(auth)
    }
}
