/// LabeledExtract and LabeledExpand (RFC 9180 §4) with the "HPKE-v1" version label.
enum HPKELabels {
    static let version: [UInt8] = Array("HPKE-v1".utf8)

    static func labeledExtract(_ kdf: HashAlgorithm, suiteID: [UInt8], salt: [UInt8], label: String, ikm: [UInt8]) -> [UInt8] {
        kdf.hmac(key: salt, parts: [version, suiteID, Array(label.utf8), ikm])  // Extract(salt, labeled_ikm)
    }

    static func labeledExpand(_ kdf: HashAlgorithm, suiteID: [UInt8], prk: [UInt8], label: String, info: [UInt8],
                              length: Int) throws -> [UInt8] {
        guard length >= 0, length <= Int(UInt16.max) else {
            throw MLSCryptoError(.invalidLength, "LabeledExpand length \(length) does not fit two bytes (RFC 9180 §4)")
        }
        let labeledInfo = [UInt8(length >> 8), UInt8(length & 0xff)] + version + suiteID + Array(label.utf8) + info
        return try kdf.expand(prk: prk, info: labeledInfo, length: length)
    }
}
