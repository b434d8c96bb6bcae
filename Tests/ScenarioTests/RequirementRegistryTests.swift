import Foundation
import Results
import Testing
@testable import Scenario

@Suite struct RequirementRegistryTests {
    @Test func registryLoadsWithUniqueIdsAndEverySource() throws {
        let r = try Registry.shared()
        #expect(r.requirements.count >= 100)
        #expect(Set(r.requirements.map(\.source)) == ["RFC9420", "RFC8949", "draft-ietf-mimi-protocol-06", "draft-ietf-mimi-content-08",
                                                      "draft-ietf-mimi-content-07", "draft-ietf-mimi-room-policy-03",
                                                      "draft-mahy-mimi-message-status-01", "mimi-harness"])
        // Harness rules are marked as such and only they are.
        #expect(r.requirements.allSatisfy { ($0.source == "mimi-harness") == ($0.level == .harness) })
        #expect(r.requirements.allSatisfy { !$0.text.isEmpty && !$0.section.isEmpty })
        #expect(r.requirements.contains { $0.level == .should })
    }

    @Test func everyIdTheExecutorCitesIsInTheRegistry() throws {
        let r = try Registry.shared()
        let cited = [CheckRequirements.epochAuthenticator, CheckRequirements.epochAdvance, CheckRequirements.membership,
                     CheckRequirements.participantList, CheckRequirements.fanout, CheckRequirements.messageId,
                     CheckRequirements.contentRoundTrip, CheckRequirements.removedNoReceive, CheckRequirements.refusedNoChange,
                     CheckRequirements.accepted, CheckRequirements.httpStatus, CheckRequirements.identifierQuery,
                     CheckRequirements.wireValid, CheckRequirements.duplicateId] + ResponseCodes.rejections.map(CheckRequirements.forRejection)
        for id in cited { #expect(r[id] != nil, "\(id) is not in docs/requirements.yaml") }
    }

    @Test func vectorCitationsMapToRegistryIds() throws {
        let r = try Registry.shared()
        #expect(r.ids(forCitation: "RFC9420 §8.5") == ["RFC9420-8.5-exporter"])
        #expect(r.ids(forCitation: "RFC9420 §8").contains("RFC9420-8-keySchedule"))
        #expect(r.ids(forCitation: "RFC9420 §8").contains("RFC9420-8.5-exporter"))
        #expect(r.ids(forCitation: "RFC 9420 §2.1.2") == ["RFC9420-2.1.2-varintMinimal"])
        #expect(r.ids(forCitation: "RFC9420 Appendix C") == ["RFC9420-AppC-treeMath"])
        #expect(r.ids(forCitation: "RFC9420 §7.9.2") == ["RFC9420-7.9-parentHash"])
        #expect(r.ids(forCitation: "RFC9420-8.7-epochAuthenticator") == ["RFC9420-8.7-epochAuthenticator"])
        #expect(r.ids(forCitation: "DEVELOPERS.md: vector provenance").isEmpty)
        #expect(r.ids(forCitation: "RFC9420 §10") == ["RFC9420-10-keyPackage"])
        #expect(r.ids(forCitation: "RFC9420 §12.4.3.3") == ["RFC9420-12.4.3.3-ratchetTree"])
        // Every citation the vector runners use today maps somewhere.
        for c in ["RFC9420 Appendix C", "RFC9420 §12.1", "RFC9420 §12.4.2", "RFC9420 §12.4.3.1", "RFC9420 §2.1", "RFC9420 §2.1.2",
                  "RFC9420 §4.1.1", "RFC9420 §5.1", "RFC9420 §5.2", "RFC9420 §6", "RFC9420 §7.4", "RFC9420 §7.5", "RFC9420 §7.6",
                  "RFC9420 §7.7", "RFC9420 §7.8", "RFC9420 §7.9", "RFC9420 §8", "RFC9420 §8.2", "RFC9420 §8.4", "RFC9420 §9"] {
            #expect(!r.ids(forCitation: c).isEmpty, "\(c) maps to no registry id")
        }
    }

    @Test func contentCitationsHonourSectionAndLevelWord() throws {
        let r = try Registry.shared()
        let c = "draft-ietf-mimi-content-08"
        // A level word keeps only the entries of that level (or those listing the qualified citation).
        #expect(r.ids(forCitation: "\(c) §6.1 MUST NOT") == ["MIMI-CONTENT-noLengthFirst"])
        #expect(Set(r.ids(forCitation: "\(c) §6.1 MUST")) == ["MIMI-CONTENT-deterministicCbor", "RFC8949-4.2.1-shortestArguments",
                                                             "RFC8949-4.2.1-definiteLengths", "RFC8949-4.2.1-keyOrder"])
        #expect(r.ids(forCitation: "\(c) §6.1") == ["MIMI-CONTENT-deterministicCbor"])
        #expect(r.ids(forCitation: "\(c) §4.3 MUST NOT") == ["MIMI-CONTENT-extensionKeyUnique"])
        #expect(r.ids(forCitation: "\(c) §4.1 MUST NOT") == ["MIMI-CONTENT-replyLoops"])
        #expect(r.ids(forCitation: "\(c) §4.1") == ["MIMI-CONTENT-schema"])
        #expect(r.ids(forCitation: "\(c) §6.3 MUST NOT") == ["MIMI-CONTENT-depthLimit"])
        #expect(r.ids(forCitation: "\(c) §6.3 SHOULD").isEmpty)
        #expect(r.ids(forCitation: "\(c) Appendix A.1") == ["MIMI-CONTENT-schema"])
        #expect(Set(r.ids(forCitation: "\(c) §9.1")).isSuperset(of: ["MIMI-CONTENT-partsLimit", "MIMI-CONTENT-discardNonMember"]))
        #expect(!r.ids(forCitation: "\(c) §9.1").contains("MIMI-CONTENT-unknownDisposition"))
        // Several sections in one citation: the union.
        #expect(Set(r.ids(forCitation: "\(c) §6.1, §6.3 MUST NOT")) == ["MIMI-CONTENT-noLengthFirst", "MIMI-CONTENT-depthLimit"])
        // RFC 8949 sections fall back to their parent like RFC 9420's.
        #expect(r.ids(forCitation: "RFC 8949 §3.2.1") == ["RFC8949-3.2.1-break"])
        #expect(r.ids(forCitation: "RFC8949 §3.9") == ["RFC8949-3-wellFormed"])
        #expect(r.ids(forCitation: "draft-mahy-mimi-message-status-01 §3") == ["MIMI-STATUS-format"])
        // Non-section citations map only where an entry lists them.
        #expect(r.ids(forCitation: "decoder limit (depth 32)") == ["HARNESS-cbor-depthLimit"])
        #expect(r.ids(forCitation: "decoder limit (depth 64)").isEmpty)
        #expect(r.ids(forCitation: "draft-ietf-mimi-content-09 §6.1").isEmpty)
    }

    @Test func citationParser() {
        #expect(Citation("RFC 9420 §8.5") == Citation(source: "RFC9420", sections: ["8.5"]))
        #expect(Citation("draft-ietf-mimi-content-08 §6.1 MUST NOT") == Citation(source: "draft-ietf-mimi-content-08", sections: ["6.1"], level: .mustNot))
        #expect(Citation("draft-ietf-mimi-content-08 §6, §9.1") == Citation(source: "draft-ietf-mimi-content-08", sections: ["6", "9.1"]))
        #expect(Citation("RFC9420 App. C") == Citation(source: "RFC9420", sections: ["Appendix C"]))
        #expect(Citation("draft-ietf-mimi-content-08 Appendix A.1 SHOULD") == Citation(source: "draft-ietf-mimi-content-08", sections: ["Appendix A.1"], level: .should))
        #expect(Citation("RFC9420 § 12.4") == Citation(source: "RFC9420", sections: ["12.4"]))
        for bad in ["decoder limit (depth 32)", "RFC9420", "RFC9420 §", "RFC9420 §8.", "RFC9420 §8 MAY", "RFC9420 §8 harness",
                    "RFCxyz §1", "RFC9420-8.5-exporter", "draft-ietf-mimi-content-08 Appendix a"] {
            #expect(Citation(bad) == nil, "\(bad)")
        }
        #expect(Citation.parent(of: "12.4.3") == "12.4")
        #expect(Citation.parent(of: "Appendix A.1") == "Appendix A")
        #expect(Citation.parent(of: "8") == nil)
    }

    @Test func registryErrorsHavePositions() {
        let dup = """
        requirements:
          - { id: A, source: RFC9420, section: "1", level: MUST, text: x }
          - { id: A, source: RFC9420, section: "1", level: MUST, text: y }
        """
        #expect(throws: ScenarioLoadError.self) { try RequirementRegistry.parse(dup, file: "r.yaml") }
        do {
            _ = try RequirementRegistry.parse(dup.replacingOccurrences(of: "level: MUST, text: y", with: "level: MAYBE, text: y").replacingOccurrences(of: "id: A, source: RFC9420, section: \"1\", level: MAYBE", with: "id: B, source: RFC9420, section: \"1\", level: MAYBE"), file: "r.yaml")
        } catch let e as ScenarioLoadError {
            #expect(e.location.line == 3)
            #expect(e.message.hasPrefix("expected level: one of MUST, MUST NOT, SHOULD, SHOULD NOT"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func coverageCountsPassingCasesAndListsUncoveredMusts() throws {
        let r = try Registry.shared()
        let cases = [
            CaseResult(id: "mls/key-schedule/0", status: .passed, requirements: ["RFC9420 §8.5"]),
            CaseResult(id: "mls/psk/0", status: .failed, requirements: ["RFC9420 §8.4"]),
            CaseResult(id: "mls/x/0", status: .unsupported, requirements: ["RFC9420 §9"]),
            CaseResult(id: "scenarios/a", status: .failed, requirements: ["MIMI-PROTO-fanout-app"], checks: [
                CheckRecord(requirement: CheckRequirements.epochAuthenticator, description: "ok", passed: true),
                CheckRecord(requirement: CheckRequirements.epochAdvance, description: "bad", passed: false),
            ]),
            CaseResult(id: "scenarios/b", status: .passed, requirements: ["no-such-requirement"]),
        ]
        let cov = Coverage(registry: r, cases: cases)
        #expect(cov.passing["RFC9420-8.5-exporter"] == ["mls/key-schedule/0"])
        #expect(cov.failing["RFC9420-8.4-pskSecret"] == ["mls/psk/0"])
        #expect(cov.passing["RFC9420-9-secretTree"] == nil && cov.failing["RFC9420-9-secretTree"] == nil)
        // A passed check inside a failed scenario counts; the failed one does not.
        #expect(cov.passing[CheckRequirements.epochAuthenticator] == ["scenarios/a"])
        #expect(cov.passing[CheckRequirements.epochAdvance] == nil)
        #expect(cov.failing["MIMI-PROTO-fanout-app"] == ["scenarios/a"])
        #expect(cov.unmapped["no-such-requirement"] == ["scenarios/b"])
        #expect(Set(cov.covered.map(\.id)) == ["RFC9420-8.5-exporter", CheckRequirements.epochAuthenticator])
        #expect(cov.uncoveredMandatory.count == r.requirements.filter { $0.level.isMandatory }.count - 2)
        #expect(cov.report.unmappedCitations == ["no-such-requirement"])
    }
}

@Suite struct RequirementDocumentationTests {
    @Test func everyRegistryIdIsDocumented() throws {
        let doc = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/requirements.md"), encoding: .utf8)
        for r in try Registry.shared().requirements {
            #expect(doc.contains("`\(r.id)`"), "\(r.id) is missing from docs/requirements.md")
        }
    }
}
