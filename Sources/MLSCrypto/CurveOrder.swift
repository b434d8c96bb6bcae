/// The group order n of a NIST curve, for rejection sampling of scalars (RFC 9180 §7.1.3, FIPS 186-4 / SEC 2).
struct CurveOrder: Sendable {
    /// Big-endian n, Nsk bytes long.
    let order: [UInt8]
    /// Mask applied to the first candidate byte (RFC 9180 §7.1.3: 0xff, or 0x01 for P-521).
    let firstByteMask: UInt8

    var scalarLength: Int { order.count }

    static let p256 = CurveOrder(hex: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", mask: 0xff)
    static let p384 = CurveOrder(
        hex: "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973", mask: 0xff)
    static let p521 = CurveOrder(
        hex: "01fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffa51868783bf2f966b7fcc0148f709a5d03bb5c9b8899c47aebb6fb71e91386409",
        mask: 0x01)

    private init(hex: String, mask: UInt8) {
        var bytes: [UInt8] = []
        var it = hex.utf8.makeIterator()
        while let hi = it.next(), let lo = it.next() {
            bytes.append(Self.nibble(hi) << 4 | Self.nibble(lo))
        }
        order = bytes
        firstByteMask = mask
    }

    private static func nibble(_ c: UInt8) -> UInt8 {
        c >= 0x61 ? c - 0x61 + 10 : c - 0x30
    }

    /// Whether a big-endian scalar of Nsk bytes lies in [1, n).
    func isValidScalar(_ s: [UInt8]) -> Bool {
        guard s.count == order.count, s.contains(where: { $0 != 0 }) else { return false }
        for (a, b) in zip(s, order) where a != b { return a < b }
        return false
    }

    /// Masks the first byte of a candidate and returns it if it is a valid scalar.
    func candidate(_ bytes: [UInt8]) -> [UInt8]? {
        var c = bytes
        guard !c.isEmpty else { return nil }
        c[0] &= firstByteMask
        return isValidScalar(c) ? c : nil
    }

    /// Draws candidates from `source` until one is a valid scalar (at most 256 tries).
    func sampleScalar(_ source: (Int) -> [UInt8]) throws -> [UInt8] {
        for _ in 0..<256 {
            if let c = candidate(source(scalarLength)) { return c }
        }
        throw MLSCryptoError(.deriveKeyPairFailed, "no valid scalar in 256 candidates")
    }
}
