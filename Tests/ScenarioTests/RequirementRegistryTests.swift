import Foundation
import Results
import Testing
@testable import Scenario

@Suite struct RequirementRegistryTests {
    @Test func registryLoadsWithUniqueIdsAndAllFourSources() throws {
        let r = try Registry.shared()
        #expect(r.requirements.count >= 100)
        #expect(Set(r.requirements.map(\.source)) == ["RFC9420", "draft-ietf-mimi-protocol-06", "draft-ietf-mimi-content-08", "draft-ietf-mimi-room-policy-03"])
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
        // Every citation the vector runners use today maps somewhere.
        for c in ["RFC9420 Appendix C", "RFC9420 §12.1", "RFC9420 §12.4.2", "RFC9420 §12.4.3.1", "RFC9420 §2.1", "RFC9420 §2.1.2",
                  "RFC9420 §4.1.1", "RFC9420 §5.1", "RFC9420 §5.2", "RFC9420 §6", "RFC9420 §7.4", "RFC9420 §7.5", "RFC9420 §7.6",
                  "RFC9420 §7.7", "RFC9420 §7.8", "RFC9420 §7.9", "RFC9420 §8", "RFC9420 §8.2", "RFC9420 §8.4", "RFC9420 §9"] {
            #expect(!r.ids(forCitation: c).isEmpty, "\(c) maps to no registry id")
        }
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
