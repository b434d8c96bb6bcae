/// `uint16 CapabilityType` values of the "MIMI Role Capabilities" registry (draft-ietf-mimi-room-policy-03
/// §"Role Capabilities", IANA section). Values marked reserved in the draft are included for completeness.
public enum Capability {
    // Membership
    public static let canAddParticipant: UInt16 = 0x0000
    public static let canRemoveParticipant: UInt16 = 0x0001
    public static let canAddOwnClient: UInt16 = 0x0002
    public static let canRemoveOwnClient: UInt16 = 0x0003
    public static let canOpenJoin: UInt16 = 0x0004
    public static let canJoinIfPreauthorized: UInt16 = 0x0005
    public static let canRemoveSelf: UInt16 = 0x0006
    public static let canCreateJoinCode: UInt16 = 0x0007
    public static let canDeleteJoinCode: UInt16 = 0x0008
    public static let canUseJoinCode: UInt16 = 0x0009
    public static let canBan: UInt16 = 0x000a
    public static let canUnBan: UInt16 = 0x000b
    public static let canKick: UInt16 = 0x000c
    public static let canKnock: UInt16 = 0x000d
    public static let canAcceptKnock: UInt16 = 0x000e
    public static let canChangeUserRole: UInt16 = 0x000f
    public static let canChangeOwnRole: UInt16 = 0x0010
    public static let canCreateSubgroup: UInt16 = 0x0011
    // Messages
    public static let canSendMessage: UInt16 = 0x0100
    public static let canReceiveMessage: UInt16 = 0x0101
    public static let canCopyMessage: UInt16 = 0x0102
    public static let canReportAbuse: UInt16 = 0x0103
    public static let canReplyToMessage: UInt16 = 0x0104
    public static let canReactToMessage: UInt16 = 0x0105
    public static let canEditReaction: UInt16 = 0x0106
    public static let canDeleteOwnReaction: UInt16 = 0x0107
    public static let canDeleteOtherReaction: UInt16 = 0x0108
    public static let canEditOwnMessage: UInt16 = 0x0109
    public static let canDeleteOwnMessage: UInt16 = 0x010a
    public static let canDeleteOtherMessage: UInt16 = 0x010b
    public static let canStartTopic: UInt16 = 0x010c
    public static let canReplyInTopic: UInt16 = 0x010d
    public static let canEditOwnTopic: UInt16 = 0x010e
    public static let canEditOtherTopic: UInt16 = 0x010f
    public static let canSendDirectMessage: UInt16 = 0x0110
    public static let canTargetMessage: UInt16 = 0x0111
    // Assets and links
    public static let canUploadImage: UInt16 = 0x0200
    public static let canUploadAudio: UInt16 = 0x0201
    public static let canUploadVideo: UInt16 = 0x0202
    public static let canUploadAttachment: UInt16 = 0x0203
    public static let canDownloadImage: UInt16 = 0x0204
    public static let canDownloadAudio: UInt16 = 0x0205
    public static let canDownloadVideo: UInt16 = 0x0206
    public static let canDownloadAttachment: UInt16 = 0x0207
    public static let canSendLink: UInt16 = 0x0208
    public static let canSendLinkPreview: UInt16 = 0x0209
    public static let canFollowLink: UInt16 = 0x020a
    public static let canCopyLink: UInt16 = 0x020b
    // Room metadata
    public static let canChangeRoomName: UInt16 = 0x0300
    public static let canChangeRoomDescription: UInt16 = 0x0301
    public static let canChangeRoomAvatar: UInt16 = 0x0302
    public static let canChangeRoomSubject: UInt16 = 0x0303
    public static let canChangeRoomMood: UInt16 = 0x0304
    public static let canChangeOwnName: UInt16 = 0x0380
    public static let canChangeOwnPresence: UInt16 = 0x0381
    public static let canChangeOwnMood: UInt16 = 0x0382
    public static let canChangeOwnAvatar: UInt16 = 0x0383
    // Real-time media
    public static let canStartCall: UInt16 = 0x0400
    public static let canJoinCall: UInt16 = 0x0401
    public static let canSendAudio: UInt16 = 0x0402
    public static let canReceiveAudio: UInt16 = 0x0403
    public static let canSendVideo: UInt16 = 0x0404
    public static let canReceiveVideo: UInt16 = 0x0405
    public static let canShareScreen: UInt16 = 0x0406
    public static let canViewSharedScreen: UInt16 = 0x0407
    // Room administration
    public static let canCreateRoom: UInt16 = 0x0500
    public static let canDestroyRoom: UInt16 = 0x0501
    public static let canChangeRoomMembershipStyle: UInt16 = 0x0502
    public static let canChangeRoleDefinitions: UInt16 = 0x0503
    public static let canChangePreauthorizedUserList: UInt16 = 0x0504
    public static let canChangeOtherPolicyAttribute: UInt16 = 0x0505
    // MLS operations
    public static let canChangeMlsOperationalPolicies: UInt16 = 0x0600
    public static let canSendMLSReinitProposal: UInt16 = 0x0601
    public static let canSendMLSUpdateProposal: UInt16 = 0x0602
    public static let canSendMLSPSKProposal: UInt16 = 0x0603
    public static let canSendMLSExternalProposal: UInt16 = 0x0604
    public static let canSendMLSExternalCommit: UInt16 = 0x0605
}
