import TLSCodec

/// `Parameter` of a ``MediaType`` (draft-ietf-mls-extensions §"Content Advertisement").
public struct MediaTypeParameter: Hashable, Sendable, TLSCodable {
    public var name: [UInt8]
    public var value: [UInt8]

    public init(name: [UInt8], value: [UInt8]) {
        self.name = name
        self.value = value
    }

    public init(from reader: inout TLSReader) throws {
        name = try reader.readOpaque("parameter_name")
        value = try reader.readOpaque("parameter_value")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(name)
        writer.writeOpaque(value)
    }
}

/// `MediaType` (draft-ietf-mls-extensions §"Content Advertisement"): a type such as `text/plain` and its
/// parameters. Also used by room-policy-03's `AssetPolicy`.
public struct MediaType: Hashable, Sendable, TLSCodable {
    public var type: [UInt8]
    public var parameters: [MediaTypeParameter]

    public init(type: String, parameters: [MediaTypeParameter] = []) {
        self.type = Array(type.utf8)
        self.parameters = parameters
    }

    public init(from reader: inout TLSReader) throws {
        type = try reader.readOpaque("type")
        parameters = try reader.readList(MediaTypeParameter.self, "parameters")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(type)
        writer.writeList(parameters)
    }
}

/// `MediaTypeList` (draft-ietf-mls-extensions): the data of the `content_media_types` component.
public struct MediaTypeList: Hashable, Sendable, TLSCodable {
    public var mediaTypes: [MediaType]

    public init(mediaTypes: [MediaType]) { self.mediaTypes = mediaTypes }

    public init(from reader: inout TLSReader) throws {
        mediaTypes = try reader.readList(MediaType.self, "media_type_list")
    }

    public func encode(to writer: inout TLSWriter) { writer.writeList(mediaTypes) }
}

/// `ApplicationFraming` (draft-ietf-mls-extensions §"Content Advertisement"): the `application_data` of a message
/// when `content_media_types` is in the GroupContext. An empty type means the first listed media type.
public struct ApplicationFraming: Hashable, Sendable, TLSCodable {
    public var mediaType: MediaType
    public var innerApplicationContent: [UInt8]

    public init(mediaType: MediaType, innerApplicationContent: [UInt8]) {
        self.mediaType = mediaType
        self.innerApplicationContent = innerApplicationContent
    }

    public init(from reader: inout TLSReader) throws {
        mediaType = try reader.read(MediaType.self, "media_type")
        innerApplicationContent = try reader.readOpaque("inner_application_content")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(mediaType)
        writer.writeOpaque(innerApplicationContent)
    }
}

/// `WireFormats` (draft-ietf-mls-extensions): the body of `supported_wire_formats` / `required_wire_formats`.
public struct WireFormats: Hashable, Sendable, TLSCodable {
    public var wireFormats: [UInt16]

    public init(wireFormats: [UInt16]) { self.wireFormats = wireFormats }

    public init(from reader: inout TLSReader) throws {
        wireFormats = try reader.readUInt16List("wire_formats")
    }

    public func encode(to writer: inout TLSWriter) { writer.writeUInt16List(wireFormats) }
}

/// `ComponentOperationLabel` (draft-ietf-mls-extensions §"Application Components"): the label under which a
/// component signs or derives (`base_label` is "MLS Component").
public struct ComponentOperationLabel: Hashable, Sendable, TLSEncodable {
    public static let baseLabel = Array("MLS Component".utf8)
    public var componentID: UInt16
    public var label: [UInt8]

    public init(componentID: UInt16, label: String) {
        self.componentID = componentID
        self.label = Array(label.utf8)
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(ComponentOperationLabel.baseLabel)
        writer.writeUInt16(componentID)
        writer.writeOpaque(label)
    }
}
