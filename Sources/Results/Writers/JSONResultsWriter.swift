import Foundation

/// Writes `results.json`: the ``RunResults`` as pretty JSON with sorted keys, so that two runs with the same
/// outcome differ only in their durations. The format is documented by `docs/results.schema.json`.
public struct JSONResultsWriter: ReportWriter {
    public let fileName: String

    public init(fileName: String = "results.json") {
        self.fileName = fileName
    }

    public func render(_ results: RunResults) throws -> [UInt8] {
        var bytes = Array(try Self.encoder().encode(results))
        bytes.append(0x0a)
        return bytes
    }

    /// The encoder every results.json writer uses: pretty, sorted keys, `/` unescaped.
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    /// Reads a results.json back (used by tests and by commands that merge reports).
    public static func decode(_ bytes: [UInt8]) throws -> RunResults {
        try JSONDecoder().decode(RunResults.self, from: Data(bytes))
    }
}
