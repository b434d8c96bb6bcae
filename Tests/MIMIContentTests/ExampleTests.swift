import Testing
import CBOR
import MIMIContent

/// The published examples: decode, re-encode byte-identically, -08 and -07 message IDs (digest §2.8 table,
/// taken from the draft text).
@Suite(.enabled(if: Examples.available, "published vectors not found (../shared/vectors or MIMI_VECTORS_DIR)"))
struct ExampleTests {
    static let ids: [String: (String, String)] = [
        "original": ("017ce54837404c3696e0c747b985cb172716d0ed0a3d249ca63ace7d82a096f4", "01b0084467273cc43d6f0ebeac13eb84229c4fffe8f6c3594c905f47779e5a79"),
        "reply": ("015354973c2b65ca937bf1e035ae53a5ab80e947afa43d46920d4202e5cc0b27", "01a419aef4e16d43cfc06c28235ecfbe9faebc740d0148e7ca20b22150930836"),
        "reaction": ("0158c4288911e50a8f6be3f47746b6682f10fd91bc8c05557aa589a3157aff68", "01b1a14a88f4480e1336be86987854f838a3ec82944d4533d8d4088578550ed7"),
        "mention": ("018d825adf9f6be00dcafc5704c4102f5022e74219d0b603e4ba7622654042af", "01cbc26869928fd13edf55ace00f99768ca4e62ad17fede45520eaca58f69d02"),
        "mention-html": ("01967ff8e9a66819738ad5cf26d2e0388a3b81d86b0f61d129c077d043ee2a4e", "012266afcbcc1072bc20e8f82fc5c37415801c241e07cd29b4eda38eff71f5e2"),
        "edit": ("014028c0deddbdea56bec26172f6ede953d11024cb82b8192b5e2aea62d7fb47", "01fdcd2f418e4b16f6ba319800a44c12b3b0730871f29385bdc6d151b15751ad"),
        "delete": ("011d9efc78d04d4dcf4d82b07d5199bbef37011c1f0c7e004b6111c6dda504b4", "01b85744b443e9db85de5bb826c04bcd65b625e53d17839dc8a3f21321421088"),
        "unlike": ("013aadbb8f313253c8930f4e93c6ca54b2ed06d258185bdcec3870534c8a4ec4", "01f4777df96bb04a66eabbe77b9a264fe725f03d2905281dbb37a8b61484d791"),
        "expiring": ("01e59db8173939facc2c8a4a0f0ae8d0c7a11a81239626630c9464a8d6717a03", "0106308e2c03346eba95b24abdfa9fe643aa247debfb7192feae647155316920"),
        "attachment": ("0176180c7d19a925021fe446d241134d05c38e0d999cdc0f39c391d2377ed9d1", "01ad825f6116adeb437a7b1f95a9d9acbcc708f83f5df505d32af9c2826e8b5f"),
        "conferencing": ("01496d15a8dba28d7397f9868b70768e4a67f765d5b5b1ae9e03848c5fdeb0ba", "01d8dab2e22b75dee4f5e52bb181d2d732008a235b80375113803e36b32a5f06"),
        "multipart-1": ("01da5a515ec5db42cc4dcc19b90c3c31245d8a1cfcce11318f24eb11dce0990e", "015c0469c52da0938c27cfa16702e27735a4729746be5f64bc5838f754828464"),
        "multipart-2": ("01d65918c6c51c8e76546337276ae6f4bfd873d867d5cb57c76bcdca3d999dd7", "016d4d9acef39420bfcb686bcc6e5d3ff70cc06b3229c051bdeba37fe0055dbc"),
        "multipart-3": ("01cfebeadbdb83c1eefb6403ba4852daf8bbbf9cd53bf5035a74d5d741950c9f", "011c6794e5c4ee607f40f4c8485a0dab5fd8be7331459b1d09e4f59693ca32b3"),
    ]

    @Test(arguments: Examples.names)
    func exampleRoundTripsAndHasItsIDs(name: String) throws {
        let bytes = try #require(Examples.bytes(name))
        let m = try ContentDecoder.decode(bytes)
        #expect(m.encoded == bytes)
        let expected = try #require(Self.ids[name])
        #expect(try m.messageID(draft: .draft08).hex == expected.0)
        #expect(try ContentDecoder.decode(bytes, draft: .draft07) == m)
        // The -07 example is this message with its references replaced by the -07 IDs of their targets.
        let to07 = Dictionary(uniqueKeysWithValues: Self.ids.values.map { ($0.0, $0.1) })
        var m07 = m
        m07.replaces = m.replaces.flatMap { to07[$0.hex] }.flatMap(id)
        m07.inReplyTo = m.inReplyTo.flatMap { to07[$0.hex] }.flatMap(id)
        #expect((m07.replaces == nil) == (m.replaces == nil) && (m07.inReplyTo == nil) == (m.inReplyTo == nil))
        #expect(try m07.messageID(draft: .draft07).hex == expected.1)
    }

    @Test func originalFieldsMatchTheDraft() throws {
        let m = try ContentDecoder.decode(try #require(Examples.bytes("original")))
        #expect(m.salt == hexBytes("5eed9406c2545547ab6f09f20a18b003"))
        #expect(m.extensions.senderUri == "mimi://example.com/u/alice-smith")
        #expect(m.extensions.roomUri == "mimi://example.com/r/engineering_team")
        guard case .single(let s) = m.nestedPart.body else { Issue.record("not a SinglePart"); return }
        #expect(s.contentType == "text/markdown;variant=GFM-MIMI")
        #expect(String(decoding: s.content, as: UTF8.self) == "Hi everyone, we just shipped release 2.0. __Good  work__!")
        #expect(MessageKind(m) == .message)
    }

    @Test func attachmentCarriesEveryExternalPartField() throws {
        let m = try ContentDecoder.decode(try #require(Examples.bytes("attachment")))
        guard case .external(let e) = m.nestedPart.body else { Issue.record("not an ExternalPart"); return }
        #expect(m.nestedPart.disposition == .attachment && m.nestedPart.language == "en")
        #expect(e.contentType == "video/mp4" && e.url == "https://example.com/storage/8ksB4bSrrRE.mp4")
        #expect(e.expires == 0 && e.size == 708_234_961 && e.encAlg == 1 && e.hashAlg == 1)
        #expect(e.key == hexBytes("21399320958a6f4c745dde670d95e0d8") && e.nonce == hexBytes("c86cf2c33f21527d1dd76f5b") && e.aad.isEmpty)
        #expect(e.contentHash.count == 32 && e.description == "2 hours of key signing video" && e.filename == "bigfile.mp4")
    }

    @Test func kindsOfTheExamples() throws {
        let kinds: [String: MessageKind] = ["reply": .reply, "reaction": .reaction, "edit": .edit, "delete": .delete,
                                            "unlike": .unlike, "expiring": .message, "multipart-2": .reaction]
        for (name, kind) in kinds {
            #expect(MessageKind(try ContentDecoder.decode(try #require(Examples.bytes(name)))) == kind, "\(name)")
        }
    }

    @Test func examplesValidateWithoutErrorsAndTheConversationIsConsistent() throws {
        var received: [ReceivedMessage] = []
        for name in Examples.names {
            let bytes = try #require(Examples.bytes(name))
            let decoded = try ContentDecoder.decodeDetailed(bytes)
            let errors = ContentValidator.validate(decoded).filter(\.isError)
            #expect(errors.isEmpty, "\(name): \(errors)")
            received.append(ReceivedMessage(id: try decoded.content.messageID(), content: decoded.content, label: name))
        }
        #expect(ConversationValidator.validate(received).isEmpty)
    }

    @Test func multipart3PartIndexAndResolution() throws {
        let m = try ContentDecoder.decode(try #require(Examples.bytes("multipart-3")))
        let parts = PartIndex.enumerate(m.nestedPart)
        #expect(parts.count == 11)
        let types = parts.map { p -> String in
            switch p.part.body {
            case .single(let s): return "\(s.contentType)|\(p.part.language)"
            case .multi(let mp): return mp.semantics.name
            default: return "?"
            }
        }
        #expect(types == ["chooseOne", "processAll", "chooseOne", "text/html;charset=utf-8|en", "text/html;charset=utf-8|fr",
                          "image/gif|", "processAll", "chooseOne", "text/html;charset=utf-8|en", "text/html;charset=utf-8|fr", "image/png|"])
        #expect(parts.map(\.depth).max() == 4)
        // Everything understood: the GIF branch (1) and English (3); the GIF (5) is pulled in by cid:5 from part 3.
        let everything = PartResolver().resolve(m.nestedPart)
        #expect(everything.chosen[0] == .some(1) && everything.chosen[2] == .some(3))
        #expect(everything.handled == [3] && everything.referenced == [5: 3])
        let noGif = PartResolver.supporting(["text/html", "image/png"]).resolve(m.nestedPart)
        // No GIF support: the PNG branch (6) is the first understood completely; PNG (10) is referenced by part 8.
        #expect(noGif.chosen[0] == .some(6) && noGif.chosen[7] == .some(8))
        #expect(noGif.handled == [8] && noGif.referenced == [10: 8])
        #expect(noGif.unprocessed == [3, 4, 5, 9])
        // French preferred: rank puts "fr" first.
        let french = PartResolver(rank: { $0.sorted { a, b in a.part.language == "fr" && b.part.language != "fr" } }).resolve(m.nestedPart)
        #expect(french.handled == [4] && french.referenced == [5: 4])
    }
}
