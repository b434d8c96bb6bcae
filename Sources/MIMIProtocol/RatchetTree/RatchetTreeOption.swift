import MLS
import TLSCodec

/// `RatchetTreeRepresentation` (draft-mahy-mls-ratchet-tree-options-03).
public enum RatchetTreeRepresentation: UInt8, Hashable, Sendable, CaseIterable {
    case full = 1
    case httpsUri = 2
    case outOfBand = 3
    case distributionService = 4
}

/// `RatchetTreeOption` (draft-mahy-mls-ratchet-tree-options-03, used by draft-ietf-mimi-protocol-06 §"Update Room
/// State" and §"Fanout"): how a joiner gets the ratchet tree.
///
/// The draft writes `Node ratchet_tree<V>` for `full`; a tree with blank nodes needs RFC 9420's
/// `optional<Node> ratchet_tree<V>` (§12.4.3.3), which is what this type reads and writes
/// (docs/protocol-choices.md).
public enum RatchetTreeOption: Hashable, Sendable, TLSCodable {
    /// The whole tree, RFC 9420 `ratchet_tree` extension encoding (nil = blank node).
    case full(ratchetTree: [Node?])
    /// A URL to fetch it from, and the signature over it.
    case httpsUri(ratchetTreeURL: [UInt8], treeSignature: [UInt8])
    /// Obtained out of band; only the signature is given.
    case outOfBand(treeSignature: [UInt8])
    /// The distribution service (the hub) rebuilds it.
    case distributionService

    public var representation: RatchetTreeRepresentation {
        switch self {
        case .full: .full
        case .httpsUri: .httpsUri
        case .outOfBand: .outOfBand
        case .distributionService: .distributionService
        }
    }

    public init(from reader: inout TLSReader) throws {
        let rep = try reader.readEnum8(RatchetTreeRepresentation.self, "representation",
                                       rule: "RatchetTreeRepresentation must be full(1), httpsUri(2), outOfBand(3) or distributionService(4) (draft-mahy-mls-ratchet-tree-options-03)")
        switch rep {
        case .full:
            self = .full(ratchetTree: try reader.readList("ratchet_tree") { r in
                try r.readOptional("node") { try Node(from: &$0) }
            })
        case .httpsUri:
            let url = try reader.readOpaque("ratchet_tree_url")
            self = .httpsUri(ratchetTreeURL: url, treeSignature: try reader.readOpaque("tree_signature"))
        case .outOfBand:
            self = .outOfBand(treeSignature: try reader.readOpaque("tree_signature"))
        case .distributionService:
            self = .distributionService
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(representation.rawValue)
        switch self {
        case .full(let nodes):
            writer.writeList(nodes) { w, node in w.writeOptional(node) { w, n in w.write(n) } }
        case .httpsUri(let url, let signature):
            writer.writeOpaque(url)
            writer.writeOpaque(signature)
        case .outOfBand(let signature):
            writer.writeOpaque(signature)
        case .distributionService:
            break
        }
    }
}

/// `RatchetTreePresence` (draft-mahy-mls-ratchet-tree-options-03).
public enum RatchetTreePresence: UInt8, Hashable, Sendable, CaseIterable {
    case noRatchetTree = 0
    case present = 1
    case removed = 2
    case added = 3
}

/// `PartialGroupInfo` (draft-mahy-mls-ratchet-tree-options-03): what a committer sends so the hub can rebuild the
/// GroupInfo from the public handshake: its extensions other than `ratchet_tree`, and the signature.
public struct PartialGroupInfo: Hashable, Sendable, TLSCodable {
    public var ratchetTreePresence: RatchetTreePresence
    public var groupInfoExtensions: [Extension]
    public var signature: [UInt8]

    public init(ratchetTreePresence: RatchetTreePresence, groupInfoExtensions: [Extension], signature: [UInt8]) {
        self.ratchetTreePresence = ratchetTreePresence
        self.groupInfoExtensions = groupInfoExtensions
        self.signature = signature
    }

    public init(from reader: inout TLSReader) throws {
        ratchetTreePresence = try reader.readEnum8(RatchetTreePresence.self, "ratchet_tree_presence",
                                                   rule: "RatchetTreePresence must be 0..3 (draft-mahy-mls-ratchet-tree-options-03)")
        groupInfoExtensions = try reader.readList(Extension.self, "group_info_extensions")
        signature = try reader.readOpaque("signature")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(ratchetTreePresence.rawValue)
        writer.writeList(groupInfoExtensions)
        writer.writeOpaque(signature)
    }
}
