import TLSCodec

/// `KeyPackageTBS` (RFC 9420 §10): a KeyPackage without its signature, the content the signature covers.
public struct KeyPackageTBS: Hashable, Sendable, TLSEncodable {
    public var keyPackage: KeyPackage
    public init(keyPackage: KeyPackage) { self.keyPackage = keyPackage }
    public func encode(to writer: inout TLSWriter) { keyPackage.encodeContent(to: &writer) }
}
