import MLS
import Testing
import TLSCodec

/// Strict decoding of RFC 9420 structures: closed enumerations rejected, open registries preserved, presence rules.
@Suite struct StructuresStrictnessTests {
    static func decodeError<T: TLSDecodable>(_ type: T.Type, _ hex: String) -> TLSCodecError? {
        do {
            _ = try T(tlsDecoding: try [UInt8](hex: hex))
            return nil
        } catch let e as TLSCodecError {
            return e
        } catch {
            return nil
        }
    }

    static func roundTrip<T: TLSCodable>(_ type: T.Type, _ hex: String) throws -> String {
        try T(tlsDecoding: try [UInt8](hex: hex)).tlsEncoded.hex
    }

    // A minimal Welcome: suite 1, no secrets, empty encrypted_group_info.
    static let welcomeBody = "0001" + "00" + "00"

    @Test func mlsMessageRejectsOtherVersions() throws {
        let e = try #require(Self.decodeError(MLSMessage.self, "0002" + "0003" + Self.welcomeBody))
        #expect(e.code == .invalidValue)
        #expect(e.field == "MLSMessage.version")
        #expect(e.offset == 0)
        #expect(try Self.roundTrip(MLSMessage.self, "0001" + "0003" + Self.welcomeBody) == "0001" + "0003" + Self.welcomeBody)
    }

    @Test(arguments: ["0000", "0006", "0a0a", "ffff"])
    func mlsMessageRejectsUnknownWireFormats(_ wire: String) throws {
        let e = try #require(Self.decodeError(MLSMessage.self, "0001" + wire + Self.welcomeBody))
        #expect(e.code == .invalidValue)
        #expect(e.field == "MLSMessage.wire_format")
        #expect(e.offset == 2)
    }

    @Test func unknownCredentialTypeIsPreserved() throws {
        let hex = "0a0a" + "03" + "aabbcc"
        let c = try Credential(tlsDecoding: try [UInt8](hex: hex))
        #expect(c == .other(type: CredentialType(0x0a0a), data: [0xaa, 0xbb, 0xcc]))
        #expect(c.credentialType.isGrease)
        #expect(c.tlsEncoded.hex == hex)
    }

    @Test func x509CredentialIsAChain() throws {
        let hex = "0002" + "06" + "02" + "0102" + "02" + "0304"
        let c = try Credential(tlsDecoding: try [UInt8](hex: hex))
        #expect(c == .x509(certificates: [Certificate(certData: [1, 2]), Certificate(certData: [3, 4])]))
        #expect(c.tlsEncoded.hex == hex)
    }

    @Test func unknownProposalTypeIsPreserved() throws {
        let hex = "ff01" + "02" + "beef"
        let p = try Proposal(tlsDecoding: try [UInt8](hex: hex))
        #expect(p.proposalType == ProposalType(0xff01))
        #expect(p.tlsEncoded.hex == hex)
    }

    @Test func greaseExtensionIsPreservedAndTypedViewsDecode() throws {
        let ext = [Extension(extensionType: ExtensionType(0x3a3a), extensionData: [9, 9]),
                   Extension(ExternalPub(externalPub: [1, 2, 3]))]
        var w = TLSWriter()
        w.writeList(ext)
        let decoded = try GroupContextExtensions(tlsDecoding: w.bytes)
        #expect(decoded.extensions == ext)
        #expect(decoded.extensions[0].extensionType.isGrease)
        #expect(try decoded.extensions.find(ExternalPub.self) == ExternalPub(externalPub: [1, 2, 3]))
        #expect(try decoded.extensions.find(ExternalSenders.self) == nil)
        #expect(decoded.extensions.firstDuplicateType == nil)
    }

    @Test func greaseValues() {
        #expect(GreaseValue.isGrease(0x0a0a))
        #expect(GreaseValue.isGrease(0xeaea))
        #expect(!GreaseValue.isGrease(0xfafa))
        #expect(!GreaseValue.isGrease(0x0a0b))
        #expect(!GreaseValue.isGrease(0x0001))
    }

    @Test func senderTypeOutOfRangeIsRejected() throws {
        let e = try #require(Self.decodeError(Sender.self, "05"))
        #expect(e.code == .invalidValue)
        #expect(e.field == "Sender.sender_type")
    }

    @Test func contentTypeOutOfRangeIsRejected() throws {
        // FramedContent: group_id "", epoch 0, sender member 0, authenticated_data "", content_type 4.
        let e = try #require(Self.decodeError(FramedContent.self, "00" + "0000000000000000" + "0100000000" + "00" + "04"))
        #expect(e.code == .invalidValue)
        #expect(e.field == "FramedContent.content_type")
        #expect(e.offset == 15)
    }

    @Test func leafNodeSourceOutOfRangeIsRejected() throws {
        // encryption_key, signature_key, basic credential, empty capabilities, then source 4.
        let hex = "00" + "00" + "0001" + "00" + "0000000000" + "04"
        let e = try #require(Self.decodeError(LeafNode.self, hex))
        #expect(e.code == .invalidValue)
        #expect(e.field == "LeafNode.leaf_node_source")
    }

    @Test func optionalPresenceMustBeZeroOrOne() throws {
        let e = try #require(Self.decodeError(Commit.self, "00" + "02"))
        #expect(e.code == .invalidOptionalPresence)
        #expect(e.field == "Commit.path")
    }

    @Test func trailingBytesAreRejected() throws {
        let e = try #require(Self.decodeError(Remove.self, "0000000100"))
        #expect(e.code == .trailingBytes)
    }

    @Test func pskTypeAndUsageAreClosed() throws {
        #expect(Self.decodeError(PreSharedKeyID.self, "03" + "00" + "00")?.code == .invalidValue)
        #expect(Self.decodeError(PreSharedKeyID.self, "02" + "04" + "00" + "0000000000000000" + "00")?.field == "PreSharedKeyID.usage")
        let resumption = "02" + "01" + "0101" + "0000000000000007" + "0102"
        #expect(try Self.roundTrip(PreSharedKeyID.self, resumption) == resumption)
    }

    @Test func confirmationTagOnlyForCommits() throws {
        let proposal = try decodeAuth("0101" + "0102", contentType: .proposal)
        #expect(proposal.value.confirmationTag == nil)
        #expect(proposal.remaining == 2)
        let commit = try decodeAuth("0101" + "0102", contentType: .commit)
        #expect(commit.value.confirmationTag == [2])
        #expect(commit.remaining == 0)
    }

    @Test func membershipTagOnlyForMembers() throws {
        // PublicMessage with a new_member_proposal sender: no membership_tag; with remove proposal body.
        let content = "00" + "0000000000000000" + "03" + "00" + "02" + "0003" + "00000001"
        let hex = content + "0100"
        let pm = try PublicMessage(tlsDecoding: try [UInt8](hex: hex))
        #expect(pm.membershipTag == nil)
        #expect(pm.tlsEncoded.hex == hex)
        try pm.checkShape()
        let member = "00" + "0000000000000000" + "0100000002" + "00" + "02" + "0003" + "00000001" + "0100" + "02abcd"
        let pm2 = try PublicMessage(tlsDecoding: try [UInt8](hex: member))
        #expect(pm2.membershipTag == [0xab, 0xcd])
        var bad = pm2
        bad.membershipTag = nil
        #expect(throws: MLSError.code(.membershipTagInvalid)) { try bad.checkShape() }
    }

    @Test func privateMessageContentPaddingMustBeZero() throws {
        // application data "ab", signature "01", then padding.
        let ok = try PrivateMessageContent(decoding: try [UInt8](hex: "01ab" + "0101" + "000000"), contentType: .application)
        #expect(ok.paddingLength == 3)
        #expect(ok.tlsEncoded.hex == "01ab" + "0101" + "000000")
        let e = #expect(throws: TLSCodecError.self) {
            try PrivateMessageContent(decoding: try [UInt8](hex: "01ab" + "0101" + "000100"), contentType: .application)
        }
        #expect(e?.code == .invalidValue)
        #expect(e?.field == "PrivateMessageContent.padding")
        #expect(e?.offset == 5)
    }

    @Test func framedContentTBSIncludesContextOnlyForMemberAndNewMemberCommit() throws {
        let content = FramedContent(groupID: [1], epoch: 2, sender: .member(leafIndex: 0), authenticatedData: [],
                                    body: .application([7]))
        #expect(throws: MLSError.code(.invalidOperation)) {
            try FramedContentTBS(wireFormat: .privateMessage, content: content, serializedGroupContext: nil)
        }
        let tbs = try FramedContentTBS(wireFormat: .privateMessage, content: content, serializedGroupContext: [0xee])
        #expect(tbs.tlsEncoded.hex == "0001" + "0002" + content.tlsEncoded.hex + "ee")
        var external = content
        external.sender = .external(senderIndex: 1)
        let tbs2 = try FramedContentTBS(wireFormat: .publicMessage, content: external, serializedGroupContext: [0xee])
        #expect(tbs2.tlsEncoded.hex == "0001" + "0001" + external.tlsEncoded.hex)
    }

    @Test func leafNodeTBSAddsGroupAndIndexForUpdateAndCommit() throws {
        let caps = Capabilities(versions: [.mls10], cipherSuites: [1], extensions: [], proposals: [], credentials: [.basic])
        var leaf = LeafNode(encryptionKey: [1], signatureKey: [2], credential: .basic(identity: [3]), capabilities: caps,
                            source: .keyPackage(.eternal), extensions: [], signature: [4])
        let kpTBS = LeafNodeTBS(leafNode: leaf, groupID: [9], leafIndex: 5).tlsEncoded
        #expect(kpTBS + [1, 4] == leaf.tlsEncoded)
        leaf.source = .update
        let upTBS = LeafNodeTBS(leafNode: leaf, groupID: [9], leafIndex: 5).tlsEncoded
        #expect(upTBS.suffix(6) == [1, 9, 0, 0, 0, 5])
    }
}

/// Decodes auth data from hex and reports how many bytes were left.
func decodeAuth(_ hex: String, contentType: ContentType) throws -> (value: FramedContentAuthData, remaining: Int) {
    var r = TLSReader(try [UInt8](hex: hex))
    let v = try FramedContentAuthData(from: &r, contentType: contentType)
    return (v, r.remaining)
}
