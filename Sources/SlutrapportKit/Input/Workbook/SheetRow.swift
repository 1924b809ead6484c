/// One row of a sheet: its cells as the text the CSV would hold.
package struct SheetRow: RowBytes {
    /// The sheet's row number (the `r` of `<row>`), 1-based.
    package var line: Int
    /// Columns A … the last non-empty cell of this row.
    package var count: Int
    /// Every field's start has 24 readable bytes past it: the row's buffer
    /// and the shared strings keep room after their last byte.
    package var padded: Bool { true }
    fileprivate let starts: UnsafePointer<UnsafePointer<UInt8>>
    fileprivate let lengths: UnsafePointer<Int>

    /// The UTF-8 text of column i+1 (empty when it has no cell).
    @inline(__always) package func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: starts[i], count: lengths[i])
    }

    package func string(_ i: Int) -> String {
        String(decoding: bytes(i), as: UTF8.self)
    }
}

/// Reads the rows of a sheet's `<sheetData>` into `SheetRow`s, one at a
/// time into the same buffers.
final class SheetReader {
    private let scanner: XMLScanner
    private let strings: SharedStrings
    private let dateStyles: [Bool]
    private let date1904: Bool
    private let limits: WorkbookLimits
    /// The row's texts that are not shared strings, one after another.
    private let arena: UnsafeMutablePointer<UInt8>
    private var used = 0
    /// Column k's text; columns `filled` and on are not set yet.
    private let starts: UnsafeMutablePointer<UnsafePointer<UInt8>>
    private let lengths: UnsafeMutablePointer<Int>
    private var filled = 0, count = 0, rowBytes = 0

    init(scanner: XMLScanner, workbook: Workbook) {
        self.scanner = scanner
        strings = workbook.sharedStrings
        dateStyles = workbook.dateStyles
        date1904 = workbook.date1904
        limits = workbook.limits
        // Room for a row, one cell past it (checked after it is read), a number's rewriting and the padding.
        let size = limits.rowBytes + limits.cellBytes + 64
        arena = .allocate(capacity: size)
        arena.initialize(repeating: 0, count: size)
        starts = .allocate(capacity: CellReference.columnLimit)
        lengths = .allocate(capacity: CellReference.columnLimit)
    }

    deinit {
        arena.deallocate()
        starts.deallocate()
        lengths.deallocate()
    }

    func read(_ body: (borrowing SheetRow) -> Bool) throws(WorkbookError) {
        while true {
            switch try scanner.next() {
            case .start where scanner.nameIs("sheetData"):
                if scanner.selfClosing { return }
                try readRows(body)
                return
            case .endOfDocument:
                return
            default:
                continue
            }
        }
    }

    /// A number attribute (`r` of a row, `s` of a cell): digits only.
    @inline(__always) private func digits(_ a: Int, _ b: Int) -> Int? {
        guard b > a, b - a <= 9 else { return nil }
        var v = 0
        for i in a..<b {
            let c = scanner.at(i).pointee
            guard c >= 48 && c <= 57 else { return nil }
            v = v * 10 + Int(c - 48)
        }
        return v
    }

    private func readRows(_ body: (borrowing SheetRow) -> Bool) throws(WorkbookError) {
        var row = 0
        while true {
            switch try scanner.next() {
            case .start:
                guard scanner.nameIs("row") else { try scanner.skipElement(); continue }
                var number = row + 1
                if let (a, b) = scanner.attribute("r") {
                    guard let n = digits(a, b), n > 0 else { throw scanner.malformed("a row number that is not a number", at: a) }
                    number = n
                }
                guard number > row else { throw .cell(row: number, column: 1, reason: "row \(number) comes after row \(row)") }
                row = number
                if scanner.selfClosing { continue }
                try readCells(row)
                if count > 0 {
                    let sheetRow = SheetRow(line: row, count: count, starts: starts, lengths: lengths)
                    if !body(sheetRow) { return }
                }
            case .end, .endOfDocument:
                return
            case .text:
                continue
            }
        }
    }

    /// Sets column `column` (1-based) to `n` bytes at `p`, the columns before it empty.
    @inline(__always) private func set(_ column: Int, _ p: UnsafePointer<UInt8>, _ n: Int) {
        while filled < column - 1 {
            starts[filled] = UnsafePointer(arena)
            lengths[filled] = 0
            filled += 1
        }
        starts[column - 1] = p
        lengths[column - 1] = n
        filled = column
        if n > 0 { count = column }
    }

    private func readCells(_ row: Int) throws(WorkbookError) {
        used = 0
        filled = 0
        count = 0
        rowBytes = 0
        var column = 0
        while true {
            switch try scanner.next() {
            case .start:
                guard scanner.nameIs("c") else { try scanner.skipElement(); continue }
                var at = column + 1
                if let (a, b) = scanner.attribute("r") { at = try columnNumber(a, b) }
                guard at > column else {
                    throw .cell(row: row, column: at, reason: "a cell that comes after one further right")
                }
                guard at <= CellReference.columnLimit else {
                    throw .cell(row: row, column: CellReference.columnLimit, reason: "a cell past column XFD")
                }
                column = at
                var style = 0
                if let (a, b) = scanner.attribute("s") {
                    guard let s = digits(a, b) else { throw .cell(row: row, column: at, reason: "a cell style that is not a number") }
                    style = s
                }
                guard style < dateStyles.count || style == 0 else {
                    throw .cell(row: row, column: at, reason: "a cell style (\(style)) that xl/styles.xml does not define")
                }
                let kind = cellKind()
                if scanner.selfClosing { continue }
                try readCell(row, at, kind: kind, isDate: style < dateStyles.count && dateStyles[style])
            case .end, .endOfDocument:
                return
            case .text:
                continue
            }
        }
    }

    /// What `t` says a cell holds.
    private enum Kind { case number, shared, inline, formulaString, boolean, error, date }

    private func cellKind() -> Kind {
        guard let (a, b) = scanner.attribute("t") else { return .number }
        let p = scanner.at(a), n = b - a
        switch (n, p[0]) {
        case (1, 115): return .shared        // s
        case (1, 98): return .boolean        // b
        case (1, 101): return .error         // e
        case (1, 100): return .date          // d
        case (3, 115): return .formulaString // str
        case (9, 105): return .inline        // inlineStr
        default: return .number              // n, or unknown: the value as a number
        }
    }

    /// The column number of a reference like `AB12` (its letters).
    @inline(__always) private func columnNumber(_ a: Int, _ b: Int) throws(WorkbookError) -> Int {
        var v = 0, i = a
        while i < b {
            let c = scanner.at(i).pointee
            if c >= 65 && c <= 90 { v = v * 26 + Int(c - 64) } else if c >= 97 && c <= 122 { v = v * 26 + Int(c - 96) } else { break }
            i += 1
            if v > CellReference.columnLimit { break }
        }
        guard v > 0 else { throw scanner.malformed("a cell reference without a column", at: a) }
        return v
    }

    /// Appends the text tokens up to the end of the element just started to
    /// the arena; skips nested elements, and `<rPh>` runs entirely.
    private func collectText(_ row: Int, _ column: Int, start: Int) throws(WorkbookError) {
        let target = scanner.depth - 1
        var phonetic = Int.max
        while true {
            switch try scanner.next() {
            case .text where scanner.depth < phonetic:
                let n = scanner.textEnd - scanner.textStart
                guard used - start + n <= limits.cellBytes else {
                    throw .cell(row: row, column: column, reason: "a cell longer than \(limits.cellBytes) bytes")
                }
                guard rowBytes + used - start + n <= limits.rowBytes else {
                    throw .cell(row: row, column: column, reason: "a row longer than \(limits.rowBytes) bytes")
                }
                used += scanner.copyText(to: arena + used)
            case .start where scanner.nameIs("rPh") && !scanner.selfClosing:
                phonetic = min(phonetic, scanner.depth)
            case .end:
                if scanner.depth == target { return }
                if scanner.depth < phonetic { phonetic = Int.max }
            case .endOfDocument:
                return
            default:
                continue
            }
        }
    }

    private func readCell(_ row: Int, _ column: Int, kind: Kind, isDate: Bool) throws(WorkbookError) {
        let start = used
        var hasValue = false
        let cellDepth = scanner.depth
        while true {
            switch try scanner.next() {
            case .start where scanner.depth == cellDepth + 1:
                if scanner.selfClosing { continue }
                if scanner.nameIs("v") && kind != .inline {
                    try collectText(row, column, start: start)
                    hasValue = true
                } else if scanner.nameIs("is") && kind == .inline {
                    try collectText(row, column, start: start)
                    hasValue = true
                } else {
                    try scanner.skipElement()
                }
            case .end where scanner.depth < cellDepth, .endOfDocument:
                finish(row, column, kind: kind, isDate: isDate, start: start, hasValue: hasValue)
                if kind == .shared { try shared(row, column, start) }
                return
            default:
                continue
            }
        }
    }

    private func finish(_ row: Int, _ column: Int, kind: Kind, isDate: Bool, start: Int, hasValue: Bool) {
        let p = arena + start
        var n = used - start
        guard hasValue else { used = start; return }
        switch kind {
        case .number:
            if isDate, let v = CellText.parseNumber(p, n) {
                n = CellText.writeDate(serial: v, date1904: date1904, to: p)
            } else {
                n = CellText.rewriteNumber(p, n)
            }
        case .boolean:
            if n == 1 && (p[0] == 49 || p[0] == 48) {
                let text: StaticString = p[0] == 49 ? "TRUE" : "FALSE"
                p.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
                n = text.utf8CodeUnitCount
            }
        case .inline, .formulaString:
            n = CellText.unescape(p, n)
        case .shared:
            return
        case .error, .date:
            break
        }
        used = start + n
        rowBytes += n
        set(column, UnsafePointer(p), n)
    }

    /// A shared-string cell: its index replaced by the string itself, not copied.
    private func shared(_ row: Int, _ column: Int, _ start: Int) throws(WorkbookError) {
        guard used > start else { return }
        let index = digits(start, used, in: arena)
        used = start
        guard let index, let text = strings.string(index), let base = text.baseAddress else {
            throw .cell(row: row, column: column, reason: "a shared-string index that xl/sharedStrings.xml does not have")
        }
        guard rowBytes + text.count <= limits.rowBytes else {
            throw .cell(row: row, column: column, reason: "a row longer than \(limits.rowBytes) bytes")
        }
        rowBytes += text.count
        set(column, base, text.count)
    }

    private func digits(_ a: Int, _ b: Int, in p: UnsafeMutablePointer<UInt8>) -> Int? {
        guard b > a, b - a <= 12 else { return nil }
        var v = 0
        for i in a..<b {
            guard p[i] >= 48 && p[i] <= 57 else { return nil }
            v = v * 10 + Int(p[i] - 48)
        }
        return v
    }
}
