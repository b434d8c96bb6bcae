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
        guard receiver != sender else { throw TreeKEMError.receiverIsSender(receiver) }
        guard tree.leaf(receiver) != nil else { throw TreeKEMError.leafNotInTree(receiver) }
        let filtered = tree.filteredDirectPath(leaf: sender)
        guard filtered.count == path.nodes.count else {
            throw TreeKEMError.pathLengthMismatch(expected: filtered.count, actual: path.nodes.count)
        }
        guard let start = filtered.firstIndex(where: { RatchetTree.isInSubtree(receiver * 2, of: $0.node) }) else {
            throw TreeKEMError.noDecryptionKey(receiver: receiver, copathChild: tree.root)
        }
        let entry = filtered[start]
        let excludedNodes = Set(excludedLeaves.map { $0 * 2 })
        let resolution = tree.resolution(entry.copathChild).filter { !excludedNodes.contains($0) }
        let ciphertexts = path.nodes[start].encryptedPathSecret
        guard ciphertexts.count == resolution.count else {
            throw TreeKEMError.ciphertextCountMismatch(node: entry.node, expected: resolution.count, actual: ciphertexts.count)
        }
        guard let position = resolution.firstIndex(where: { r in
            keys.pair(for: r).map { $0.publicKey == tree.node(r)?.encryptionKey } ?? false
        }), let pair = keys.pair(for: resolution[position]) else {
            throw TreeKEMError.noDecryptionKey(receiver: receiver, copathChild: entry.copathChild)
        }
        let ct = ciphertexts[position]
        let decrypted: [UInt8]
        do {
            decrypted = try suite.decryptWithLabel(privateKey: pair.privateKey, label: "UpdatePathNode", context: groupContext,
                                                   kemOutput: ct.kemOutput, ciphertext: ct.ciphertext)
        } catch {
            throw TreeKEMError.pathSecretDecryptionFailed(node: entry.node, reason: "\(error)")
        }

        var pathSecret = decrypted
        var privateKeys: [UInt32: NodeKeyPair] = [:]
        for i in start..<filtered.count {
            let derived = try PathSecrets.nodeKeyPair(suite, pathSecret: pathSecret)
            guard derived.publicKey == path.nodes[i].encryptionKey else {
                throw TreeKEMError.derivedKeyMismatch(node: filtered[i].node)
            }
            privateKeys[filtered[i].node] = derived
            pathSecret = try PathSecrets.next(suite, pathSecret: pathSecret)
        }
        return UpdatePathDecryption(pathSecret: decrypted, commitSecret: pathSecret, privateKeys: privateKeys)
    }
}
