import MLS
import Testing
import TLSCodec

private let updateProposal = Proposal.appDataUpdate(AppDataUpdate(componentID: 0x0022, operation: .update([0xaa, 0xbb, 0xcc])))
private let removeProposal = Proposal.appDataUpdate(AppDataUpdate(componentID: 0x0023, operation: .remove))
private let ephemeralProposal = Proposal.appEphemeral(AppEphemeral(componentID: 0x0005, data: [1, 2]))
private let selfRemoveProposal = Proposal.selfRemove(SelfRemove())

/// The draft-ietf-mls-extensions proposal bodies (§4.7 AppDataUpdate, §4.8 AppEphemeral, §6.3 SelfRemove) are
/// written inline after `proposal_type`, with no length prefix, and decoded strictly; other unknown proposal types
/// keep the opaque<V> convention.
@Suite struct AppDataProposalStructureTests {
    static let update = updateProposal
    static let ephemeral = ephemeralProposal
    static let selfRemove = selfRemoveProposal

    static func decodeError<T: TLSDecodable>(_ type: T.Type, _ bytes: [UInt8]) -> TLSCodecError? {
        do {
            _ = try T(tlsDecoding: bytes)
            return nil
        } catch let e as TLSCodecError {
            return e
        } catch {
            return nil
        }
    }

    @Test(arguments: [(Proposal, String)]([
        (updateProposal, "000800220103aabbcc"),
        (removeProposal, "0008002302"),
        (ephemeralProposal, "00090005020102"),
        (selfRemoveProposal, "000a"),
    ]))
    func inlineBodies(_ proposal: Proposal, _ hex: String) throws {
        #expect(proposal.tlsEncoded.hex == hex)
        let decoded = try Proposal(tlsDecoding: try [UInt8](hex: hex))
        #expect(decoded == proposal)
        #expect(decoded.tlsEncoded.hex == hex)
    }

    @Test func proposalTypesAndExtensionType() {
        #expect(Self.update.proposalType == .appDataUpdate && ProposalType.appDataUpdate.rawValue == 0x0008)
        #expect(Self.ephemeral.proposalType == .appEphemeral && ProposalType.appEphemeral.rawValue == 0x0009)
        #expect(Self.selfRemove.proposalType == .selfRemove && ProposalType.selfRemove.rawValue == 0x000a)
        #expect(ExtensionType.appDataDictionary.rawValue == 0x0006)
        #expect(AppDataDictionary.extensionType == .appDataDictionary)
        #expect(ProposalType.selfRemove.description == "self_remove")
    }

    @Test(arguments: [updateProposal, removeProposal, ephemeralProposal])
    func truncationAtEveryByteIsRejected(_ proposal: Proposal) {
        let bytes = proposal.tlsEncoded
        for cut in 0..<bytes.count {
            let e = Self.decodeError(Proposal.self, Array(bytes[..<cut]))
            #expect(e?.code == .truncated || e?.code == .lengthExceedsInput, "cut at \(cut): \(String(describing: e))")
        }
    }

    @Test(arguments: [updateProposal, removeProposal, ephemeralProposal, selfRemoveProposal])
    func trailingBytesAreRejected(_ proposal: Proposal) throws {
        let e = try #require(Self.decodeError(Proposal.self, proposal.tlsEncoded + [0x00]))
        #expect(e.code == .trailingBytes)
        #expect(e.offset == proposal.tlsEncoded.count)
    }

    @Test(arguments: [UInt8(0), 3, 0x7f, 255])
    func badOperationIsRejectedWithItsPath(_ op: UInt8) throws {
        let e = try #require(Self.decodeError(Proposal.self, [0x00, 0x08, 0x00, 0x22, op]))
        #expect(e.code == .invalidValue)
        #expect(e.field == "Proposal.app_data_update.op")
        #expect(e.offset == 4)
    }

    @Test func anUpdateBodyIsNotReadAsOpaque() throws {
        // An opaque<V> framing (OpenMLS/mls-rs custom-proposal style) of the same AppDataUpdate is not accepted.
        let body = AppDataUpdate(componentID: 0x0022, operation: .remove).tlsEncoded
        var w = TLSWriter()
        w.writeUInt16(0x0008)
        w.writeOpaque(body)
        #expect(Self.decodeError(Proposal.self, w.bytes) != nil)
    }

    @Test func otherUnknownTypesStayOpaque() throws {
        let hex = "000b" + "02" + "beef"
        let p = try Proposal(tlsDecoding: try [UInt8](hex: hex))
        #expect(p == .other(type: ProposalType(0x000b), data: [0xbe, 0xef]))
        #expect(p.tlsEncoded.hex == hex)
    }

    @Test func dictionaryIsStrictAndSorted() throws {
        let d = AppDataDictionary([ComponentData(componentID: 0x23, data: [2]), ComponentData(componentID: 0x01, data: [])])
        #expect(d.componentIDs == [0x01, 0x23])
        #expect(try AppDataDictionary(tlsDecoding: d.tlsEncoded) == d)
        var w = TLSWriter()
        w.writeList([ComponentData(componentID: 5, data: []), ComponentData(componentID: 5, data: [1])])
        let e = try #require(Self.decodeError(AppDataDictionary.self, w.bytes))
        #expect(e.code == .invalidValue)
        #expect(e.field.hasSuffix("component_data[1]"))
        let ext = Extension(d)
        #expect(ext.extensionType == .appDataDictionary)
        #expect(try ext.content(AppDataDictionary.self) == d)
    }
}
