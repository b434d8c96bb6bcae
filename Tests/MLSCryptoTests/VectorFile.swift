import Foundation
import Testing
import TLSCodec
import Vectors

/// A published vector file read as untyped JSON, for tests that call the crypto functions directly.
struct VectorFile {
    let cases: [[String: Any]]

    init(_ relativePath: String) throws {
        let url = try #require(VectorsDirectory.published(relativePath), "published vector \(relativePath) not found")
        let data = try Data(contentsOf: url)
        cases = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    }

    /// Source wrapper for the runners.
    static func source(_ relativePath: String) throws -> VectorSource {
        let url = try #require(VectorsDirectory.published(relativePath), "published vector \(relativePath) not found")
        return VectorSource(url: url, relativePath: relativePath, bytes: Array(try Data(contentsOf: url)))
    }
}

/// Reads nested fields of a JSON case.
struct JSONCase {
    let object: [String: Any]
    init(_ object: [String: Any]) { self.object = object }

    func sub(_ key: String) throws -> JSONCase { JSONCase(try #require(object[key] as? [String: Any], "missing \(key)")) }
    func hex(_ key: String) throws -> [UInt8] { try [UInt8](hex: try #require(object[key] as? String, "missing \(key)")) }
    func string(_ key: String) throws -> String { try #require(object[key] as? String, "missing \(key)") }
    func int(_ key: String) throws -> Int { try #require(object[key] as? Int, "missing \(key)") }
}
