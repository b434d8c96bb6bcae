import MLS
import MLSCrypto
import TLSCodec

/// The KeyPackages a provider holds for its own users' clients and hands out through /keyMaterial
/// (draft-ietf-mimi-protocol-06 §5.1).
///
/// Rules it enforces:
/// - no KeyPackage appears in more than one response: a claimed package leaves the store, and a package once
///   issued can never be published again;
/// - an expired KeyPackage (`leaf_node.lifetime.not_after` in the past) is never returned; one not yet valid is
///   skipped too (RFC 9420 §7.2 lifetime);
/// - only packages of an acceptable cipher suite whose leaf supports every required capability are offered;
/// - the provider remembers KeyPackageRef → client for every package it issued, so a Welcome can be delivered.
public struct KeyPackageStore: Sendable {
    /// One stored package and the client it belongs to.
    public struct Entry: Sendable, Hashable {
        public var client: String
        public var keyPackage: KeyPackage
        public var reference: [UInt8]
    }

    /// Why publishing a package failed.
    public enum PublishError: Error, Hashable, Sendable, CustomStringConvertible {
        case unknownCipherSuite(UInt16)
        case alreadyIssued(client: String)
        case duplicate(client: String)

        public var description: String {
            switch self {
            case .unknownCipherSuite(let id): "KeyPackage cipher suite \(id) is not supported"
            case .alreadyIssued(let c): "a KeyPackage of \(c) was already issued once and cannot be offered again (draft-ietf-mimi-protocol-06 §5.1)"
            case .duplicate(let c): "this KeyPackage of \(c) is already stored"
            }
        }
    }

    /// What a claim yields for one client (the ClientKeyMaterial codes of §5.1).
    public enum ClientOutcome: Sendable, Hashable {
        case success(Entry)
        case keyMaterialExhausted(client: String)
        case nothingCompatible(client: String)
    }

    /// user URI → client URI → packages in publication order.
    private var byUser: [String: [String: [Entry]]] = [:]
    /// client URI → owning user URI, in registration order per user.
    private var clientOrder: [String: [String]] = [:]
    /// KeyPackageRef → client, for every package issued.
    public private(set) var issued: [[UInt8]: String] = [:]

    public init() {}

    /// Registers `client` of `user` (a client may have no packages left: it then yields keyMaterialExhausted).
    public mutating func register(client: String, of user: String) {
        if !(clientOrder[user]?.contains(client) ?? false) { clientOrder[user, default: []].append(client) }
        if byUser[user]?[client] == nil { byUser[user, default: [:]][client] = [] }
    }

    /// Publishes a KeyPackage for `client` of `user`.
    public mutating func publish(_ keyPackage: KeyPackage, client: String, of user: String) throws(PublishError) {
        guard let suite = try? CipherSuite(keyPackage.cipherSuite) else { throw .unknownCipherSuite(keyPackage.cipherSuite) }
        let ref = suite.makeKeyPackageRef(keyPackage.tlsEncoded)
        if issued[ref] != nil { throw .alreadyIssued(client: client) }
        register(client: client, of: user)
        if byUser[user]?[client]?.contains(where: { $0.reference == ref }) ?? false { throw .duplicate(client: client) }
        byUser[user, default: [:]][client, default: []].append(Entry(client: client, keyPackage: keyPackage, reference: ref))
    }

    /// Whether the provider knows `user`.
    public func knows(user: String) -> Bool { clientOrder[user] != nil }

    /// The clients of `user`, in registration order.
    public func clients(of user: String) -> [String] { clientOrder[user] ?? [] }

    /// How many unclaimed packages `client` of `user` has.
    public func available(client: String, of user: String) -> Int { byUser[user]?[client]?.count ?? 0 }

    /// Claims one package per client of `user`: the first in publication order that is valid at `nowSeconds`,
    /// of an acceptable suite and supporting `required`. Claimed packages leave the store and are remembered by
    /// KeyPackageRef. Expired packages are dropped.
    public mutating func claim(user: String, acceptableSuites: [UInt16], required: RequiredCapabilities?,
                               nowSeconds: UInt64) -> [ClientOutcome] {
        var outcomes: [ClientOutcome] = []
        for client in clientOrder[user] ?? [] {
            var entries = byUser[user]?[client] ?? []
            entries.removeAll { Self.expired($0, at: nowSeconds) }
            if entries.isEmpty {
                byUser[user]?[client] = entries
                outcomes.append(.keyMaterialExhausted(client: client))
                continue
            }
            let pick = entries.firstIndex { entry in
                let kp = entry.keyPackage
                if !acceptableSuites.contains(kp.cipherSuite) { return false }
                if !Self.current(entry, at: nowSeconds) { return false }
                return KeyPackageStore.supports(kp.leafNode.capabilities, required)
            }
            if let pick {
                let entry = entries.remove(at: pick)
                issued[entry.reference] = client
                outcomes.append(.success(entry))
            } else {
                outcomes.append(.nothingCompatible(client: client))
            }
            byUser[user]?[client] = entries
        }
        return outcomes
    }

    /// Claims the first valid package of one client (a user adding its own device, §canAddOwnClient).
    public mutating func claim(client: String, nowSeconds: UInt64) -> KeyPackage? {
        for (user, clients) in byUser {
            guard var entries = clients[client] else { continue }
            entries.removeAll { Self.expired($0, at: nowSeconds) }
            guard let pick = entries.firstIndex(where: { Self.current($0, at: nowSeconds) }) else {
                byUser[user]?[client] = entries
                return nil
            }
            let entry = entries.remove(at: pick)
            issued[entry.reference] = client
            byUser[user]?[client] = entries
            return entry.keyPackage
        }
        return nil
    }

    /// Whether the entry's lifetime ended before `now` (RFC 9420 §7.2): such a KeyPackage is never handed out again.
    /// (Written as a plain function: Swift 6.3's optimiser crashed on the same test inlined in a closure.)
    static func expired(_ entry: Entry, at now: UInt64) -> Bool {
        switch entry.keyPackage.leafNode.source {
        case .keyPackage(let lifetime): return lifetime.notAfter < now
        default: return false
        }
    }

    /// Whether `now` lies within the entry's lifetime (a KeyPackage without one is always current).
    static func current(_ entry: Entry, at now: UInt64) -> Bool {
        switch entry.keyPackage.leafNode.source {
        case .keyPackage(let lifetime): return lifetime.contains(now)
        default: return true
        }
    }

    /// The client a KeyPackageRef was issued for.
    public func client(forReference ref: [UInt8]) -> String? { issued[ref] }

    /// Whether `capabilities` cover `required` (RFC 9420 §11.1: every listed extension, proposal and credential type).
    static func supports(_ capabilities: Capabilities, _ required: RequiredCapabilities?) -> Bool {
        guard let required else { return true }
        return required.extensionTypes.allSatisfy { capabilities.supports($0) }
            && required.proposalTypes.allSatisfy { capabilities.supports($0) }
            && required.credentialTypes.allSatisfy { capabilities.supports($0) }
    }
}
