/// Why a workbook cannot be read: one clear error, never a crash. Its text
/// names parts, sheets, cells and limits, never a cell's value (SPEC §3.2).
package enum WorkbookError: Error, Equatable, Sendable {
    /// The file is not a zip archive at all.
    case notZip
    /// An Excel 97–2003 workbook (a compound file holding a Workbook stream).
    case binaryExcel
    /// A password-protected workbook (a compound file holding an EncryptedPackage).
    case passwordProtected
    /// A zip, but not an Office Open XML workbook: `reason` says what is missing.
    case notAWorkbook(String)
    /// A zip or part this reader refuses to read (`reason`): an encrypted
    /// member, an unknown compression method, a damaged archive.
    case damaged(String)
    /// A member inflated past a limit: a zip bomb, or a workbook far beyond
    /// what a participant list needs.
    case tooLarge(part: String, reason: String)
    /// XML that is not well-formed, or declares a DTD or an entity; `line`
    /// and `column` are positions in the part.
    case malformedXML(part: String, line: Int, column: Int, reason: String)
    /// The named sheet is not in the workbook; the names it has (sheet
    /// names are not personal data).
    case noSuchSheet(String, available: [String])
    /// A row or cell the reader cannot take (too long, out of order, an
    /// index out of range), at the sheet's row and column (1-based).
    case cell(row: Int, column: Int, reason: String)

    /// The sheet row the error is at (1 when it is about the whole file).
    package var line: Int {
        if case .cell(let row, _, _) = self { return row }
        return 1
    }

    /// The sheet column the error is at (1 when it is about the whole file).
    package var column: Int {
        if case .cell(_, let column, _) = self { return column }
        return 1
    }

    package var message: String {
        switch self {
        case .notZip:
            return "the file is not an .xlsx workbook (not a zip archive)"
        case .binaryExcel:
            return "an Excel 97–2003 workbook (.xls): save it as .xlsx"
        case .passwordProtected:
            return "the workbook is password-protected: save a copy without a password"
        case .notAWorkbook(let reason):
            return "the file is not an .xlsx workbook: \(reason)"
        case .damaged(let reason):
            return "the workbook cannot be read: \(reason)"
        case .tooLarge(let part, let reason):
            return "the workbook cannot be read: \(part) \(reason)"
        case .malformedXML(let part, let line, let column, let reason):
            return "the workbook cannot be read: \(part) is not well-formed XML at line \(line), column \(column): \(reason)"
        case .noSuchSheet(let name, let available):
            let names = available.map { "'\($0)'" }.joined(separator: ", ")
            return "the workbook has no sheet '\(name)'; its sheets are \(names)"
        case .cell(let row, let column, let reason):
            return "\(reason) (cell \(CellReference.name(row: row, column: column)))"
        }
    }
}

/// A1-style cell references.
enum CellReference {
    /// Excel's last column, XFD.
    static let columnLimit = 16_384

    /// `C17` for row 17, column 3.
    static func name(row: Int, column: Int) -> String {
        letters(column) + String(row)
    }

    /// `A` for 1, `Z` for 26, `AA` for 27.
    static func letters(_ column: Int) -> String {
        var n = column, out: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(UInt8(65 + r))
            n = (n - 1) / 26
        }
        return String(decoding: out.reversed(), as: UTF8.self)
    }
}
