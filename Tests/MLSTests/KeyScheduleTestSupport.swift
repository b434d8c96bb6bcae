import Foundation
import Testing
import TLSCodec
import Vectors

/// A published vector file read as untyped JSON (for the tree-math, key-schedule and secret-tree tests).
struct CryptoVectorFile {
    let cases: [[String: Any]]

    init(_ relativePath: String) throws {
        let url = try #require(VectorsDirectory.published(relativePath), "published vector \(relativePath) not found")
        cases = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
    }

    static func source(_ relativePath: String) throws -> VectorSource {
        let url = try #require(VectorsDirectory.published(relativePath), "published vector \(relativePath) not found")
        return VectorSource(url: url, relativePath: relativePath, bytes: Array(try Data(contentsOf: url)))
    }
}

extension Dictionary where Key == String, Value == Any {
    func hexField(_ key: String) throws -> [UInt8] { try [UInt8](hex: try #require(self[key] as? String, "missing \(key)")) }
    func intField(_ key: String) throws -> Int { try #require(self[key] as? Int, "missing \(key)") }
    func object(_ key: String) throws -> [String: Any] { try #require(self[key] as? [String: Any], "missing \(key)") }
}
