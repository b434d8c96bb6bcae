import TLSCodec

/// `JoinLinkPolicy` (draft-ietf-mimi-room-policy-03 §"Join links"): the `join_link_policy` component (0x0029).
public struct JoinLinkPolicy: Hashable, Sendable, TLSCodable {
    public var onRequest: Bool
    public var joinLink: Uri
    public var multiuser: Bool
    public var expiration: UInt32

    public init(onRequest: Bool, joinLink: Uri, multiuser: Bool, expiration: UInt32) {
        self.onRequest = onRequest
        self.joinLink = joinLink
        self.multiuser = multiuser
        self.expiration = expiration
    }

    public init(from reader: inout TLSReader) throws {
        onRequest = try reader.readBool("on_request")
        joinLink = try reader.read(Uri.self, "join_link")
        multiuser = try reader.readBool("multiuser")
        expiration = try reader.readUInt32("expiration")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeBool(onRequest)
        writer.write(joinLink)
        writer.writeBool(multiuser)
        writer.writeUInt32(expiration)
    }
}

/// `JoinLinksData` (room-policy-03 §"Join links"): the `join_links` component (0x002A), `JoinLink JoinLinksData<V>`.
/// The draft's `opaque join_link` has no length; it is read as `opaque join_link<V>` (docs/protocol-choices.md).
public struct JoinLinksData: Hashable, Sendable, TLSCodable {
    public var joinLinks: [[UInt8]]

    public init(joinLinks: [[UInt8]]) { self.joinLinks = joinLinks }

    public init(from reader: inout TLSReader) throws {
        joinLinks = try reader.readList("join_links") { try $0.readOpaque("join_link") }
    }

    public func encode(to writer: inout TLSWriter) { writer.writeList(joinLinks) { w, l in w.writeOpaque(l) } }
}

/// `JoinLinksUpdate` (room-policy-03 §"Join links"): incremental update of `join_links`.
public struct JoinLinksUpdate: Hashable, Sendable, TLSCodable {
    public var removedIndices: [UInt32]
    public var addedLinks: [[UInt8]]

    public init(removedIndices: [UInt32], addedLinks: [[UInt8]]) {
        self.removedIndices = removedIndices
        self.addedLinks = addedLinks
    }

    public init(from reader: inout TLSReader) throws {
        removedIndices = try reader.readUInt32List("removedIndices")
        addedLinks = try reader.readList("added_links") { try $0.readOpaque("join_link") }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt32List(removedIndices)
        writer.writeList(addedLinks) { w, l in w.writeOpaque(l) }
    }
}

/// A vector of ``Uri`` as one parameter block (`Uri x<V>`).
public struct UriList: Hashable, Sendable, TLSCodable {
    public var uris: [Uri]
    public init(_ uris: [Uri]) { self.uris = uris }
    public init(from reader: inout TLSReader) throws { uris = try reader.readList(Uri.self, "uris") }
    public func encode(to writer: inout TLSWriter) { writer.writeList(uris) }
}

/// `LinkPreviewPolicy` (room-policy-03 §"Link previews"): the `link_preview_policy` component (0x002B). When
/// `link_preview_proxy_use` is not forbidden it carries `Uri link_preview_proxy<V>`.
public struct LinkPreviewPolicy: Hashable, Sendable, TLSCodable {
    public var autodetectHyperlinksInText: Optionality
    public var sendLinkPreviews: Optionality
    public var automaticLinkPreviews: Optionality
    public var linkPreviewProxy: OptionalSetting<UriList>

    public init(autodetectHyperlinksInText: Optionality, sendLinkPreviews: Optionality, automaticLinkPreviews: Optionality,
                linkPreviewProxy: OptionalSetting<UriList>) {
        self.autodetectHyperlinksInText = autodetectHyperlinksInText
        self.sendLinkPreviews = sendLinkPreviews
        self.automaticLinkPreviews = automaticLinkPreviews
        self.linkPreviewProxy = linkPreviewProxy
    }

    public init(from reader: inout TLSReader) throws {
        autodetectHyperlinksInText = try reader.read(Optionality.self, "autodetect_hyperlinks_in_text")
        sendLinkPreviews = try reader.read(Optionality.self, "send_link_previews")
        automaticLinkPreviews = try reader.read(Optionality.self, "automatic_link_previews")
        linkPreviewProxy = try reader.read(OptionalSetting<UriList>.self, "link_preview_proxy_use")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.write(autodetectHyperlinksInText)
        writer.write(sendLinkPreviews)
        writer.write(automaticLinkPreviews)
        writer.write(linkPreviewProxy)
    }
}

/// The parameters of ``LoggingPolicy`` when logging is not forbidden.
public struct LoggingParameters: Hashable, Sendable, TLSCodable {
    public var loggingClients: [Uri]
    public var machineReadablePolicy: Uri
    public var humanReadablePolicy: Uri

    public init(loggingClients: [Uri], machineReadablePolicy: Uri, humanReadablePolicy: Uri) {
        self.loggingClients = loggingClients
        self.machineReadablePolicy = machineReadablePolicy
        self.humanReadablePolicy = humanReadablePolicy
    }

    public init(from reader: inout TLSReader) throws {
        loggingClients = try reader.readList(Uri.self, "logging_clients")
        machineReadablePolicy = try reader.read(Uri.self, "machine_readable_policy")
        humanReadablePolicy = try reader.read(Uri.self, "human_readable_policy")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeList(loggingClients)
        writer.write(machineReadablePolicy)
        writer.write(humanReadablePolicy)
    }
}

/// `LoggingPolicy` (room-policy-03 §"Logging"): the `logging_policy` component (0x002D).
public typealias LoggingPolicy = OptionalSetting<LoggingParameters>

/// The parameters of ``HistoryPolicy`` when history sharing is not forbidden.
public struct HistoryParameters: Hashable, Sendable, TLSCodable {
    public var rolesThatCanShare: [UInt32]
    public var automaticallyShare: Bool
    public var maxTimePeriod: UInt32

    public init(rolesThatCanShare: [UInt32], automaticallyShare: Bool, maxTimePeriod: UInt32) {
        self.rolesThatCanShare = rolesThatCanShare
        self.automaticallyShare = automaticallyShare
        self.maxTimePeriod = maxTimePeriod
    }

    public init(from reader: inout TLSReader) throws {
        rolesThatCanShare = try reader.readUInt32List("roles_that_can_share")
        automaticallyShare = try reader.readBool("automatically_share")
        maxTimePeriod = try reader.readUInt32("max_time_period")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt32List(rolesThatCanShare)
        writer.writeBool(automaticallyShare)
        writer.writeUInt32(maxTimePeriod)
    }
}

/// `HistoryPolicy` (room-policy-03 §"Chat history"): the `chat_history_policy` component (0x002E).
public typealias HistoryPolicy = OptionalSetting<HistoryParameters>

/// `Bot` (room-policy-03 §"Bots").
public struct Bot: Hashable, Sendable, TLSCodable {
    public var name: [UInt8]
    public var description: [UInt8]
    public var homepage: Uri
    public var localClientBot: Bool
    public var botRoleIndex: UInt32
    public var canTargetMessageInGroup: Bool
    public var perUserContent: Bool

    public init(name: String, description: String = "", homepage: Uri, localClientBot: Bool, botRoleIndex: UInt32,
                canTargetMessageInGroup: Bool, perUserContent: Bool) {
        self.name = Array(name.utf8)
        self.description = Array(description.utf8)
        self.homepage = homepage
        self.localClientBot = localClientBot
        self.botRoleIndex = botRoleIndex
        self.canTargetMessageInGroup = canTargetMessageInGroup
        self.perUserContent = perUserContent
    }

    public init(from reader: inout TLSReader) throws {
        name = try reader.readOpaque("name")
        description = try reader.readOpaque("description")
        homepage = try reader.read(Uri.self, "homepage")
        localClientBot = try reader.readBool("local_client_bot")
        botRoleIndex = try reader.readUInt32("bot_role_index")
        canTargetMessageInGroup = try reader.readBool("can_target_message_in_group")
        perUserContent = try reader.readBool("per_user_content")
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeOpaque(name)
        writer.writeOpaque(description)
        writer.write(homepage)
        writer.writeBool(localClientBot)
        writer.writeUInt32(botRoleIndex)
        writer.writeBool(canTargetMessageInGroup)
        writer.writeBool(perUserContent)
    }
}

/// `BotPolicy` (room-policy-03 §"Bots"): the `bot_policy` component (0x002F).
public struct BotPolicy: Hashable, Sendable, TLSCodable {
    public var allowedBots: [Bot]
    public init(allowedBots: [Bot]) { self.allowedBots = allowedBots }
    public init(from reader: inout TLSReader) throws { allowedBots = try reader.readList(Bot.self, "allowed_bots") }
    public func encode(to writer: inout TLSWriter) { writer.writeList(allowedBots) }
}

/// The parameters of ``MessageExpiration`` when expiring messages are not forbidden.
public struct ExpirationParameters: Hashable, Sendable, TLSCodable {
    public var minExpirationDuration: UInt32
    public var maxExpirationDuration: UInt32
    public var defaultExpirationDuration: UInt32?

    public init(minExpirationDuration: UInt32, maxExpirationDuration: UInt32, defaultExpirationDuration: UInt32? = nil) {
        self.minExpirationDuration = minExpirationDuration
        self.maxExpirationDuration = maxExpirationDuration
        self.defaultExpirationDuration = defaultExpirationDuration
    }

    public init(from reader: inout TLSReader) throws {
        minExpirationDuration = try reader.readUInt32("min_expiration_duration")
        maxExpirationDuration = try reader.readUInt32("max_expiration_duration")
        defaultExpirationDuration = try reader.readOptional("default_expiration_duration") { try $0.readUInt32("") }
    }

    public func encode(to writer: inout TLSWriter) {
        writer.writeUInt32(minExpirationDuration)
        writer.writeUInt32(maxExpirationDuration)
        writer.writeOptional(defaultExpirationDuration) { w, v in w.writeUInt32(v) }
    }
}

/// `MessageExpiration` (room-policy-03 §"Expiring messages"): the `message_expiration_policy` component (0x0030).
public typealias MessageExpiration = OptionalSetting<ExpirationParameters>
