/// One worksheet of slutrapport.xlsx: its rows of cells from A1 down, which
/// rows stay in view (frozen) and print on every page, and the XML of the
/// part, with columns as wide as their cells need.
struct XlsxSheet {
    enum Value: Equatable {
        case text(String)
        /// The number as written in `<v>`: digits, a point, no exponent.
        case number(String)
    }

    struct Cell {
        var value: Value
        var style: XlsxStyle
        /// What the reader sees: the text, or the number as the report writes it
        /// (about as wide as Excel's format shows it).
        var shown: String

        init(text: String, style: XlsxStyle = .normal) {
            (value, self.style, shown) = (.text(text), style, text)
        }

        init(number: String, shown: String, style: XlsxStyle) {
            (value, self.style, self.shown) = (.number(number), style, shown)
        }
    }

    struct Row {
        /// Nil for an empty cell.
        var cells: [Cell?]
        /// A title or a note: its text runs on over the empty cells to its
        /// right, so it counts for no column's width.
        var overflows = false
    }

    var name: String
    var rows: [Row] = []
    /// Rows from the top that stay in view and repeat on every printed page (title and header).
    var frozenRows = 0

    /// A column never narrower than Excel's default nor wider than this, in
    /// characters; a text wider than that wraps (`XlsxStyle.wraps`).
    static let minimumWidth = 8.43
    static let maximumWidth = 80.0
    /// Wider than this (in characters), the sheet prints across the page.
    static let portraitWidth = 95.0

    /// Each column's width in Excel's unit (the width of a digit of the
    /// default font), from its widest cell as the reader sees it.
    var columnWidths: [Double] {
        let count = rows.map(\.cells.count).max() ?? 0
        var widths = Array(repeating: Self.minimumWidth, count: count)
        for row in rows where !row.overflows {
            for (c, cell) in row.cells.enumerated() {
                guard let cell else { continue }
                widths[c] = max(widths[c], min(Self.width(of: cell), Self.maximumWidth))
            }
        }
        return widths
    }

    /// The cell as shown, in widths of a digit: Excel's unit is the width of
    /// a digit of the default font, and in proportion to its digits a text
    /// sets about as wide in Calibri as in DejaVu Sans, whose metrics
    /// `DocxTextWidth` has (a digit is 0.64 em: 115.2 twips at its 9 pt).
    /// Two more for the cell's margins, three for an indent.
    static func width(of cell: Cell) -> Double {
        let twips = DocxTextWidth.twips(cell.shown, bold: cell.style.bold)
        let indent = cell.style.alignment == .indented ? 3.0 : 0
        return (Double(twips * 10) / 1152).rounded(.up) + 2 + indent
    }

    /// `xl/worksheets/sheetN.xml`; `strings` and `styles` number the texts and styles it uses.
    func xml(selected: Bool, strings: inout XlsxSharedStrings, styles: inout XlsxStyles) -> String {
        let widths = columnWidths
        let lastColumn = max(widths.count, 1)
        var out = OfficePackage.declaration + "<worksheet xmlns=\"\(XlsxPackage.main)\" xmlns:r=\"\(XlsxPackage.r)\">"
        // Fit to one page wide, as many tall as it takes.
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        out += "<dimension ref=\"A1:\(Self.reference(column: lastColumn - 1, row: max(rows.count, 1)))\"/>"
        out += "<sheetViews><sheetView" + (selected ? " tabSelected=\"1\"" : "") + " workbookViewId=\"0\">"
        if frozenRows > 0 {
            let first = "A\(frozenRows + 1)"
            out += "<pane ySplit=\"\(frozenRows)\" topLeftCell=\"\(first)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"\(first)\" sqref=\"\(first)\"/>"
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !widths.isEmpty {
            out += "<cols>"
            for (c, width) in widths.enumerated() {
                out += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(Self.decimal(width))\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (r, row) in rows.enumerated() where row.cells.contains(where: { $0 != nil }) {
            // A row of wrapped text is given the height of its lines: LibreOffice does not grow it on opening.
            let lines = row.overflows ? 1 : row.cells.compactMap { $0.map(Self.lines) }.max() ?? 1
            out += lines > 1 ? "<row r=\"\(r + 1)\" ht=\"\(lines * Self.lineHeight)\" customHeight=\"1\">" : "<row r=\"\(r + 1)\">"
            for (c, cell) in row.cells.enumerated() {
                guard let cell else { continue }
                var style = cell.style
                style.top = lines > 1
                style.wraps = lines > 1 && Self.lines(cell) > 1
                let index = styles.index(of: style)
                let styled = index == 0 ? "" : " s=\"\(index)\""
                let reference = Self.reference(column: c, row: r + 1)
                switch cell.value {
                case .text(let text): out += "<c r=\"\(reference)\"\(styled) t=\"s\"><v>\(strings.index(of: text))</v></c>"
                case .number(let number): out += "<c r=\"\(reference)\"\(styled)><v>\(number)</v></c>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        out += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        let orientation = widths.reduce(0, +) > Self.portraitWidth ? "landscape" : "portrait"
        out += "<pageSetup paperSize=\"9\" fitToHeight=\"0\" orientation=\"\(orientation)\"/>"
        return out + "</worksheet>\n"
    }

    /// The height of a line of Calibri 11, in points (Excel's default row).
    static let lineHeight = 15

    /// The lines a cell's text takes in a column of the widest width, with room for breaking between words.
    static func lines(_ cell: Cell) -> Int {
        let width = width(of: cell)
        return width > maximumWidth ? Int((width / (maximumWidth - 8)).rounded(.up)) : 1
    }

    /// `B3` for column 1 (from 0), row 3.
    static func reference(column: Int, row: Int) -> String {
        columnName(column) + String(row)
    }

    /// A, B, … Z, AA, AB …
    static func columnName(_ column: Int) -> String {
        var n = column + 1
        var name = ""
        while n > 0 {
            let digit = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            n = (n - 1) / 26
        }
        return name
    }

    /// A width with at most two decimals, the same on every machine.
    static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        if fraction == 0 { return "\(hundredths / 100)" }
        let digits = fraction < 10 ? "0\(fraction)" : "\(fraction)"
        return "\(hundredths / 100)." + (digits.hasSuffix("0") ? String(digits.dropLast()) : digits)
    }
}
