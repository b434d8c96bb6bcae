import Testing
import TLSCodec
@testable import MIMIProtocol

@Suite("Other room-policy-03 components")
struct PolicyComponentsTests {
    @Test("join links, link previews, logging, history, bots and expiration round-trip")
    func roundTrips() {
        checkCodec(JoinLinkPolicy(onRequest: true, joinLink: "https://a.example/join/x", multiuser: false, expiration: 3600))
        checkCodec(JoinLinksData(joinLinks: [Array("abc".utf8), []]))
        checkCodec(JoinLinksUpdate(removedIndices: [0], addedLinks: [Array("def".utf8)]))
        checkCodec(LinkPreviewPolicy(autodetectHyperlinksInText: .optional, sendLinkPreviews: .forbidden,
                                     automaticLinkPreviews: .forbidden, linkPreviewProxy: .required(UriList(["https://proxy.a.example"]))))
        checkCodec(LinkPreviewPolicy(autodetectHyperlinksInText: .required, sendLinkPreviews: .optional,
                                     automaticLinkPreviews: .optional, linkPreviewProxy: .forbidden))
        checkCodec(LoggingPolicy.optional(LoggingParameters(loggingClients: ["mimi://a.example/d/logger"],
                                                            machineReadablePolicy: "https://a.example/p.json",
                                                            humanReadablePolicy: "https://a.example/p.html")))
        checkCodec(LoggingPolicy.forbidden)
        checkCodec(HistoryPolicy.required(HistoryParameters(rolesThatCanShare: [2, 3], automaticallyShare: true, maxTimePeriod: 86400)))
        checkCodec(BotPolicy(allowedBots: [Bot(name: "helper", homepage: "https://bot.example", localClientBot: true, botRoleIndex: 4,
                                               canTargetMessageInGroup: false, perUserContent: true)]))
        checkCodec(MessageExpiration.optional(ExpirationParameters(minExpirationDuration: 60, maxExpirationDuration: 86400,
                                                                   defaultExpirationDuration: 3600)))
        checkCodec(MessageExpiration.forbidden)
    }

    @Test("asset policy round-trips and decides which hosts the hub may proxy")
    func assetPolicy() {
        let policy = AssetPolicy(assetUploadLocation: .localProvider,
                                 uploadDomains: [ProviderAssetUploadDomains(provider: "b.example", assetUploadDestinations: ["assets.b.example"])],
                                 downloadPrivacy: DownloadPrivacy(allowed: [.hubProxy, .ohttp], forbidden: [.direct], default: .hubProxy),
                                 maxImage: 10_000_000, forbiddenMediaTypes: [MediaType(type: "application/x-msdownload")],
                                 permittedMediaTypes: [MediaType(type: "image/png")])
        checkCodec(policy)
        var open = policy
        open.permittedMediaTypes = nil
        checkCodec(open)
        #expect(policy.allowsDownload(fromHost: "Assets.B.example"))
        #expect(!policy.allowsDownload(fromHost: "evil.example"))
        expectRejected(AssetPolicy.self, replacing(policy.tlsEncoded, at: 0, with: 3), field: "asset_upload_location")
    }

    @Test("bad Optionality, bool and DownloadPrivacyType values are rejected")
    func badEnums() {
        expectRejected(LoggingPolicy.self, [3], field: "optionality")
        expectRejected(JoinLinkPolicy.self, [2, 0, 0, 0, 0, 0, 0], field: "on_request")
        expectRejected(DownloadPrivacy.self, [1, 3, 0, 0], field: "allowed_download_types")
    }
}
