import Testing
import TLSCodec
@testable import MIMIProtocol

@Suite("Common MIMI structures")
struct CommonTests {
    @Test("IdentifierUri round-trips and rejects bad UTF-8")
    func identifierUri() {
        checkCodec(IdentifierUri("mimi://b.example/u/bob"))
        checkCodec(IdentifierUri(""))
        expectRejected(IdentifierUri.self, [0x02, 0xc3, 0x28], field: "uri")
    }

    @Test("IdentifierUri parts")
    func parts() {
        #expect(IdentifierUri("mimi://A.example/r/clubhouse").domain == "a.example")
        #expect(IdentifierUri("mimi://a.example/r/clubhouse").scheme == "mimi")
        #expect(IdentifierUri("im:alice.smith@a.example").domain == "a.example")
        #expect(IdentifierUri("no-scheme").scheme == nil)
    }

    @Test("Protocol accepts only mls10")
    func protocolKind() {
        checkCodec(ProtocolKind.mls10)
        for bad: UInt8 in [0, 2, 255] { expectRejected(ProtocolKind.self, [bad], field: "protocol") }
    }
}
