import TLSCodec

/// `AssetUploadLocation` (room-policy-03 §"Assets").
public enum AssetUploadLocation: UInt8, Hashable, Sendable, CaseIterable {
    case unspecified = 0
    case localProvider = 1
    case hub = 2
}

/// `DownloadPrivacyType` (room-policy-03 §"Assets").
public enum DownloadPrivacyType: UInt8, Hashable, Sendable, CaseIterable {
    case direct = 0
    case hubProxy = 1
    case ohttp = 2
}

extension TLSReader {
    mutating func readDownloadPrivacyType(_ field: String) throws -> DownloadPrivacyType {
        try readEnum8(DownloadPrivacyType.self, field, rule: "DownloadPrivacyType must be direct(0), hubProxy(1) or ohttp(2) (room-policy-03)")
    }
}

/// `ProviderAssetUploadDomains` (room-policy-03 §"Assets").
public struct ProviderAssetUploadDomains: Hashable, Sendable, TLSCodable {
    public var provider: DomainName
    public var assetUploadDestinations: [DomainName]

    public init(provider: DomainName, assetUploadDestinations: [DomainName]) {
        self.provider = provider
        self.assetUploadDestinations = assetUploadDestinations
    }

    public init(from reader: inout TLSReader) throws {
        provider = try reader.read(DomainName.self, "provider")
        assetUploadDestinations = try reader.readList(DomainName.self, "asset_upload_destinations")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(provider)
        writer.writeList(assetUploadDestinations)
    }
}

/// `DownloadPrivacy` (room-policy-03 §"Assets").
public struct DownloadPrivacy: Hashable, Sendable, TLSCodable {
    public var allowedDownloadTypes: [DownloadPrivacyType]
    public var forbiddenDownloadTypes: [DownloadPrivacyType]
    public var defaultDownloadType: DownloadPrivacyType

    public init(allowed: [DownloadPrivacyType], forbidden: [DownloadPrivacyType], default: DownloadPrivacyType) {
        allowedDownloadTypes = allowed
        forbiddenDownloadTypes = forbidden
        defaultDownloadType = `default`
    }

    public init(from reader: inout TLSReader) throws {
        allowedDownloadTypes = try reader.readList("allowed_download_types") { try $0.readDownloadPrivacyType("") }
        forbiddenDownloadTypes = try reader.readList("forbidden_download_types") { try $0.readDownloadPrivacyType("") }
        defaultDownloadType = try reader.readDownloadPrivacyType("default_download_type")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeList(allowedDownloadTypes) { w, t in w.writeUInt8(t.rawValue) }
        writer.writeList(forbiddenDownloadTypes) { w, t in w.writeUInt8(t.rawValue) }
        writer.writeUInt8(defaultDownloadType.rawValue)
    }
}

/// `AssetPolicy` (room-policy-03 §"Assets"): the `asset_policy` component (0x002C), which the hub consults before
/// proxying a download (draft-ietf-mimi-protocol-06 §"Proxy download").
///
/// The draft writes `optional<MediaType> permitted_media_types<V>`; it is read as an optional list
/// (`optional<MediaType permitted_media_types<V>>`: absent = no allow-list), docs/protocol-choices.md.
public struct AssetPolicy: Hashable, Sendable, TLSCodable {
    public var assetUploadLocation: AssetUploadLocation
    public var uploadDomains: [ProviderAssetUploadDomains]
    public var downloadPrivacy: DownloadPrivacy
    public var maxImage: UInt64
    public var maxAudio: UInt64
    public var maxVideo: UInt64
    public var maxAttachment: UInt64
    public var forbiddenMediaTypes: [MediaType]
    public var permittedMediaTypes: [MediaType]?

    public init(assetUploadLocation: AssetUploadLocation, uploadDomains: [ProviderAssetUploadDomains],
                downloadPrivacy: DownloadPrivacy, maxImage: UInt64 = 0, maxAudio: UInt64 = 0, maxVideo: UInt64 = 0,
                maxAttachment: UInt64 = 0, forbiddenMediaTypes: [MediaType] = [], permittedMediaTypes: [MediaType]? = nil) {
        self.assetUploadLocation = assetUploadLocation
        self.uploadDomains = uploadDomains
        self.downloadPrivacy = downloadPrivacy
        self.maxImage = maxImage
        self.maxAudio = maxAudio
        self.maxVideo = maxVideo
        self.maxAttachment = maxAttachment
        self.forbiddenMediaTypes = forbiddenMediaTypes
        self.permittedMediaTypes = permittedMediaTypes
    }

    public init(from reader: inout TLSReader) throws {
        assetUploadLocation = try reader.readEnum8(AssetUploadLocation.self, "asset_upload_location",
                                                   rule: "AssetUploadLocation must be unspecified(0), localProvider(1) or hub(2) (room-policy-03)")
        uploadDomains = try reader.readList(ProviderAssetUploadDomains.self, "upload_domains")
        downloadPrivacy = try reader.read(DownloadPrivacy.self, "download_privacy")
        maxImage = try reader.readUInt64("max_image")
        maxAudio = try reader.readUInt64("max_audio")
        maxVideo = try reader.readUInt64("max_video")
        maxAttachment = try reader.readUInt64("max_attachment")
        forbiddenMediaTypes = try reader.readList(MediaType.self, "forbidden_media_types")
        permittedMediaTypes = try reader.readOptional("permitted_media_types") { try $0.readList(MediaType.self, "") }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt8(assetUploadLocation.rawValue)
        writer.writeList(uploadDomains)
        writer.write(downloadPrivacy)
        writer.writeUInt64(maxImage)
        writer.writeUInt64(maxAudio)
        writer.writeUInt64(maxVideo)
        writer.writeUInt64(maxAttachment)
        writer.writeList(forbiddenMediaTypes)
        writer.writeOptional(permittedMediaTypes) { w, list in w.writeList(list) }
    }

    /// Whether the hub may proxy a download from `host`: it must be an upload destination of one of the peer
    /// providers listed here (draft-ietf-mimi-protocol-06 §"Proxy download": only to asset hosts of its peers).
    public func allowsDownload(fromHost host: String) -> Bool {
        let h = host.lowercased()
        return uploadDomains.contains { $0.assetUploadDestinations.contains { $0.domain.lowercased() == h } }
    }
}
