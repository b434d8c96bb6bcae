import Testing
import MLS
import TLSCodec
@testable import MIMIProtocol

@Suite("mls-extensions pieces MIMI uses")
struct ExtensionsTests {
    @Test("AppDataDictionary, ComponentData, AppEphemeral, SelfRemove, SafeAAD, ComponentsList round-trip")
    func roundTrips() {
        checkCodec(AppDataDictionary([ComponentData(componentID: 0x22, data: [1, 2]),
                                      ComponentData(componentID: 0x0A0A, data: [])]))
        checkCodec(AppDataDictionary())
        checkCodec(AppEphemeral(componentID: ComponentID.appAck, data: [9, 9]))
        checkCodec(SelfRemove())
        checkCodec(SafeAAD(aadItems: [SafeAADItem(componentID: ComponentID.frankAAD, aadItemData: [UInt8](repeating: 7, count: 32))]))
        checkCodec(ComponentsList(componentIDs: [1, 2, 0x22]))
        checkCodec(MediaTypeList(mediaTypes: [MediaType(type: "text/plain", parameters: [
            MediaTypeParameter(name: Array("charset".utf8), value: Array("utf-8".utf8))])]))
        checkCodec(ApplicationFraming(mediaType: MediaType(type: ""), innerApplicationContent: [0x87, 0x50]))
        checkCodec(WireFormats(wireFormats: [1, 2, 0xF000]))
    }

    @Test("AppDataUpdate update and remove round-trip; an unknown op is rejected")
    func appDataUpdate() {
        let update = AppDataUpdate(componentID: ComponentID.participantList, operation: .update([1, 2, 3]))
        let remove = AppDataUpdate(componentID: ComponentID.roomMetadata, operation: .remove)
        checkCodec(update)
        checkCodec(remove)
        for bad: UInt8 in [0, 3, 255] {
            expectRejected(AppDataUpdate.self, replacing(remove.tlsEncoded, at: 2, with: bad), field: "op")
        }
    }

    @Test("dictionary and SafeAAD entries must be sorted and unique")
    func sorted() {
        var w = TLSWriter()
        w.writeList([ComponentData(componentID: 5, data: []), ComponentData(componentID: 3, data: [])])
        expectRejected(AppDataDictionary.self, w.bytes, field: "component_data[1]")
        var d = TLSWriter()
        d.writeList([ComponentData(componentID: 5, data: []), ComponentData(componentID: 5, data: [1])])
        expectRejected(AppDataDictionary.self, d.bytes, field: "component_data[1]")
        var s = TLSWriter()
        s.writeList([SafeAADItem(componentID: 0x20, aadItemData: []), SafeAADItem(componentID: 0x02, aadItemData: [])])
        expectRejected(SafeAAD.self, s.bytes, field: "aad_items[1]")
    }

    @Test("dictionary subscript keeps entries sorted")
    func subscriptSorted() {
        var d = AppDataDictionary()
        d[0x30] = [3]
        d[0x01] = [1]
        d[0x22] = [2]
        #expect(d.entries.map(\.componentID) == [0x01, 0x22, 0x30])
        d[0x22] = nil
        #expect(d.entries.map(\.componentID) == [0x01, 0x30])
        #expect(d[0x30] == [3])
    }

    @Test("one remove, or updates, per component in a commit")
    func perCommitRule() {
        let u = AppDataUpdate(componentID: 1, operation: .update([]))
        let r = AppDataUpdate(componentID: 1, operation: .remove)
        #expect(AppDataUpdate.conflictingComponent(in: [u, u]) == nil)
        #expect(AppDataUpdate.conflictingComponent(in: [u, r]) == 1)
        #expect(AppDataUpdate.conflictingComponent(in: [r, r]) == 1)
        #expect(AppDataUpdate.conflictingComponent(in: [r]) == nil)
    }

    @Test("GREASE and private-use component IDs are recognized")
    func grease() {
        #expect(ComponentID.isGREASE(0x0A0A) && ComponentID.isGREASE(0x7A7A))
        #expect(!ComponentID.isGREASE(0x8A8A) && !ComponentID.isGREASE(0x0A0B))
        #expect(ComponentID.isPrivateUse(0x8000) && !ComponentID.isPrivateUse(0x7fff))
    }
}
