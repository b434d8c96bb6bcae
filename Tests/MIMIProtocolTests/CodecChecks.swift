import Testing
import TLSCodec

/// Round trip, re-encoding, truncation at every byte and one trailing byte, for one value.
func checkCodec<T: TLSCodable & Equatable>(_ value: T, sourceLocation: SourceLocation = #_sourceLocation) {
    let bytes = value.tlsEncoded
    do {
        let decoded = try T(tlsDecoding: bytes)
        #expect(decoded == value, "round trip of \(T.self)", sourceLocation: sourceLocation)
        #expect(decoded.tlsEncoded == bytes, "re-encoding of \(T.self)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("decoding \(T.self) failed: \(error); bytes \(bytes.hex)", sourceLocation: sourceLocation)
    }
    for n in 0..<bytes.count {
        do {
            _ = try T(tlsDecoding: Array(bytes.prefix(n)))
            Issue.record("\(T.self) truncated to \(n) of \(bytes.count) bytes decoded", sourceLocation: sourceLocation)
        } catch let error as TLSCodecError {
            #expect([.truncated, .lengthExceedsInput].contains(error.code),
                    "\(T.self) truncated to \(n): \(error)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(T.self) truncated to \(n) threw a non-codec error \(error)", sourceLocation: sourceLocation)
        }
    }
    do {
        _ = try T(tlsDecoding: bytes + [0])
        Issue.record("\(T.self) with a trailing byte decoded", sourceLocation: sourceLocation)
    } catch let error as TLSCodecError {
        #expect(error.code == .trailingBytes, "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("trailing byte threw \(error)", sourceLocation: sourceLocation)
    }
}

/// Expects `bytes` to be rejected as `T` with `code` at a field whose path contains `field`.
func expectRejected<T: TLSDecodable>(_ type: T.Type, _ bytes: [UInt8], code: TLSCodecError.Code = .invalidValue,
                                     field: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        _ = try T(tlsDecoding: bytes)
        Issue.record("\(T.self) accepted \(bytes.hex)", sourceLocation: sourceLocation)
    } catch let error as TLSCodecError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        #expect(error.field.contains(field), "error names \(error.field), expected \(field)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("non-codec error \(error)", sourceLocation: sourceLocation)
    }
}

/// `bytes` with the octet at `offset` replaced.
func replacing(_ bytes: [UInt8], at offset: Int, with value: UInt8) -> [UInt8] {
    var b = bytes
    b[offset] = value
    return b
}
