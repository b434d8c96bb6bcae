import MLSCrypto

/// What a receiver learns from an UpdatePath (RFC 9420 §12.4.2).
public struct UpdatePathDecryption: Sendable {
    /// The path secret the receiver decrypted (at the lowest node of the filtered direct path above it).
    public var pathSecret: [UInt8]
    /// commit_secret = DeriveSecret(path_secret of the root, "path").
    public var commitSecret: [UInt8]
    /// The private keys of the nodes from the decrypted node up to the root.
    public var privateKeys: [UInt32: NodeKeyPair]
}

/// Decrypting an UpdatePath as a receiver (RFC 9420 §7.6, §12.4.2).
public enum UpdatePathDecryptor {
    /// Finds the lowest node of `sender`'s filtered direct path above `receiver`, decrypts its path secret with a
    /// private key the receiver holds for a node of the copath child's resolution (minus `excludedLeaves`), derives
    /// the path secrets up to the root, checks every derived public key against the UpdatePath, and returns the
    /// commit secret. `tree` is the tree with the path merged (copath resolutions do not change by merging), and
    /// `groupContext` the serialized provisional GroupContext.
    public static func decrypt(_ path: UpdatePath, from sender: UInt32, tree: RatchetTree, receiver: UInt32,
                               keys: TreeKEMPrivateKeys, excludedLeaves: Set<UInt32>, groupContext: [UInt8],
                               suite: CipherSuite) throws -> UpdatePathDecryption {
        guard receiver != sender else { throw MLSError(.ownMessage, "leaf \(receiver) sent the UpdatePath and does not decrypt it") }
        guard tree.leaf(receiver) != nil else { throw MLSError(.ownLeafNotFound, "the receiver's leaf \(receiver) is blank") }
        let filtered = tree.filteredDirectPath(leaf: sender)
        guard filtered.count == path.nodes.count else {
            throw MLSError(.updatePathLength, "the UpdatePath has \(path.nodes.count) nodes; the filtered direct path of leaf "
                           + "\(sender) has \(filtered.count)", field: "UpdatePath.nodes")
        }
        guard let start = filtered.firstIndex(where: { RatchetTree.isInSubtree(receiver * 2, of: $0.node) }) else {
            throw MLSError(.noDecryptionKey, "no node of the filtered direct path of leaf \(sender) is above leaf \(receiver)")
        }
        let entry = filtered[start]
        let excludedNodes = Set(excludedLeaves.map { $0 * 2 })
        let resolution = tree.resolution(entry.copathChild).filter { !excludedNodes.contains($0) }
        let ciphertexts = path.nodes[start].encryptedPathSecret
        guard ciphertexts.count == resolution.count else {
            throw MLSError(.updatePathCiphertextCount, "the UpdatePathNode for node \(entry.node) has \(ciphertexts.count) "
                           + "encrypted path secrets; the copath resolution has \(resolution.count) nodes", field: "UpdatePath.nodes[\(start)]")
        }
        guard let position = resolution.firstIndex(where: { r in
            keys.pair(for: r).map { $0.publicKey == tree.node(r)?.encryptionKey } ?? false
        }), let pair = keys.pair(for: resolution[position]) else {
            throw MLSError(.noDecryptionKey, "leaf \(receiver) holds no private key in the resolution of node \(entry.copathChild)")
        }
        let ct = ciphertexts[position]
        let decrypted: [UInt8]
        do {
            decrypted = try suite.decryptWithLabel(privateKey: pair.privateKey, label: "UpdatePathNode", context: groupContext,
                                                   kemOutput: ct.kemOutput, ciphertext: ct.ciphertext)
        } catch {
            throw MLSError(.pathSecretDecryption, "decrypting the path secret for node \(entry.node) failed: \(error)")
        }

        var pathSecret = decrypted
        var privateKeys: [UInt32: NodeKeyPair] = [:]
        for i in start..<filtered.count {
            let derived = try PathSecrets.nodeKeyPair(suite, pathSecret: pathSecret)
            guard derived.publicKey == path.nodes[i].encryptionKey else {
                throw MLSError(.derivedKeyMismatch, "the key derived for node \(filtered[i].node) differs from the UpdatePath's encryption_key")
            }
            privateKeys[filtered[i].node] = derived
            pathSecret = try PathSecrets.next(suite, pathSecret: pathSecret)
        }
        return UpdatePathDecryption(pathSecret: decrypted, commitSecret: pathSecret, privateKeys: privateKeys)
    }
}
