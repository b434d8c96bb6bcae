/// A deterministic plain-text rendering of recorded exchanges (the Autobahn-style wire log of DEVELOPERS.md):
/// one block per exchange with parties, request line, status and hex of both bodies. `describe` may add a decoded
/// form for a body (`request` true for request bodies); the transport knows nothing of MIMI itself.
public enum TranscriptText {
    public static func render(_ exchanges: [Exchange], bytesPerLine: Int = 32,
                              describe: (Exchange, _ request: Bool) -> String? = { _, _ in nil }) -> String {
        var out = ""
        for e in exchanges {
            out += "#\(e.sequence) \(e.from) -> \(e.to): \(e.method) \(e.target)\n"
            for h in e.requestHeaders { out += "  > \(h.name): \(h.value)\n" }
            out += body("  >", e.requestBody, bytesPerLine)
            if let d = describe(e, true) { out += "  > = \(d)\n" }
            switch e.outcome {
            case .response(let r):
                out += "  < \(r.status) \(r.reasonPhrase)\n"
                for h in r.headers { out += "  < \(h.name): \(h.value)\n" }
                out += body("  <", r.body, bytesPerLine)
                if let d = describe(e, false) { out += "  < = \(d)\n" }
            case .failed(let error):
                out += "  ! \(error)\n"
            case .pending:
                out += "  ! no outcome recorded\n"
            }
        }
        return out
    }

    private static func body(_ prefix: String, _ bytes: [UInt8], _ width: Int) -> String {
        guard !bytes.isEmpty else { return "\(prefix) (no body)\n" }
        var out = "\(prefix) \(bytes.count) bytes\n"
        let digits = Array("0123456789abcdef")
        var offset = 0
        while offset < bytes.count {
            let line = bytes[offset..<min(offset + max(width, 1), bytes.count)]
            var text = ""
            for b in line { text.append(digits[Int(b >> 4)]); text.append(digits[Int(b & 0x0f)]) }
            let position = String(offset, radix: 16)
            out += "\(prefix) \(String(repeating: "0", count: max(0, 6 - position.count)))\(position)  \(text)\n"
            offset += max(width, 1)
        }
        return out
    }
}
