/// Refuses input whose nesting could exhaust the stack of the recursive YAML composer, before it is parsed.
///
/// Yams composes nodes recursively, so `[[[[…` ten thousand deep would crash the process. This pre-scan bounds the
/// depth from above without parsing: on each line, the indentation plus the leading `- ` indicators plus the open
/// `[`/`{` carried over from earlier lines. Real scenarios stay far below the limit; hostile ones are refused with
/// the line where the bound is crossed.
enum NestingGuard {
    static let maxDepth = 128
    static let maxBytes = 4 << 20

    static func check(_ text: String, file: String) throws {
        if text.utf8.count > maxBytes {
            throw ScenarioLoadError(SourceLocation(file: file, line: 1, column: 1),
                                    "expected a scenario file of at most \(maxBytes) bytes, found \(text.utf8.count)")
        }
        var open = 0
        var line = 1
        var column = 0
        var atLineStart = true
        var lineBound = 0
        for c in text.unicodeScalars {
            column += 1
            switch c {
            case "\n":
                line += 1
                column = 0
                atLineStart = true
                lineBound = 0
                continue
            case " " where atLineStart, "-" where atLineStart:
                lineBound += 1
            case "[", "{":
                open += 1
                atLineStart = false
            case "]", "}":
                open = max(0, open - 1)
                atLineStart = false
            default:
                atLineStart = false
            }
            if lineBound + open > maxDepth {
                throw ScenarioLoadError(SourceLocation(file: file, line: line, column: column),
                                        "expected nesting at most \(maxDepth) deep (indentation, '-' and open brackets)")
            }
        }
    }
}
