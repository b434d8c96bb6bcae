import Foundation
import Results
import Testing
import Vectors
@testable import Scenario

/// Every citation a default run (`mimi-harness run`: every published and generated vector, every scenario) puts in
/// its results maps to a registry entry, so coverage has no "citations matching no registry entry".
@Suite struct CoverageCitationTests {
    /// The citations of `cases` that map to nothing, with one case citing each.
    static func unmapped(_ cases: [CaseResult], in registry: RequirementRegistry) -> [String: String] {
        var out: [String: String] = [:]
        for c in cases {
            for citation in c.requirements + c.checks.map(\.requirement) where registry.ids(forCitation: citation).isEmpty {
                out[citation] = out[citation] ?? c.id
            }
        }
        return out
    }

    /// A JSON array of more than `keep` test cases cut down to its first `keep`: the MLS runners cite the same
    /// sections for every case of a file, and the whole treekem file alone takes seconds in a debug build.
    static func sample(_ bytes: [UInt8], keep: Int = 3) -> [UInt8] {
        guard bytes.first(where: { ![0x20, 0x09, 0x0a, 0x0d].contains($0) }) == UInt8(ascii: "["),
              let array = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [Any], array.count > keep,
              let cut = try? JSONSerialization.data(withJSONObject: Array(array.prefix(keep))) else { return bytes }
        return [UInt8](cut)
    }

    @Test func everyVectorCaseOfADefaultRunCitesARegistryEntry() throws {
        let registry = try Registry.shared()
        let root = Fixtures.packageRoot.path
        let published = try #require(VectorsDirectory.locate(workingDirectory: root), "no published vectors directory")
        var roots = [VectorRoot(url: published, kind: .published)]
        if let generated = ProjectLayout.generatedVectorsURL(workingDirectory: root) {
            roots.append(VectorRoot(url: generated, kind: .generated))
        }
        let plan = try VectorSuite(manifest: nil).plan(roots: roots)
        #expect(plan.files.contains { $0.runnerPath.hasPrefix("mls/") })
        #expect(plan.files.contains { $0.runnerPath.contains("mimi-content-negative/") })
        var cases: [CaseResult] = []
        for planned in plan.files {
            let bytes = try [UInt8](Data(contentsOf: planned.file.url))
            cases += planned.runner.run(VectorSource(url: planned.file.url, relativePath: planned.runnerPath, bytes: Self.sample(bytes)))
        }
        #expect(!cases.isEmpty)
        for (citation, caseId) in Self.unmapped(cases, in: registry).sorted(by: { $0.key < $1.key }) {
            Issue.record("\(caseId) cites \"\(citation)\", which matches no entry of docs/requirements.yaml")
        }
    }

    @Test func everyScenarioCitationIsARegistryEntry() throws {
        let registry = try Registry.shared()
        let files = ScenarioLoader.scenarioFiles(under: Fixtures.packageRoot.appendingPathComponent("Scenarios"))
        #expect(files.count >= 40)
        for (url, rel) in files {
            let scenario = try ScenarioLoader.load(url, displayPath: "Scenarios/" + rel, knownRequirements: registry.ids)
            for id in scenario.requirements { #expect(registry.ids(forCitation: id) == [id], "Scenarios/\(rel) cites \(id)") }
        }
        // What the executor's checks cite, whatever the scenario.
        let checks = [CheckRequirements.epochAuthenticator, CheckRequirements.epochAdvance, CheckRequirements.membership,
                      CheckRequirements.participantList, CheckRequirements.fanout, CheckRequirements.messageId,
                      CheckRequirements.duplicateId, CheckRequirements.contentRoundTrip, CheckRequirements.removedNoReceive,
                      CheckRequirements.refusedNoChange, CheckRequirements.accepted, CheckRequirements.httpStatus,
                      CheckRequirements.identifierQuery, CheckRequirements.wireValid, "MIMI-PROTO-consent-201",
                      "MIMI-PROTO-reportAbuse-hubVerifies", "MIMI-PROTO-notify-duplicate201"]
            + ResponseCodes.rejections.map(CheckRequirements.forRejection)
        for id in checks { #expect(registry.ids(forCitation: id) == [id], "\(id) is not a registry id") }
    }

    @Test func theCheckFailsOnAnUnknownCitation() throws {
        let registry = try Registry.shared()
        let cases = [
            CaseResult(id: "v/1", status: .passed, requirements: ["RFC9420 §8.5", "RFC8949 §99"]),
            CaseResult(id: "v/2", status: .failed, requirements: [], checks: [
                CheckRecord(requirement: "decoder limit (depth 33)", description: "x", passed: false),
            ]),
        ]
        #expect(Self.unmapped(cases, in: registry) == ["RFC8949 §99": "v/1", "decoder limit (depth 33)": "v/2"])
    }
}
