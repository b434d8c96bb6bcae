import MLS
import TLSCodec

/// `SearchIdentifierType` (draft-ietf-mimi-protocol-06 §"Identifier Query").
public enum SearchIdentifierType: UInt8, Hashable, Sendable, CaseIterable {
    case handle = 1
    case nick = 2
    case email = 3
    case phone = 4
    case partialName = 5
    case wholeProfile = 6
    case oidcStdClaim = 7
    case vcardField = 8
}

/// `QueryElement` (draft-ietf-mimi-protocol-06 §"Identifier Query"): one condition; all elements of a request
/// must match. `claimName`/`propertyName` are present exactly for `oidcStdClaim`/`vcardField`.
public struct QueryElement: Hashable, Sendable, TLSCodable {
    public var searchType: SearchIdentifierType
    /// `claimName` (oidcStdClaim) or `propertyName` (vcardField); nil for the other types.
    public var fieldName: [UInt8]?
    public var searchValue: String

    public init(searchType: SearchIdentifierType, fieldName: [UInt8]? = nil, searchValue: String) {
        self.searchType = searchType
        self.fieldName = fieldName
        self.searchValue = searchValue
    }

    public init(from reader: inout TLSReader) throws {
        searchType = try reader.readEnum8(SearchIdentifierType.self, "searchType",
                                          rule: "SearchIdentifierType must be 1..8 (draft-ietf-mimi-protocol-06 §Identifier Query)")
        switch searchType {
        case .oidcStdClaim: fieldName = try reader.readOpaque("claimName")
        case .vcardField: fieldName = try reader.readOpaque("propertyName")
        default: fieldName = nil
        }
        searchValue = try reader.readUTF8("searchValue")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(searchType.rawValue)
        if searchType == .oidcStdClaim || searchType == .vcardField { writer.writeOpaque(fieldName ?? []) }
        writer.writeUTF8(searchValue)
    }
}

/// `IdentifierRequest` (draft-ietf-mimi-protocol-06 §"Identifier Query"): body of `/identifierQuery/{domain}`.
public struct IdentifierRequest: Hashable, Sendable, TLSCodable {
    public var queryElements: [QueryElement]
    public var idRequestExtensions: AppDataDictionary

    public init(queryElements: [QueryElement], idRequestExtensions: AppDataDictionary = AppDataDictionary()) {
        self.queryElements = queryElements
        self.idRequestExtensions = idRequestExtensions
    }

    public init(from reader: inout TLSReader) throws {
        queryElements = try reader.readList(QueryElement.self, "query_elements")
        idRequestExtensions = try reader.read(AppDataDictionary.self, "id_request_extensions")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeList(queryElements)
        writer.write(idRequestExtensions)
    }
}

/// `IdentifierQueryCode` (draft-ietf-mimi-protocol-06 §"Identifier Query").
public enum IdentifierQueryCode: UInt8, Hashable, Sendable, CaseIterable {
    case success = 0
    case notFound = 1
    case ambiguous = 2
    case forbidden = 3
    case unsupportedField = 4
}

/// `FieldSource` (draft-ietf-mimi-protocol-06 §"Identifier Query"): `oidcStdClaim(7)` or `vcardField(8)`.
public enum FieldSource: UInt8, Hashable, Sendable, CaseIterable {
    case oidcStdClaim = 7
    case vcardField = 8
}

/// `ProfileField` (draft-ietf-mimi-protocol-06 §"Identifier Query").
public struct ProfileField: Hashable, Sendable, TLSCodable {
    public var fieldSource: FieldSource
    public var fieldName: String
    public var fieldValue: [UInt8]

    public init(fieldSource: FieldSource, fieldName: String, fieldValue: [UInt8]) {
        self.fieldSource = fieldSource
        self.fieldName = fieldName
        self.fieldValue = fieldValue
    }

    public init(from reader: inout TLSReader) throws {
        fieldSource = try reader.readEnum8(FieldSource.self, "fieldSource",
                                           rule: "FieldSource must be oidcStdClaim(7) or vcardField(8) (draft-ietf-mimi-protocol-06 §Identifier Query)")
        fieldName = try reader.readUTF8("fieldName")
        fieldValue = try reader.readOpaque("fieldValue")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(fieldSource.rawValue)
        writer.writeUTF8(fieldName)
        writer.writeOpaque(fieldValue)
    }
}

/// `UserProfile` (draft-ietf-mimi-protocol-06 §"Identifier Query").
public struct UserProfile: Hashable, Sendable, TLSCodable {
    public var stableURI: IdentifierUri
    public var fields: [ProfileField]

    public init(stableURI: IdentifierUri, fields: [ProfileField] = []) {
        self.stableURI = stableURI
        self.fields = fields
    }

    public init(from reader: inout TLSReader) throws {
        stableURI = try reader.read(IdentifierUri.self, "stableUri")
        fields = try reader.readList(ProfileField.self, "fields")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(stableURI)
        writer.writeList(fields)
    }
}

/// `IdentifierResponse` (draft-ietf-mimi-protocol-06 §"Identifier Query").
public struct IdentifierResponse: Hashable, Sendable, TLSCodable {
    public var responseCode: IdentifierQueryCode
    public var uris: [IdentifierUri]
    public var foundProfiles: [UserProfile]
    public var idResponseExtensions: AppDataDictionary

    public init(responseCode: IdentifierQueryCode, uris: [IdentifierUri] = [], foundProfiles: [UserProfile] = [],
                idResponseExtensions: AppDataDictionary = AppDataDictionary()) {
        self.responseCode = responseCode
        self.uris = uris
        self.foundProfiles = foundProfiles
        self.idResponseExtensions = idResponseExtensions
    }

    public init(from reader: inout TLSReader) throws {
        responseCode = try reader.readEnum8(IdentifierQueryCode.self, "responseCode",
                                            rule: "IdentifierQueryCode must be 0..4 (draft-ietf-mimi-protocol-06 §Identifier Query)")
        uris = try reader.readList(IdentifierUri.self, "uri")
        foundProfiles = try reader.readList(UserProfile.self, "foundProfiles")
        idResponseExtensions = try reader.read(AppDataDictionary.self, "id_response_extensions")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(responseCode.rawValue)
        writer.writeList(uris)
        writer.writeList(foundProfiles)
        writer.write(idResponseExtensions)
    }
}
