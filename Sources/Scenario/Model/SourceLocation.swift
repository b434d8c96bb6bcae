/// A position in a scenario file (1-based line and column), as reported by Yams marks.
///
/// Every diagnostic about a scenario file is printed as `file:line:column: message`, the form compilers use, so
/// editors and CI annotations can jump to it (Scenarios/README.md, "Errors").
public struct SourceLocation: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
