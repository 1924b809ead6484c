/// Limits on the narrative sections, measured on Debian's libcmark-gfm
/// 0.29.0.gfm.6 (docs/input.md has the figures). Outside tables its worst
/// inputs are linear, about 1.5 s a megabyte; inside a table, a row takes
/// time growing with the square of its cells and every row is filled to
/// the header's width, so a 600 kB table took 27 s.
enum Narrative {
    /// A section's text: the slowest text of this size renders in 0.2 s.
    static let maximumSectionBytes = 128 * 1024
    /// Every section's title and text together, counting each use of a section file.
    static let maximumNarrativeBytes = 1024 * 1024
    /// Cells in any line of a table.
    static let maximumTableColumns = 100
    /// Lines times columns of a table.
    static let maximumTableCells = 50_000

    /// A table past a limit, by the 1-based line to point at.
    struct TableProblem: Equatable {
        enum Kind: Equatable { case columns(Int), cells(Int) }
        var line: Int
        var kind: Kind
    }

    /// Tables too large for cmark-gfm, found in one pass without parsing.
    /// The count is an upper bound: a table runs from the paragraph its
    /// header row ends to the next blank line, so every non-blank line
    /// around a line that could be a delimiter row (`|---|:--|`) counts as
    /// a row, and its width is the most cells of any of them.
    static func oversizedTables(in text: String) -> [TableProblem] {
        var problems: [TableProblem] = []
        var (lines, widest, widestLine, delimiterLine) = (0, 0, 0, nil as Int?)
        var lineNumber = 0
        func endBlock() {
            if let delimiterLine {
                if widest > maximumTableColumns {
                    problems.append(TableProblem(line: widestLine, kind: .columns(widest)))
                } else if lines * widest > maximumTableCells {
                    problems.append(TableProblem(line: delimiterLine, kind: .cells(lines * widest)))
                }
            }
            (lines, widest, widestLine, delimiterLine) = (0, 0, 0, nil)
        }
        for line in Self.lines(text) {
            lineNumber += 1
            guard !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else {
                endBlock()
                continue
            }
            lines += 1
            let cells = cellCount(line)
            if cells > widest { (widest, widestLine) = (cells, lineNumber) }
            if delimiterLine == nil && isDelimiterRowLike(line) { delimiterLine = lineNumber }
        }
        endBlock()
        return problems
    }

    /// The lines of `text` without their endings (`\n`, `\r\n` or `\r`, as CommonMark has them).
    static func lines(_ text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\n"):
                lines.append(bytes[start..<i])
                start = i + 1
            case UInt8(ascii: "\r"):
                lines.append(bytes[start..<i])
                if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\n") { i += 1 }
                start = i + 1
            default:
                break
            }
            i += 1
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    /// Cells the line would make as a table row: its `|`s split it, outer
    /// ones (after any `>` of a block quote) open and close it. Escaped
    /// pipes count too, which can only overstate.
    static func cellCount(_ line: ArraySlice<UInt8>) -> Int {
        let content = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: ">") }
        let trimmed = content.reversed().drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let pipes = content.count { $0 == UInt8(ascii: "|") }
        var cells = pipes + 1
        if content.first == UInt8(ascii: "|") { cells -= 1 }
        if trimmed.first == UInt8(ascii: "|") && (pipes > 1 || content.first != UInt8(ascii: "|")) { cells -= 1 }
        return max(1, cells)
    }

    /// Could be a table's delimiter row once block quote and list markers are
    /// taken off: only `| - :`, spaces and those markers, with a `-`.
    static func isDelimiterRowLike(_ line: ArraySlice<UInt8>) -> Bool {
        var dash = false
        for byte in line {
            switch byte {
            case UInt8(ascii: "-"): dash = true
            case UInt8(ascii: "|"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C,
                 UInt8(ascii: ">"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: ")"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                continue
            default: return false
            }
        }
        return dash
    }
}

/// Where a section's text was written, to point a diagnostic about one of
/// its lines into the file that holds it.
struct NarrativeSource {
    enum Kind {
        /// A section file: the text's lines are the file's.
        case file
        /// A literal block (`|`) in project.yaml: the text's first line is this line of the file.
        case literal(firstLine: Int)
        /// Any other YAML style folds or escapes lines: positions go to the text's start.
        case folded
    }

    var kind: Kind
    /// The section file, or project.yaml.
    var file: String
    /// The text's own position in project.yaml (the scalar, or the file name).
    var start: SourceLocation
    /// The folder a relative image path starts from.
    var folder: String
}
