import Foundation
import MLS
import MLSCrypto
import Testing
import TLSCodec
import Vectors

/// MakeKeyPackageRef and MakeProposalRef (RFC 9420 §5.2) against published values: the `new_member` of a Welcome
/// is the KeyPackageRef of the joiner's KeyPackage (welcome.json, §12.4.3.1), and a Commit's proposal references
/// are the ProposalRefs of the proposals sent before it (passive-client-handling-commit.json, §12.4).
@Suite struct RefHashVectorTests {
    static func cases(_ name: String) throws -> [[String: Any]] {
        let url = try #require(VectorsDirectory.published("mls/\(name)"), "published vector mls/\(name) not found")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
    }

    static func hex(_ c: [String: Any], _ key: String) throws -> [UInt8] {
        try [UInt8](hex: try #require(c[key] as? String, "field \(key)"))
    }

    @Test func makeKeyPackageRefIsTheWelcomeNewMember() throws {
        var checked = 0
        for c in try Self.cases("welcome.json") {
            let suiteID = UInt16(try #require(c["cipher_suite"] as? Int))
            guard CipherSuite.unsupportedReason(suiteID) == nil else { continue }
            let suite = try CipherSuite(suiteID)
            guard case .keyPackage(let keyPackage) = try MLSMessage(tlsDecoding: Self.hex(c, "key_package")).body,
                  case .welcome(let welcome) = try MLSMessage(tlsDecoding: Self.hex(c, "welcome")).body else {
                Issue.record("suite \(suiteID): key_package or welcome has another wire format")
                continue
            }
            let ref = suite.makeKeyPackageRef(keyPackage.tlsEncoded)
            #expect(ref.count == suite.hashLength)
            #expect(welcome.secrets.map(\.newMember) == [ref], "suite \(suiteID)")
            #expect(suite.makeKeyPackageRef(keyPackage.tlsEncoded + [0]) != ref)
            checked += 1
        }
        #expect(checked == 5)
    }

    @Test func makeProposalRefMatchesTheCommitsReferences() throws {
        var checked = 0
        for c in try Self.cases("passive-client-handling-commit.json") {
            let suiteID = UInt16(try #require(c["cipher_suite"] as? Int))
            guard CipherSuite.unsupportedReason(suiteID) == nil else { continue }
            let suite = try CipherSuite(suiteID)
            for epoch in try #require(c["epochs"] as? [[String: Any]]) {
                let proposals = try #require(epoch["proposals"] as? [String])
                guard !proposals.isEmpty,
                      case .publicMessage(let commitMessage) = try MLSMessage(tlsDecoding: Self.hex(epoch, "commit")).body,
                      case .commit(let commit) = commitMessage.content.body else { continue }
                let references = commit.proposals.compactMap { p -> [UInt8]? in
                    if case .reference(let r) = p { return r }
                    return nil
                }
                var refs: [[UInt8]] = []
                for hex in proposals {
                    guard case .publicMessage(let pm) = try MLSMessage(tlsDecoding: try [UInt8](hex: hex)).body else { continue }
                    let authenticated = AuthenticatedContent(wireFormat: .publicMessage, content: pm.content, auth: pm.auth)
                    refs.append(suite.makeProposalRef(authenticated.tlsEncoded))
                }
                guard !refs.isEmpty else { continue }
                #expect(refs.allSatisfy { references.contains($0) }, "suite \(suiteID): a ProposalRef is not in the Commit")
                checked += refs.count
            }
        }
        #expect(checked > 0)
    }
}
