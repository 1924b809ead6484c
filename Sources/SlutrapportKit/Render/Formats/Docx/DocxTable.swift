/// A Word table in the reference document's table style: the header row
/// repeats on every page (`w:tblHeader`), no row splits across pages
/// (`w:cantSplit`), numbers are right-aligned, and the columns are as wide
/// as their content needs, never narrower than their longest word.
struct DocxTable {
    struct Cell {
        /// The cell's runs (WordprocessingML), already escaped.
        var runs: String
        /// The cell's text, to measure.
        var text: String
        var rightAligned = false
        var bold = false
    }

    struct Row {
        var cells: [Cell]
        var isHeader = false
        var isTotal = false
        /// A row detailing the one above: its first cell is indented.
        var isPart = false
    }

    var style: String
    var rows: [Row]
    /// Read by screen readers (`w:tblCaption`); the visible caption is a paragraph above.
    var caption: String?
    /// What the page leaves for the table, in twips.
    var available: Int

    /// Left and right cell margins (set on every table), and room for rounding.
    static let cellMargin = 100
    static let cellPadding = 2 * cellMargin + 80
    static let partIndent = 284
    /// A table of fewer body rows than this fits a page: its rows keep with
    /// the next, so that it moves whole, with its caption, rather than leave
    /// a row or two behind. A longer one breaks, its header row repeated.
    static let keptTogetherRows = 25

    /// The text size of the reference's table styles, in half-points (9 pt).
    static let styleHalfPoints = 18
    /// The smallest size a table's text is set at to keep its words whole (6 pt).
    static let smallestHalfPoints = 12

    /// Column widths in twips, and the size of the table's text in half-points.
    /// Each column gets its widest content if all fit, else at least its
    /// longest word and the rest shared by what each lacks. When even the
    /// longest words do not fit the page, the table's text is set smaller,
    /// half a point at a time, until they do: a word is never broken.
    func layout() -> (widths: [Int], halfPoints: Int) {
        let count = rows.map(\.cells.count).max() ?? 0
        // Each cell's text widths at the style's size, and its padding and indent, which do not scale.
        var cells: [(column: Int, whole: Int, word: Int, room: Int)] = []
        for row in rows {
            for (c, cell) in row.cells.enumerated() {
                let bold = cell.bold || row.isHeader || row.isTotal
                let whole = DocxTextWidth.twips(cell.text, bold: bold)
                // A number never wraps; a text may, between words.
                let word = cell.rightAligned ? whole : DocxTextWidth.longestWord(cell.text, bold: bold)
                cells.append((c, whole, word, Self.cellPadding + (row.isPart && c == 0 ? Self.partIndent : 0)))
            }
        }
        /// Each column's widest cell at `size`, whole or by its longest word.
        func widths(_ size: Int, whole: Bool) -> [Int] {
            var result = Array(repeating: 0, count: count)
            for cell in cells {
                result[cell.column] = max(result[cell.column], (whole ? cell.whole : cell.word) * size / Self.styleHalfPoints + cell.room)
            }
            return result
        }
        var size = Self.styleHalfPoints
        while size > Self.smallestHalfPoints && widths(size, whole: false).reduce(0, +) > available { size -= 1 }
        let (fullWidths, wordWidths) = (widths(size, whole: true), widths(size, whole: false))
        let total = fullWidths.reduce(0, +)
        guard total > available else { return (fullWidths, size) }
        let floor = wordWidths.reduce(0, +)
        guard floor < available else {
            // Not even the words fit at the smallest size: share the page in proportion to them.
            return (wordWidths.map { $0 * available / max(floor, 1) }, size)
        }
        let lacking = zip(fullWidths, wordWidths).map { $0 - $1 }
        let spare = available - floor
        let lackingTotal = max(lacking.reduce(0, +), 1)
        return (zip(wordWidths, lacking).map { $0 + $1 * spare / lackingTotal }, size)
    }

    /// Column widths in twips (see `layout`).
    func columnWidths() -> [Int] { layout().widths }

    var xml: String {
        let (widths, size) = layout()
        return xml(fixedWidths: widths, halfPoints: size)
    }

    /// The table with the given column widths, its text at `halfPoints`
    /// (the style's size unless given).
    func xml(fixedWidths widths: [Int], halfPoints: Int = styleHalfPoints) -> String {
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"\(style)\"/><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"\(Self.cellMargin)\" w:type=\"dxa\"/><w:right w:w=\"\(Self.cellMargin)\" w:type=\"dxa\"/></w:tblCellMar>"
            + "<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/>"
            + (caption.map { "<w:tblCaption w:val=\"\(DocxXML.escaped($0))\"/>" } ?? "")
            + "</w:tblPr><w:tblGrid>"
        for width in widths { out += "<w:gridCol w:w=\"\(width)\"/>" }
        out += "</w:tblGrid>"
        let keptTogether = rows.count - 1 < Self.keptTogetherRows
        for (r, row) in rows.enumerated() {
            out += "<w:tr><w:trPr><w:cantSplit/>" + (row.isHeader ? "<w:tblHeader/>" : "") + "</w:trPr>"
            let keepNext = row.isHeader || (keptTogether && r < rows.count - 1)
            for (c, cell) in row.cells.enumerated() {
                let borders = row.isTotal ? "<w:tcBorders><w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"1D1D1F\"/></w:tcBorders>" : ""
                var pPr = keepNext ? "<w:keepNext/>" : ""
                if row.isPart && c == 0 { pPr += "<w:ind w:left=\"\(Self.partIndent)\"/>" }
                if cell.rightAligned { pPr += "<w:jc w:val=\"right\"/>" }
                out += "<w:tc><w:tcPr><w:tcW w:w=\"\(c < widths.count ? widths[c] : 0)\" w:type=\"dxa\"/>\(borders)</w:tcPr>"
                    + DocxXML.paragraph(row.isHeader ? "TableHeading" : "TableText", pPr,
                                       halfPoints == Self.styleHalfPoints ? cell.runs : DocxXML.sized(cell.runs, halfPoints: halfPoints)) + "</w:tc>"
            }
            out += "</w:tr>"
        }
        return out + "</w:tbl>"
    }
}
