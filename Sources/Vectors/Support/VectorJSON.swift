import Foundation
import TLSCodec

/// A hex string field of a vector file, decoded strictly; a bad digit names the field path and character offset.
public struct HexBytes: Decodable, Sendable, Hashable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        do {
            bytes = try [UInt8](hex: s)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }
}

/// Decodes one element of a vector array without letting a bad element spoil its neighbours.
public struct LenientCase<T: Decodable>: Decodable {
    public let result: Result<T, any Error>

    public init(from decoder: any Decoder) throws {
        do {
            result = .success(try T(from: decoder))
        } catch {
            result = .failure(error)
        }
    }
}

/// An error reading a vector file as a whole (not JSON, not an array), or one case's fields.
public struct VectorFileError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let detail: String
    public init(file: String, detail: String) {
        self.file = file
        self.detail = detail
    }
    public var description: String { "\(file): \(detail)" }
}

/// Reading the JSON vector files of mlswg/mls-implementations (an array of cases, hex byte strings; see
/// ../shared/specs/mls-vectors.md) so that one bad case never spoils its neighbours (issue 2, "Bad input").
public enum VectorJSON {
    /// Decodes a vector file that is a JSON array of cases; each element decodes (or fails) on its own.
    public static func decodeCases<T: Decodable>(_ type: T.Type, from source: VectorSource) throws -> [Result<T, any Error>] {
        do {
            let cases = try JSONDecoder().decode([LenientCase<T>].self, from: Data(source.bytes))
            return cases.map(\.result)
        } catch {
            throw VectorFileError(file: source.relativePath, detail: "not a JSON array of cases: \(describe(error))")
        }
    }

    /// A one-line description of a decoding error that names the field path.
    public static func describe(_ error: any Error) -> String {
        guard let e = error as? DecodingError else {
            // Foundation's JSONDecoder on Linux lets an integer too large for its field escape as a bare
            // `numberIsNotRepresentableInSwift(parsed: "…")`, without the field's coding path.
            let text = "\(error)"
            if text.hasPrefix("numberIsNotRepresentableInSwift(parsed: ") {
                let number = text.dropFirst("numberIsNotRepresentableInSwift(parsed: ".count).filter { $0 != "\"" && $0 != ")" }
                return "the number \(number) is out of range for the integer field that holds it"
            }
            return text
        }
        func path(_ p: [any CodingKey]) -> String {
            p.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        func field(_ p: [any CodingKey]) -> String { p.isEmpty ? "the top level" : "field '\(path(p))'" }
        switch e {
        case .keyNotFound(let key, let ctx):
            return "missing field '\(path(ctx.codingPath + [key]))'"
        case .typeMismatch(let type, let ctx):
            return "\(field(ctx.codingPath)): expected \(type): \(ctx.debugDescription)"
        case .valueNotFound(let type, let ctx):
            return "\(field(ctx.codingPath)): expected \(type), found null"
        case .dataCorrupted(let ctx):
            let p = path(ctx.codingPath)
            return p.isEmpty ? ctx.debugDescription : "field '\(p)': \(ctx.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}
