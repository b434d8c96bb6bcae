import Results
import Testing
import Vectors

@Suite("VectorCase expected vs actual")
struct VectorCaseTests {
    @Test("optionals are shown as the vector writes them: the value, or null")
    func optionals() {
        let a = #expect(throws: VectorMismatch.self) { try VectorCase.expectEqual(UInt32?(7), UInt32?(8), "root") }
        #expect(a?.expected == "8")
        #expect(a?.actual == "7")
        let b = #expect(throws: VectorMismatch.self) { try VectorCase.expectEqual(UInt32?.none, UInt32?(3), "parent[0]") }
        #expect(b?.actual == "null")
    }

    @Test("bytes are compared and shown as hex; a mismatch makes the case failed with its requirement")
    func bytes() {
        let r = VectorCase.run(id: "t/0", source: "t.json", cipherSuite: 1, requirements: ["RFC9420 §8"]) {
            try VectorCase.expectEqual([0x01, 0x02] as [UInt8], [0x01, 0x03], "secret", "RFC9420 §8.5")
        }
        #expect(r.status == .failed)
        #expect(r.expected == "0103")
        #expect(r.actual == "0102")
        #expect(r.requirements == ["RFC9420 §8", "RFC9420 §8.5"])
    }
}
