import MLS
import TLSCodec

/// `KeyMaterialUserCode` (draft-ietf-mimi-protocol-06 §"Fetch Key Material").
public enum KeyMaterialUserCode: UInt8, Hashable, Sendable, CaseIterable {
    case success = 0
    case partialSuccess = 1
    case incompatibleProtocol = 2
    case noCompatibleMaterial = 3
    case userUnknown = 4
    case noConsent = 5
    case noConsentForThisRoom = 6
    case userDeleted = 7

    /// Codes after which `clients` may be non-empty (success, partialSuccess, and — MAY — noCompatibleMaterial).
    public var mayListClients: Bool { self == .success || self == .partialSuccess || self == .noCompatibleMaterial }
}

/// `KeyMaterialClientCode` (draft-ietf-mimi-protocol-06 §"Fetch Key Material").
public enum KeyMaterialClientCode: UInt8, Hashable, Sendable, CaseIterable {
    case success = 0
    case keyMaterialExhausted = 1
    case nothingCompatible = 2
}

/// `ClientKeyMaterial` (draft-ietf-mimi-protocol-06 §"Fetch Key Material"): one client's outcome.
public struct ClientKeyMaterial: Hashable, Sendable, TLSCodable {
    /// The `select (clientStatus)` body.
    public enum Status: Hashable, Sendable {
        /// A claimed KeyPackage (bare, not in an MLSMessage).
        case success(KeyPackage)
        case keyMaterialExhausted
        /// Nothing compatible; the client's capabilities may be withheld for privacy.
        case nothingCompatible(clientCapabilities: Capabilities?)
    }

    public var clientURI: IdentifierUri
    public var status: Status

    public init(clientURI: IdentifierUri, status: Status) {
        self.clientURI = clientURI
        self.status = status
    }

    public var clientStatus: KeyMaterialClientCode {
        switch status {
        case .success: .success
        case .keyMaterialExhausted: .keyMaterialExhausted
        case .nothingCompatible: .nothingCompatible
        }
    }

    public init(from reader: inout TLSReader) throws {
        let code = try reader.readEnum8(KeyMaterialClientCode.self, "clientStatus",
                                        rule: "KeyMaterialClientCode must be 0..2 (draft-ietf-mimi-protocol-06 §Fetch Key Material)")
        clientURI = try reader.read(IdentifierUri.self, "clientUri")
        switch code {
        case .success: status = .success(try reader.read(KeyPackage.self, "keyPackage"))
        case .keyMaterialExhausted: status = .keyMaterialExhausted
        case .nothingCompatible:
            status = .nothingCompatible(clientCapabilities: try reader.readOptional(Capabilities.self, "clientCapabilities"))
        }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(clientStatus.rawValue)
        writer.write(clientURI)
        switch status {
        case .success(let kp): writer.write(kp)
        case .keyMaterialExhausted: break
        case .nothingCompatible(let caps): writer.writeOptional(caps)
        }
    }
}

/// `KeyMaterialResponse` (draft-ietf-mimi-protocol-06 §"Fetch Key Material"). `clients` must be empty unless the
/// user code is success, partialSuccess or noCompatibleMaterial; the decoder enforces it.
public struct KeyMaterialResponse: Hashable, Sendable, TLSCodable {
    public var userStatus: KeyMaterialUserCode
    public var userURI: IdentifierUri
    public var clients: [ClientKeyMaterial]

    public init(userStatus: KeyMaterialUserCode, userURI: IdentifierUri, clients: [ClientKeyMaterial] = []) {
        self.userStatus = userStatus
        self.userURI = userURI
        self.clients = clients
    }

    public init(from reader: inout TLSReader) throws {
        _ = try reader.read(ProtocolKind.self, "protocol")
        userStatus = try reader.readEnum8(KeyMaterialUserCode.self, "userStatus",
                                          rule: "KeyMaterialUserCode must be 0..7 (draft-ietf-mimi-protocol-06 §Fetch Key Material)")
        userURI = try reader.read(IdentifierUri.self, "userUri")
        let start = reader.offset
        clients = try reader.readList(ClientKeyMaterial.self, "clients")
        try reader.require(clients.isEmpty || userStatus.mayListClients, "clients",
                           "clients MUST be empty when userStatus is \(userStatus) (draft-ietf-mimi-protocol-06 §Fetch Key Material)", at: start)
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(ProtocolKind.mls10)
        writer.writeUInt8(userStatus.rawValue)
        writer.write(userURI)
        writer.writeList(clients)
    }

    /// Every KeyPackage in the response.
    public var keyPackages: [KeyPackage] {
        clients.compactMap { if case .success(let kp) = $0.status { return kp } else { return nil } }
    }
}
