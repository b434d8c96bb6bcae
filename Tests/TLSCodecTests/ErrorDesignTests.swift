import Testing
import TLSCodec

/// TLSCodecError follows the error design of every module (CodedErrors): equality and hashing on the code only, and a
/// description that names the identifier, the location, the reason and the requirement.
@Suite struct ErrorDesignTests {
    @Test func equalityAndHashAreOnTheCode() {
        let a = TLSCodecError(code: .truncated, field: "a", offset: 1, reason: "one")
        let b = TLSCodecError(code: .truncated, field: "b", offset: 9, reason: "two")
        let c = TLSCodecError(code: .trailingBytes, field: "a", offset: 1, reason: "one")
        #expect(a == b)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
    }

    @Test func descriptionNamesIdentifierLocationReasonAndRequirement() {
        let e = TLSCodecError(code: .nonMinimalLength, field: "KeyPackage.init_key", offset: 12, reason: "2 bytes for 5")
        #expect(e.identifier == "tls.nonMinimalLength")
        #expect(e.description == "tls.nonMinimalLength at KeyPackage.init_key at byte 12: 2 bytes for 5 [RFC9420-2.1.2-varintMinimal]")
    }

    @Test func everyCodeOfARuleCitesTheRegistry() {
        for code in TLSCodecError.Code.allCases {
            switch code {
            case .invalidValue, .invalidHex: #expect(code.requirement == nil)
            default: #expect(code.requirement?.hasPrefix("RFC9420-") == true || code.requirement?.hasPrefix("HARNESS-") == true)
            }
        }
    }
}
