import Foundation
import Testing
@testable import MIMIProtocol

@Suite("Directory document and endpoint layout")
struct DirectoryTests {
    let room: RoomId = "mimi://a.example/r/clubhouse"
    let bob: IdentifierUri = "mimi://b.example/u/bob"

    @Test("the standard directory serializes deterministically and parses back")
    func roundTrip() throws {
        let d = DirectoryDocument.standard(base: "https://mimi.a.example/v1/")
        let again = try DirectoryDocument(json: d.json)
        #expect(again == d)
        #expect(again.json == d.json)
        #expect(d.templates["update"] == "https://mimi.a.example/v1/update/{roomId}")
        #expect(d.templates.count == MIMIEndpoint.allCases.count)
    }

    @Test("foreign directories: non-string members ignored; invalid JSON and non-objects rejected")
    func parse() throws {
        let d = try DirectoryDocument(json: Array(#"{"update": "/update{roomId}", "meta": {"x": 1}}"#.utf8))
        #expect(d.templates == ["update": "/update{roomId}"])
        #expect(throws: DirectoryError.self) { try DirectoryDocument(json: Array("[1]".utf8)) }
        #expect(throws: DirectoryError.self) { try DirectoryDocument(json: Array("{".utf8)) }
    }

    @Test("room IDs in paths: scheme stripped (default), percent-encoded, type dropped")
    func roomLayouts() throws {
        let d = DirectoryDocument.standard(base: "https://hub.example")
        #expect(try d.url(.notify, room: room) == "https://hub.example/notify/a.example/r/clubhouse")
        #expect(try d.url(.notify, room: room, layout: EndpointLayout(room: .percentEncoded))
                == "https://hub.example/notify/mimi%3A%2F%2Fa.example%2Fr%2Fclubhouse")
        #expect(try d.url(.groupInfo, room: room, layout: EndpointLayout(room: .schemeAndTypeStripped))
                == "https://hub.example/groupInfo/a.example/clubhouse")
        #expect(try d.url(.keyMaterial, user: bob) == "https://hub.example/keyMaterial/mimi%3A%2F%2Fb.example%2Fu%2Fbob")
        #expect(try d.url(identifierQueryFor: "b.example") == "https://hub.example/identifierQuery/b.example")
    }

    @Test("the draft's /update{roomId} gets its slash unless told otherwise")
    func missingSlash() throws {
        let d = DirectoryDocument(templates: ["update": "/update{roomId}"])
        #expect(try d.url(.update, room: room) == "/update/a.example/r/clubhouse")
        #expect(try d.url(.update, room: room, layout: EndpointLayout(insertMissingSlash: false)) == "/updatea.example/r/clubhouse")
        #expect(throws: DirectoryError.missingEndpoint(.notify)) { try d.url(.notify, room: room) }
        #expect(throws: DirectoryError.self) { try DirectoryDocument(templates: ["notify": "/notify"]).url(.notify, room: room) }
    }

    @Test("request paths map back to endpoint and identifier in every layout", arguments: EndpointLayout.IdentifierEncoding.allCases)
    func matchAndDecode(encoding: EndpointLayout.IdentifierEncoding) throws {
        let layout = EndpointLayout(room: encoding, user: encoding)
        let d = DirectoryDocument.standard(base: "https://hub.example/mimi")
        let url = try d.url(.submitMessage, room: room, layout: layout)
        let path = String(url.dropFirst("https://hub.example".count))
        let match = try #require(d.match(path: path))
        #expect(match.endpoint == .submitMessage)
        #expect(EndpointLayout.decode(match.remainder, as: encoding, type: "r") == room)
        let userPath = String(try d.url(.keyMaterial, user: bob, layout: layout).dropFirst("https://hub.example".count))
        let userMatch = try #require(d.match(path: userPath))
        #expect(userMatch.endpoint == .keyMaterial)
        #expect(EndpointLayout.decode(userMatch.remainder, as: encoding, type: "u") == bob)
    }

    @Test("malformed identifiers in paths are refused")
    func badPaths() {
        #expect(EndpointLayout.decode("", as: .schemeStripped, type: "r") == nil)
        #expect(EndpointLayout.decode("a.example%ZZ/r/x", as: .schemeStripped, type: "r") == nil)
        #expect(EndpointLayout.decode("mimi%3A%2F/extra", as: .percentEncoded, type: "u") == nil)
        #expect(EndpointLayout.decode("%ff", as: .percentEncoded, type: "u") == nil)
        #expect(DirectoryDocument.standard().match(path: "/unknown/x") == nil)
    }

    @Test("room IDs with reserved characters survive the round trip")
    func reserved() {
        let odd: RoomId = "mimi://a.example/r/caf\u{e9} & co?"
        for e in EndpointLayout.IdentifierEncoding.allCases where e != .schemeAndTypeStripped {
            #expect(EndpointLayout.decode(Substring(EndpointLayout.encode(odd, as: e)), as: e, type: "r") == odd)
        }
    }
}
