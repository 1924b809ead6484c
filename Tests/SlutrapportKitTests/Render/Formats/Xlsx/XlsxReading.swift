import Foundation
import FoundationXML
@testable import SlutrapportKit

/// A built slutrapport.xlsx read back as a spreadsheet program reads it:
/// the sheets in workbook order (through the workbook's relationships),
/// each cell's value from the shared strings or its `<v>`, and its number
/// format and alignment from `xl/styles.xml`.
struct XlsxReading {
    struct Cell: Equatable {
        enum Value: Equatable {
            case text(String)
            case number(Double)
        }

        var value: Value
        /// The `formatCode` of its number format: `General`, `#,##0`, `0%`…
        var format: String
        var bold: Bool
        /// `right`, `left`, `center` or nil (Excel's general).
        var alignment: String?
        var indented: Bool
    }

    struct Sheet {
        var name: String
        /// The part, `xl/worksheets/sheetN.xml`.
        var part: String
        /// Rows from 1, columns from A; nil for an empty cell.
        var rows: [[Cell?]]
        /// The rows kept in view (`pane ySplit` of a frozen pane).
        var frozenRows: Int?
        /// `<col width>` from column A on.
        var widths: [Double]
    }

    let package: DocxReading
    let sheets: [Sheet]

    init(path: String) throws {
        let package = try DocxReading(path: path)
        self.package = package
        let strings = try Self.sharedStrings(package)
        let styles = try Self.styles(package)
        let relationships = Dictionary(uniqueKeysWithValues: try package.elements("Relationship", in: "xl/_rels/workbook.xml.rels").map {
            ($0.attribute(local: "Id") ?? "", "xl/" + ($0.attribute(local: "Target") ?? ""))
        })
        sheets = try package.elements("sheet", in: "xl/workbook.xml").map { sheet in
            let part = relationships[sheet.attribute(local: "id") ?? ""] ?? ""
            return try Self.sheet(name: sheet.attribute(local: "name") ?? "", part: part, package, strings: strings, styles: styles)
        }
    }

    func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// Shared strings with `_xHHHH_` read as the character it stands for, as Excel does.
    static func sharedStrings(_ package: DocxReading) throws -> [String] {
        try package.elements("si", in: "xl/sharedStrings.xml").map { unescaped($0.stringValue ?? "") }
    }

    static func unescaped(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            let hex = rest[start.upperBound...].prefix(4)
            let end = rest[start.upperBound...].dropFirst(4).first
            if hex.count == 4, end == "_", let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) {
                out += rest[..<start.lowerBound] + String(Character(scalar))
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                out += rest[..<start.upperBound]
                rest = rest[start.upperBound...]
            }
        }
        return out + rest
    }

    /// Each `xf` of `cellXfs` as a cell without its value.
    static func styles(_ package: DocxReading) throws -> [Cell] {
        let builtIn = [0: "General", 3: "#,##0", 9: "0%"]
        var formats = builtIn
        for format in try package.elements("numFmt", in: "xl/styles.xml") {
            formats[Int(format.attribute(local: "numFmtId") ?? "") ?? -1] = format.attribute(local: "formatCode")
        }
        let fonts = try package.elements("font", in: "xl/styles.xml").map { !$0.children(local: "b").isEmpty }
        let xfs = try package.xml("xl/styles.xml").nodes(forXPath: "//*[local-name()='cellXfs']/*[local-name()='xf']").compactMap { $0 as? XMLElement }
        return xfs.map { xf in
            let alignment = xf.children(local: "alignment").first
            return Cell(value: .text(""), format: formats[Int(xf.attribute(local: "numFmtId") ?? "") ?? 0] ?? "?",
                        bold: fonts[Int(xf.attribute(local: "fontId") ?? "") ?? 0], alignment: alignment?.attribute(local: "horizontal"),
                        indented: alignment?.attribute(local: "indent") != nil)
        }
    }

    static func sheet(name: String, part: String, _ package: DocxReading, strings: [String], styles: [Cell]) throws -> Sheet {
        var rows: [[Cell?]] = []
        for cell in try package.elements("c", in: part) {
            let (column, row) = position(cell.attribute(local: "r") ?? "")
            let raw = cell.children(local: "v").first?.stringValue ?? ""
            var read = styles[Int(cell.attribute(local: "s") ?? "0") ?? 0]
            read.value = cell.attribute(local: "t") == "s" ? .text(strings[Int(raw) ?? 0]) : .number(Double(raw) ?? .nan)
            while rows.count < row { rows.append([]) }
            while rows[row - 1].count < column { rows[row - 1].append(nil) }
            rows[row - 1].append(read)
        }
        let pane = try package.elements("pane", in: part).first
        let widths = try package.elements("col", in: part).map { Double($0.attribute(local: "width") ?? "") ?? 0 }
        return Sheet(name: name, part: part, rows: rows,
                     frozenRows: pane?.attribute(local: "state") == "frozen" ? Int(pane?.attribute(local: "ySplit") ?? "") : nil, widths: widths)
    }

    /// `C17` → column 2 (from 0), row 17.
    static func position(_ reference: String) -> (column: Int, row: Int) {
        let letters = reference.prefix { $0.isLetter }
        let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
        return (column, Int(reference.dropFirst(letters.count)) ?? 0)
    }
}

extension XlsxReading.Cell {
    /// The cell as the report writes it, from its number and number format
    /// alone: `0%` → `43 %`, `0.0%` → `57,5 %`, `#,##0` → `2 685`, `… "kr"` → `1 200 kr`.
    func shown(_ style: NumberStyle) -> String {
        switch value {
        case .text(let text): return text
        case .number(let number):
            switch format {
            case "0%": return style.percent(Int((number * 100).rounded()))
            case "0.0%": return style.percent(Decimal1(tenths: Int((number * 1000).rounded())))
            case "#,##0": return style.count(Int(number))
            case "#,##0\\ \"kr\"": return style.amount(Int(number), unit: .kr)
            case "#,##0\\ \"tkr\"": return style.amount(Int(number), unit: .tkr)
            default: return "\(number) in format \(format)"
            }
        }
    }

    var number: Double? {
        if case .number(let n) = value { return n }
        return nil
    }
}

extension XlsxReading.Sheet {
    /// A table sheet's table: the header row (row 2) and the rows under it
    /// down to the first empty row (the notes follow that), as cells.
    var table: [[XlsxReading.Cell?]] {
        Array(rows.dropFirst().prefix { row in row.contains { $0 != nil } })
    }

    /// The table as the report writes it, an empty cell as "", each row as wide as the widest.
    func shownTable(_ style: NumberStyle) -> [[String]] {
        let table = self.table
        let width = table.map(\.count).max() ?? 0
        return table.map { row in (0..<width).map { c in c < row.count ? row[c]?.shown(style) ?? "" : "" } }
    }

    /// The A1 cell's text: a table sheet's caption.
    var title: String? {
        if case .text(let text)? = rows.first?.first??.value { return text }
        return nil
    }
}
