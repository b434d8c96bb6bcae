import SimProviders
import TLSCodec
import Testing
import Transport

/// All randomness flows from one seed and time from the injected clock (DEVELOPERS.md, Determinism): the same
/// flow twice gives byte-identical exchanges, and both transports carry the same bytes.
@Suite("Determinism")
struct DeterminismTests {
    static func run(_ kind: TransportKind, seed: UInt64) async throws -> [String] {
        let w = try await ThreeProviders.start(kind, suite: 1, seed: seed)
        defer { Task { await w.network.shutdown() } }
        try await w.roomWithThree()
        _ = try await w.c.send(ThreeProviders.text("hello", from: ThreeProviders.cathy), room: ThreeProviders.room,
                               by: ThreeProviders.cathy1, frank: true)
        await w.network.settle()
        return w.network.exchanges().map { x in
            "\(x.sequence) \(x.from)→\(x.to) \(x.method) \(x.target) \(x.requestBody.hex) \(x.status ?? 0) \(x.responseBody?.hex ?? "")"
        }
    }

    @Test("same seed, same bytes; both transports carry identical exchanges")
    func sameSeedSameBytes() async throws {
        let a = try await Self.run(.inprocess, seed: 11)
        let b = try await Self.run(.inprocess, seed: 11)
        #expect(a == b)
        let http = try await Self.run(.http, seed: 11)
        #expect(http == a)
        let other = try await Self.run(.inprocess, seed: 12)
        #expect(other != a, "a different seed gives different keys")
    }
}
