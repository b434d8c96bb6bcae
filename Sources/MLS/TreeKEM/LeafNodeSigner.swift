import MLSCrypto
import TLSCodec

/// Signing a LeafNode (RFC 9420 §7.2): SignWithLabel(signature_key, "LeafNodeTBS", LeafNodeTBS), where the TBS binds
/// the group ID and leaf index for `update` and `commit` sources.
public enum LeafNodeSigner {
    /// Returns `leaf` with a fresh signature.
    public static func sign(_ leaf: LeafNode, suite: CipherSuite, groupID: [UInt8], leafIndex: UInt32,
                            signaturePrivateKey: [UInt8]) throws -> LeafNode {
        var out = leaf
        let tbs = LeafNodeTBS(leafNode: leaf, groupID: groupID, leafIndex: leafIndex)
        out.signature = try suite.signWithLabel(privateKey: signaturePrivateKey, label: "LeafNodeTBS", content: tbs.tlsEncoded)
        return out
    }
}
