import MLSCrypto
import TLSCodec

/// One member's state of an MLS group (RFC 9420 §8, §11, §12): the GroupContext, the ratchet tree with this
/// member's private keys, the epoch secrets, the transcript hash, the secret tree and the proposals received in
/// this epoch.
///
/// Every operation that consumes a message works on a copy and replaces the state only when the message was valid
/// in full (staged commits): a rejected message leaves the state untouched. All randomness comes from the state's
/// ``DeterministicRandom``, so a run is reproducible from its seed.
public struct MLSGroup: Sendable {
    /// The group's cipher suite (§5.1).
    public let cipherSuite: CipherSuite
    /// The GroupContext of the current epoch (§8.1).
    public internal(set) var groupContext: GroupContext
    /// The public ratchet tree of the current epoch (§7).
    public internal(set) var tree: RatchetTree
    /// This member's leaf index.
    public internal(set) var myLeaf: UInt32
    /// This member's credential and signature keys.
    public internal(set) var identity: SigningIdentity
    /// Whether the group still accepts messages for this member.
    public internal(set) var status: GroupStatus = .active
    /// The PSKs this member can use (§8.4); resumption PSKs of this group are recorded each epoch (§8.6).
    public var psks: PSKStore
    /// Behaviour switches: lifetime checks, clock, handshake wire format, padding.
    public var configuration: GroupConfiguration

    var privateKeys: TreeKEMPrivateKeys
    var epochSecrets: EpochSecrets
    var interimTranscriptHash: [UInt8]
    var secretTree: SecretTree
    var pastEpochs: [PastEpoch] = []
    var proposalCache: [[UInt8]: CachedProposal] = [:]
    /// Leaf key pairs of this member's own Update proposals, by ProposalRef.
    var pendingUpdateKeys: [[UInt8]: NodeKeyPair] = [:]
    /// This member's Commit, created but not yet merged (§12.4.1).
    public internal(set) var pendingCommit: PendingCommit?
    var rng: DeterministicRandom
    /// Findings of the operations since the last ``takeFindings()``: rules that did not hold in accepted input.
    public internal(set) var findings: [MLSFinding] = []

    init(cipherSuite: CipherSuite, groupContext: GroupContext, tree: RatchetTree, myLeaf: UInt32, identity: SigningIdentity,
         psks: PSKStore, configuration: GroupConfiguration, privateKeys: TreeKEMPrivateKeys, epochSecrets: EpochSecrets,
         interimTranscriptHash: [UInt8], rng: DeterministicRandom) throws {
        self.cipherSuite = cipherSuite
        self.groupContext = groupContext
        self.tree = tree
        self.myLeaf = myLeaf
        self.identity = identity
        self.psks = psks
        self.configuration = configuration
        self.privateKeys = privateKeys
        self.epochSecrets = epochSecrets
        self.interimTranscriptHash = interimTranscriptHash
        self.rng = rng
        secretTree = try SecretTree(cipherSuite: cipherSuite, encryptionSecret: epochSecrets.encryptionSecret,
                                    leafCount: tree.leafCount, configuration: configuration.secretTree)
        self.psks.addResumption(groupID: groupContext.groupID, epoch: groupContext.epoch, psk: epochSecrets.resumptionPSK)
    }

    /// Returns the findings recorded since the last call (joining, processing, committing) and forgets them.
    public mutating func takeFindings() -> [MLSFinding] {
        defer { findings.removeAll() }
        return findings
    }

    // MARK: Read-only views

    /// The group ID.
    public var groupID: [UInt8] { groupContext.groupID }
    /// The current epoch.
    public var epoch: UInt64 { groupContext.epoch }
    /// The epoch authenticator (§8.7), which all members of an epoch share.
    public var epochAuthenticator: [UInt8] { epochSecrets.epochAuthenticator }
    /// The tree hash of the current epoch (§7.8).
    public var treeHash: [UInt8] { groupContext.treeHash }
    /// The confirmed transcript hash (§8.2).
    public var confirmedTranscriptHash: [UInt8] { groupContext.confirmedTranscriptHash }
    /// The resumption PSK of the current epoch (§8.6).
    public var resumptionPSK: [UInt8] { epochSecrets.resumptionPSK }
    /// The members: leaf index and LeafNode of each non-blank leaf.
    public var members: [(index: UInt32, leaf: LeafNode)] { tree.members }
    /// The number of members.
    public var memberCount: Int { tree.occupiedLeaves.count }
    /// The serialized GroupContext.
    var serializedContext: [UInt8] { groupContext.tlsEncoded }

    /// MLS-Exporter(label, context, length) (§8.5).
    public func export(label: String, context: [UInt8], length: Int) throws -> [UInt8] {
        try epochSecrets.export(label: label, context: context, length: length)
    }

    /// The leaf index of the member whose credential is `credential`, if any.
    public func leafIndex(of credential: Credential) -> UInt32? {
        tree.members.first { $0.leaf.credential == credential }?.index
    }

    /// The ProposalRefs cached in this epoch.
    public var cachedProposalRefs: [[UInt8]] { proposalCache.keys.sorted { $0.lexicographicallyPrecedes($1) } }

    /// Checks the invariants a member's state must keep: the stored tree hash is the tree's, and this member's leaf
    /// key matches its private key.
    public mutating func checkConsistency() -> Bool {
        tree.treeHash(suite: cipherSuite) == groupContext.treeHash
            && privateKeys.pair(for: myLeaf * 2)?.publicKey == tree.leaf(myLeaf)?.encryptionKey
    }
}

/// Whether a group still accepts messages for this member (RFC 9420 §12.1.3, §11.2).
public enum GroupStatus: Sendable, Hashable {
    case active
    /// This member was removed by a Commit.
    case removed
    /// A Commit with a ReInit ended the group (§11.2); the successor group uses these parameters.
    case reinitialized(ReInit)
}

/// A proposal received or sent in the current epoch, kept by ProposalRef until a Commit uses it (RFC 9420 §12.1).
struct CachedProposal: Sendable {
    var proposal: Proposal
    var sender: Sender
}

/// What a member keeps of a past epoch to open late application messages (RFC 9420 §9.2).
struct PastEpoch: Sendable {
    var epoch: UInt64
    var secretTree: SecretTree
    var senderDataSecret: [UInt8]
    var groupContext: [UInt8]
    var tree: RatchetTree
}

/// A Commit this member created and has not merged yet (RFC 9420 §12.4.1): the state it leads to.
public struct PendingCommit: Sendable {
    /// The Commit message as sent.
    public var message: MLSMessage
    /// The group state of the next epoch.
    var next: MLSGroupBox
}

/// Boxes a group state so ``MLSGroup`` can hold the state of its pending Commit.
final class MLSGroupBox: Sendable {
    let group: MLSGroup
    init(_ group: MLSGroup) { self.group = group }
}
