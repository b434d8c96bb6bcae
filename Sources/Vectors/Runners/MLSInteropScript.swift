import Foundation
import MLS

/// A proposal described in a config rather than sent (the runner's `ProposalDescription`, mls-interop-harness.md §3):
/// a committer builds it by value, or an external signer builds and signs it.
struct MLSInteropProposalDescription: Sendable {
    enum Kind: Sendable {
        case add(keyPackage: Int)
        case remove(identity: String)
        case externalPSK(pskID: Int)
        case resumptionPSK(epoch: UInt64)
        case groupContextExtensions([Extension])
        case reinit(changeGroupID: Bool, changeCipherSuite: Bool, extensions: [Extension])
    }
    let kind: Kind
}

/// What a commit step asks for (the runner's `CommitRequest`).
struct MLSInteropCommitSpec: Sendable {
    var byReference: [Int]
    var byValue: [MLSInteropProposalDescription]
    var forcePath: Bool
    var externalTree: Bool
}

/// The `reinit` step (RFC 9420 §11.2; mls-interop-harness.md §3).
struct MLSInteropReInitSpec: Sendable {
    /// The member proposing the ReInit, or nil when `externalReinitProposal` names an external proposal.
    var proposer: String?
    var externalProposal: Int?
    var committer: String
    var welcomer: String
    var members: [String]
    var changeCipherSuite: Bool
    var changeGroupID: Bool
    var extensions: [Extension]
    var forcePath: Bool
    var externalTree: Bool
}

/// One step of an MLS interop script (the actions of mlswg/mls-implementations interop/test-runner; the table of
/// mls-interop-harness.md §3). Step-index references (`keyPackage`, `welcome`, `pskID`, …) point at earlier steps.
enum MLSInteropAction: Sendable {
    case createGroup(actor: String, members: [String])
    case createKeyPackage(actor: String)
    case joinGroup(actor: String, welcome: Int)
    case externalJoin(actor: String, joiner: String, members: [String], externalTree: Bool, removePrior: Bool, psks: [Int])
    case installExternalPSK(clients: [String])
    case groupInfo(actor: String, externalTree: Bool)
    case addProposal(actor: String, keyPackage: Int)
    case updateProposal(actor: String)
    case removeProposal(actor: String, removed: String)
    case externalPSKProposal(actor: String, pskID: Int)
    case resumptionPSKProposal(actor: String, epoch: UInt64)
    case groupContextExtensionsProposal(actor: String, extensions: [Extension])
    case commit(actor: String, MLSInteropCommitSpec)
    case fullCommit(actor: String, MLSInteropCommitSpec, members: [String], joiners: [String])
    case handleCommit(actor: String, commit: Int, byReference: [Int])
    case handlePendingCommit(actor: String)
    case protect(actor: String, authenticatedData: String, plaintext: String)
    case unprotect(actor: String, ciphertext: Int)
    case reinit(MLSInteropReInitSpec)
    case branch(actor: String, members: [String], extensions: [Extension], forcePath: Bool, externalTree: Bool)
    case newMemberAddProposal(actor: String, joiner: String)
    case addExternalSigner(actor: String, signer: String)
    case externalSignerProposal(actor: String, member: String, MLSInteropProposalDescription)

    /// The config name of the action.
    var name: String {
        switch self {
        case .createGroup: "createGroup"
        case .createKeyPackage: "createKeyPackage"
        case .joinGroup: "joinGroup"
        case .externalJoin: "externalJoin"
        case .installExternalPSK: "installExternalPSK"
        case .groupInfo: "groupInfo"
        case .addProposal: "addProposal"
        case .updateProposal: "updateProposal"
        case .removeProposal: "removeProposal"
        case .externalPSKProposal: "externalPSKProposal"
        case .resumptionPSKProposal: "resumptionPSKProposal"
        case .groupContextExtensionsProposal: "groupContextExtensionsProposal"
        case .commit: "commit"
        case .fullCommit: "fullCommit"
        case .handleCommit: "handleCommit"
        case .handlePendingCommit: "handlePendingCommit"
        case .protect: "protect"
        case .unprotect: "unprotect"
        case .reinit: "reinit"
        case .branch: "branch"
        case .newMemberAddProposal: "newMemberAddProposal"
        case .addExternalSigner: "addExternalSigner"
        case .externalSignerProposal: "externalSignerProposal"
        }
    }

    /// The RFC 9420 sections the action exercises.
    var requirements: [String] {
        switch self {
        case .createGroup(_, let members): members.isEmpty ? ["RFC9420 §11"] : ["RFC9420 §11", "RFC9420 §12.4.3.1", "RFC9420 §8.7"]
        case .createKeyPackage: ["RFC9420 §10"]
        case .joinGroup: ["RFC9420 §12.4.3.1"]
        case .externalJoin: ["RFC9420 §12.4.3.2", "RFC9420 §8.7"]
        case .installExternalPSK, .externalPSKProposal, .resumptionPSKProposal: ["RFC9420 §8.4", "RFC9420 §12.1.4"]
        case .groupInfo: ["RFC9420 §12.4.3"]
        case .addProposal: ["RFC9420 §12.1.1"]
        case .updateProposal: ["RFC9420 §12.1.2"]
        case .removeProposal: ["RFC9420 §12.1.3"]
        case .groupContextExtensionsProposal: ["RFC9420 §12.1.7"]
        case .commit, .handleCommit, .handlePendingCommit: ["RFC9420 §12.4.1", "RFC9420 §12.4.2"]
        case .fullCommit: ["RFC9420 §12.4.1", "RFC9420 §12.4.2", "RFC9420 §8.7"]
        case .protect, .unprotect: ["RFC9420 §6.3"]
        case .reinit: ["RFC9420 §11.2", "RFC9420 §12.1.5", "RFC9420 §8.7"]
        case .branch: ["RFC9420 §11.3", "RFC9420 §8.7"]
        case .newMemberAddProposal, .addExternalSigner, .externalSignerProposal: ["RFC9420 §12.1.8"]
        }
    }
}

/// A parsed interop script: its steps, or why it cannot run.
enum MLSInteropScript: Sendable {
    case steps([MLSInteropAction])
    /// The script uses an action the harness does not implement ("action X not supported: reason").
    case unsupported(String)
    /// The script breaks the config format; the error names the file and field.
    case malformed(MLSInteropConfigError)
}

/// Reads an MLS interop config (`{"scripts": {name: [step, …]}}`, mls-interop-harness.md §3) strictly: every key of
/// every step must belong to its action, every step-index reference must name an earlier step that produces the value
/// referred to, and every extension must be `{extension_type, extension_data (base64)}`.
enum MLSInteropConfigReader {
    /// What a step leaves in the runner's per-step cache (`messageCache[index][key]`).
    enum Output: String { case keyPackage = "key_package", proposal, pskID = "psk_id", welcome, commit, ciphertext }

    /// The actions of the runner, with the outputs their steps leave in the cache.
    static func outputs(_ action: MLSInteropAction) -> Set<Output> {
        switch action {
        case .createKeyPackage: [.keyPackage]
        case .installExternalPSK: [.pskID]
        case .addProposal, .updateProposal, .removeProposal, .externalPSKProposal, .resumptionPSKProposal,
             .groupContextExtensionsProposal, .newMemberAddProposal, .addExternalSigner, .externalSignerProposal: [.proposal]
        case .commit, .fullCommit: [.commit, .welcome]
        case .externalJoin: [.commit]
        case .protect: [.ciphertext]
        default: []
        }
    }

    /// Actions that the runner's scripts used in the past and that the current runner no longer has.
    static let retired = ["publicGroupState": "replaced by groupInfo in the 2023 runner",
                          "verifyStateAuth": "removed from the runner in 2023 (the StateAuth RPC is unused)",
                          "stateProperties": "removed from the runner in 2023"]

    /// The scripts of a config by name, or a config-level error (not JSON, no `scripts` object).
    static func read(_ bytes: [UInt8], file: String) throws -> [(name: String, script: MLSInteropScript)] {
        let root: MLSInteropJSON
        do {
            root = try JSONDecoder().decode(MLSInteropJSON.self, from: Data(bytes))
        } catch {
            throw MLSInteropConfigError(file: file, field: "(top level)", detail: "not valid JSON: \(VectorJSON.describe(error))")
        }
        var top = try MLSInteropObject(root, file: file, path: "config")
        _ = try top.string("mode")  // parsed and ignored by the runner too (mls-interop-harness.md §4)
        let scripts = try top.object("scripts")
        try top.finish(what: "of a config (scripts, mode)")
        guard let scripts else { throw MLSInteropConfigError(file: file, field: "scripts", detail: "missing") }
        guard case .object(let dict) = root, let scriptsValue = dict.first(where: {
            MLSInteropObject.normalized($0.key) == "scripts" })?.value, case .object(let byName) = scriptsValue else {
            throw MLSInteropConfigError(file: file, field: scripts.path, detail: "expected an object of scripts")
        }
        return byName.keys.sorted().compactMap { name in
            guard let value = byName[name] else { return nil }
            return (name, script(value, name: name, file: file))
        }
    }

    static func script(_ value: MLSInteropJSON, name: String, file: String) -> MLSInteropScript {
        let path = "scripts.\(name)"
        guard case .array(let rawSteps) = value else {
            return .malformed(MLSInteropConfigError(file: file, field: path, detail: "expected an array of steps, found \(value.kind)"))
        }
        guard !rawSteps.isEmpty else {
            return .malformed(MLSInteropConfigError(file: file, field: path, detail: "a script needs at least one step"))
        }
        var steps: [MLSInteropAction] = []
        var unsupported: String?
        var unknown = Set<Int>()
        do {
            for (i, raw) in rawSteps.enumerated() {
                var o = try MLSInteropObject(raw, file: file, path: "\(path)[\(i)]")
                let action = try o.requiredString("action")
                guard let step = try parseStep(action: action, &o, index: i, earlier: steps, unknown: unknown) else {
                    unknown.insert(i)
                    if unsupported == nil {
                        let why = retired[action] ?? "not an action of the mlswg interop runner (mls-interop-harness.md §3)"
                        unsupported = "action \(action) not supported: \(why) (step \(i))"
                    }
                    steps.append(.handlePendingCommit(actor: ""))  // placeholder keeps later indices aligned
                    continue
                }
                try o.finish()
                steps.append(step)
            }
        } catch let e as MLSInteropConfigError {
            return .malformed(e)
        } catch {
            return .malformed(MLSInteropConfigError(file: file, field: path, detail: "\(error)"))
        }
        if let unsupported { return .unsupported(unsupported) }
        return .steps(steps)
    }

    /// One step; nil for an action the runner does not define.
    static func parseStep(action: String, _ o: inout MLSInteropObject, index: Int,
                          earlier: [MLSInteropAction], unknown: Set<Int>) throws -> MLSInteropAction? {
        func ref(_ name: String, _ needs: Output, required: Bool = true) throws -> Int? {
            guard let i = try o.integer(name) else {
                if required { throw MLSInteropConfigError(file: o.file, field: o.field(name), detail: "missing") }
                return nil
            }
            try check(i, needs, field: o.field(name))
            return i
        }
        func refs(_ name: String, _ needs: Output) throws -> [Int] {
            let f = o.field(name)
            let list = try o.integers(name)
            for (k, i) in list.enumerated() { try check(i, needs, field: "\(f)[\(k)]") }
            return list
        }
        func check(_ i: Int, _ needs: Output, field: String) throws {
            guard i < index else {
                throw MLSInteropConfigError(file: o.file, field: field,
                                            detail: "step \(i) is not an earlier step (this is step \(index))")
            }
            guard unknown.contains(i) || outputs(earlier[i]).contains(needs) else {
                throw MLSInteropConfigError(file: o.file, field: field,
                                            detail: "step \(i) is \(earlier[i].name), which produces no \(needs.rawValue)")
            }
        }
        func extensions(_ name: String) throws -> [Extension] {
            try parseExtensions(try o.array(name), file: o.file, path: o.field(name))
        }
        func spec() throws -> MLSInteropCommitSpec {
            let byReference = try refs("byReference", .proposal)
            let f = o.field("byValue")
            let byValue = try o.array("byValue").enumerated().map { k, v in
                var d = try MLSInteropObject(v, file: o.file, path: "\(f)[\(k)]")
                let desc = try description(&d, check: check)
                try d.finish()
                return desc
            }
            return MLSInteropCommitSpec(byReference: byReference, byValue: byValue, forcePath: try o.bool("force_path"),
                                        externalTree: try o.bool("external_tree"))
        }

        switch action {
        case "createGroup":
            return .createGroup(actor: try o.actor("actor"), members: try o.strings("members"))
        case "createKeyPackage":
            return .createKeyPackage(actor: try o.actor("actor"))
        case "joinGroup":
            return .joinGroup(actor: try o.actor("actor"), welcome: try ref("welcome", .welcome) ?? 0)
        case "externalJoin":
            return .externalJoin(actor: try o.actor("actor"), joiner: try o.actor("joiner"), members: try o.strings("members"),
                                 externalTree: try o.bool("externalTree"), removePrior: try o.bool("removePrior"),
                                 psks: try refs("psks", .pskID))
        case "installExternalPSK":
            let clients = try o.strings("clients")
            guard !clients.isEmpty else { throw MLSInteropConfigError(file: o.file, field: o.field("clients"), detail: "missing or empty") }
            return .installExternalPSK(clients: clients)
        case "groupInfo":
            return .groupInfo(actor: try o.actor("actor"), externalTree: try o.bool("externalTree"))
        case "addProposal":
            return .addProposal(actor: try o.actor("actor"), keyPackage: try ref("keyPackage", .keyPackage) ?? 0)
        case "updateProposal":
            return .updateProposal(actor: try o.actor("actor"))
        case "removeProposal":
            return .removeProposal(actor: try o.actor("actor"), removed: try o.actor("removed"))
        case "externalPSKProposal":
            return .externalPSKProposal(actor: try o.actor("actor"), pskID: try ref("pskID", .pskID) ?? 0)
        case "resumptionPSKProposal":
            return .resumptionPSKProposal(actor: try o.actor("actor"), epoch: UInt64(try o.requiredInteger("epochID")))
        case "groupContextExtensionsProposal":
            return .groupContextExtensionsProposal(actor: try o.actor("actor"), extensions: try extensions("extensions"))
        case "commit":
            return .commit(actor: try o.actor("actor"), try spec())
        case "fullCommit":
            return .fullCommit(actor: try o.actor("actor"), try spec(), members: try o.strings("members"),
                               joiners: try o.strings("joiners"))
        case "handleCommit":
            return .handleCommit(actor: try o.actor("actor"), commit: try ref("commit", .commit) ?? 0,
                                 byReference: try refs("byReference", .proposal))
        case "handlePendingCommit":
            return .handlePendingCommit(actor: try o.actor("actor"))
        case "protect":
            return .protect(actor: try o.actor("actor"), authenticatedData: try o.string("authenticatedData") ?? "",
                            plaintext: try o.string("plaintext") ?? "")
        case "unprotect":
            return .unprotect(actor: try o.actor("actor"), ciphertext: try ref("ciphertext", .ciphertext) ?? 0)
        case "reinit":
            _ = try o.string("actor")
            let proposer = try o.string("proposer")
            let external = try ref("externalReinitProposal", .proposal, required: proposer == nil)
            if proposer != nil, external != nil {
                throw MLSInteropConfigError(file: o.file, field: o.field("externalReinitProposal"),
                                            detail: "give either proposer or externalReinitProposal, not both")
            }
            return .reinit(MLSInteropReInitSpec(
                proposer: proposer, externalProposal: external, committer: try o.actor("committer"),
                welcomer: try o.actor("welcomer"), members: try o.strings("members"),
                changeCipherSuite: try o.bool("changeCipherSuite"), changeGroupID: try o.bool("changeGroupID"),
                extensions: try extensions("extensions"), forcePath: try o.bool("forcePath"),
                externalTree: try o.bool("externalTree")))
        case "branch":
            return .branch(actor: try o.actor("actor"), members: try o.strings("members"),
                           extensions: try extensions("extensions"), forcePath: try o.bool("force_path"),
                           externalTree: try o.bool("external_tree"))
        case "newMemberAddProposal":
            return .newMemberAddProposal(actor: try o.actor("actor"), joiner: try o.actor("joiner"))
        case "addExternalSigner":
            return .addExternalSigner(actor: try o.actor("actor"), signer: try o.actor("signer"))
        case "externalSignerProposal":
            let actor = try o.actor("actor")
            let member = try o.actor("member")
            guard var d = try o.object("description") else {
                throw MLSInteropConfigError(file: o.file, field: o.field("description"), detail: "missing")
            }
            let desc = try description(&d, check: check)
            try d.finish()
            return .externalSignerProposal(actor: actor, member: member, desc)
        default:
            return nil
        }
    }

    /// A `ProposalDescription`: `proposalType` and the keys of that type.
    static func description(_ d: inout MLSInteropObject,
                            check: (Int, Output, String) throws -> Void) throws -> MLSInteropProposalDescription {
        let type = try d.requiredString("proposalType")
        func ref(_ name: String, _ needs: Output) throws -> Int {
            let i = try d.requiredInteger(name)
            try check(i, needs, d.field(name))
            return i
        }
        switch type {
        case "add":
            return MLSInteropProposalDescription(kind: .add(keyPackage: try ref("keyPackage", .keyPackage)))
        case "remove":
            return MLSInteropProposalDescription(kind: .remove(identity: try d.actor("removed")))
        case "externalPSK":
            return MLSInteropProposalDescription(kind: .externalPSK(pskID: try ref("pskID", .pskID)))
        case "resumptionPSK":
            return MLSInteropProposalDescription(kind: .resumptionPSK(epoch: UInt64(try d.requiredInteger("epochID"))))
        case "groupContextExtensions":
            return MLSInteropProposalDescription(kind: .groupContextExtensions(
                try parseExtensions(try d.array("extensions"), file: d.file, path: d.field("extensions"))))
        case "reinit":
            return MLSInteropProposalDescription(kind: .reinit(
                changeGroupID: try d.bool("changeGroupID"), changeCipherSuite: try d.bool("changeCipherSuite"),
                extensions: try parseExtensions(try d.array("extensions"), file: d.file, path: d.field("extensions"))))
        default:
            throw MLSInteropConfigError(file: d.file, field: d.field("proposalType"),
                                        detail: "unknown proposal type '\(type)' (add, remove, externalPSK, resumptionPSK, "
                                            + "groupContextExtensions, reinit)")
        }
    }

    /// `[{extension_type, extension_data}]`, the data in base64 as Go's JSON-to-protobuf `bytes` reads it.
    static func parseExtensions(_ list: [MLSInteropJSON], file: String, path: String) throws -> [Extension] {
        try list.enumerated().map { k, v in
            var e = try MLSInteropObject(v, file: file, path: "\(path)[\(k)]")
            guard let type = try e.integer("extension_type") else {
                throw MLSInteropConfigError(file: file, field: e.field("extension_type"), detail: "missing")
            }
            guard type <= 0xFFFF else {
                throw MLSInteropConfigError(file: file, field: e.field("extension_type"), detail: "\(type) is not a uint16")
            }
            let text = try e.string("extension_data") ?? ""
            guard let data = Data(base64Encoded: text) else {
                throw MLSInteropConfigError(file: file, field: e.field("extension_data"), detail: "'\(text)' is not base64")
            }
            try e.finish()
            return Extension(extensionType: ExtensionType(UInt16(type)), extensionData: [UInt8](data))
        }
    }
}
