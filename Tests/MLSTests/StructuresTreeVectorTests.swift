import Foundation
import MLS
import Results
import Testing
@testable import Vectors

/// tree-validation.json and tree-operations.json (RFC 9420 §4.1.1, §7.3, §7.7, §7.8, §7.9.2, §12.1).
@Suite struct StructuresTreeVectorTests {
    static func source(_ name: String) throws -> VectorSource {
        let url = try #require(VectorsDirectory.published("mls/\(name)"), "published vector mls/\(name) not found")
        return VectorSource(url: url, relativePath: "mls/\(name)", bytes: Array(try Data(contentsOf: url)))
    }

    static func summary(_ results: [CaseResult]) -> String {
        results.filter { $0.status != .passed && $0.status != .unsupported }.prefix(3)
            .map { "\($0.id) \($0.status): \($0.message ?? "") expected \($0.expected ?? "") actual \($0.actual ?? "")" }
            .joined(separator: "\n")
    }

    @Test func treeValidation() throws {
        let results = TreeValidationRunner().run(try Self.source("tree-validation.json"))
        #expect(results.count == 98)
        #expect(results.filter { $0.status == .passed }.count == 70, "\(Self.summary(results))")
        #expect(results.filter { $0.status == .unsupported }.count == 28)
        #expect(results.filter { $0.status == .unsupported }.allSatisfy { $0.cipherSuite == 4 || $0.cipherSuite == 6 })
    }

    @Test func treeOperations() throws {
        let results = TreeOperationsRunner().run(try Self.source("tree-operations.json"))
        #expect(results.count == 5)
        #expect(results.allSatisfy { $0.status == .passed }, "\(Self.summary(results))")
    }
}
