import Foundation

/// How the bytes of a FILE argument are written: raw CBOR, hexadecimal or base64 (auto-detected by default).
public enum ContentInputFormat: String, CaseIterable, Sendable {
    case auto, binary, hex, base64
}

/// Reads the FILE argument of the `content` subcommands (`-` is stdin) and turns it into CBOR bytes.
public enum ContentInput {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    public static func read(_ path: String) throws -> [UInt8] {
        if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw Failure(description: "cannot read \(path): \(error.localizedDescription)")
        }
    }

    /// Decodes `raw` as `format`; `auto` takes text made only of hex digits (and whitespace) as hex, text made only
    /// of base64 characters as base64, and anything else as binary CBOR.
    public static func decode(_ raw: [UInt8], format: ContentInputFormat = .auto) throws -> (bytes: [UInt8], format: ContentInputFormat) {
        let text = raw.filter { !($0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09) }
        func isHex(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) || (0x61...0x66).contains(c) || (0x41...0x46).contains(c) }
        func isB64(_ c: UInt8) -> Bool {
            (0x41...0x5a).contains(c) || (0x61...0x7a).contains(c) || (0x30...0x39).contains(c) || c == 0x2b || c == 0x2f || c == 0x3d || c == 0x2d || c == 0x5f
        }
        switch format {
        case .binary:
            return (raw, .binary)
        case .hex:
            return (try hex(text), .hex)
        case .base64:
            return (try base64(text), .base64)
        case .auto:
            if !text.isEmpty, text.count % 2 == 0, text.allSatisfy(isHex) { return (try hex(text), .hex) }
            if !text.isEmpty, text.allSatisfy(isB64), let b = try? base64(text) { return (b, .base64) }
            return (raw, .binary)
        }
    }

    static func hex(_ text: [UInt8]) throws -> [UInt8] {
        do {
            return try [UInt8](hex: String(decoding: text, as: UTF8.self))
        } catch {
            throw Failure(description: "not hexadecimal: \(error)")
        }
    }

    static func base64(_ text: [UInt8]) throws -> [UInt8] {
        var s = String(decoding: text, as: UTF8.self).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while s.count % 4 != 0 { s += "=" }
        guard let d = Data(base64Encoded: s) else { throw Failure(description: "not base64") }
        return [UInt8](d)
    }
}
