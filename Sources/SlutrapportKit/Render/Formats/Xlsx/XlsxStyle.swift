/// How a cell of slutrapport.xlsx looks: its number format, weight and
/// alignment. Each style a workbook uses is one `xf` of `xl/styles.xml`
/// (`XlsxStyles`).
struct XlsxStyle: Hashable {
    enum NumberFormat: Hashable {
        case general
        /// A count: `#,##0`, grouped in the reader's locale (2 685 / 2,685).
        case count
        /// A share in whole per cent: the fraction 0.43 shows as 43%.
        case percent
        /// A share in tenths of a per cent: 0.575 shows as 57.5%.
        case percentTenths
        case kr
        case tkr

        /// Built-in formats by id (ECMA-376 §18.8.30: 3 `#,##0`, 9 `0%`); ours from 164, where custom ids start.
        var id: Int {
            switch self {
            case .general: 0
            case .count: 3
            case .percent: 9
            case .percentTenths: 164
            case .kr: 165
            case .tkr: 166
            }
        }

        init(_ unit: CellUnit) {
            self = switch unit {
            case .count: .count
            case .percent: .percent
            case .percentTenths: .percentTenths
            case .kr: .kr
            case .tkr: .tkr
            }
        }

        /// Our custom formats (`numFmt`); `\ ` is a literal space, `"…"` literal text.
        static let custom = [(164, "0.0%"), (165, "#,##0\\ \"kr\""), (166, "#,##0\\ \"tkr\"")]
    }

    enum Alignment: Hashable {
        /// Excel's own: text to the left, numbers to the right.
        case general
        case left
        /// A text where a number would be (`<5`, `..`, `–`), or a number column's header.
        case right
        /// A row that details the one above (a goal's target for one gender).
        case indented
        /// A goal met or not: a short word that would otherwise touch the number on its left.
        case centered
    }

    var format = NumberFormat.general
    var bold = false
    var alignment = Alignment.general
    /// A text wider than its column may be breaks into lines (the row grows to hold them).
    var wraps = false
    /// In a row of several lines, every cell starts at its top, beside the first line.
    var top = false

    static let normal = XlsxStyle()
    static let bold = XlsxStyle(bold: true)

    /// The `xf` element of `cellXfs`.
    var xf: String {
        var out = "<xf numFmtId=\"\(format.id)\" fontId=\"\(bold ? 1 : 0)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
        if format != .general { out += " applyNumberFormat=\"1\"" }
        if bold { out += " applyFont=\"1\"" }
        var attributes = switch alignment {
        case .general: ""
        case .left: " horizontal=\"left\""
        case .right: " horizontal=\"right\""
        case .indented: " horizontal=\"left\" indent=\"1\""
        case .centered: " horizontal=\"center\""
        }
        if top { attributes += " vertical=\"top\"" }
        if wraps { attributes += " wrapText=\"1\"" }
        return out + (attributes.isEmpty ? "/>" : " applyAlignment=\"1\"><alignment\(attributes)/></xf>")
    }
}

/// The styles a workbook uses, numbered in the order of first use after
/// Excel's "Normal" (0): the same sheets give the same numbers.
struct XlsxStyles {
    private var styles = FirstUseNumbering<XlsxStyle>([.normal])

    mutating func index(of style: XlsxStyle) -> Int { styles.index(of: style) }

    /// `xl/styles.xml`: Calibri 11 regular and bold, no fills or borders, and
    /// one `xf` a style, laid out as Excel writes them.
    var xml: String {
        var out = OfficePackage.declaration + "<styleSheet xmlns=\"\(XlsxPackage.main)\">"
        out += "<numFmts count=\"\(XlsxStyle.NumberFormat.custom.count)\">"
        for (id, code) in XlsxStyle.NumberFormat.custom { out += "<numFmt numFmtId=\"\(id)\" formatCode=\"\(XMLText().escapeText(code))\"/>" }
        out += "</numFmts>"
        out += "<fonts count=\"2\">" + Self.font("") + Self.font("<b/>") + "</fonts>"
        // The first two fills are reserved: Excel expects none and gray125 there.
        out += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        out += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        out += "<cellXfs count=\"\(styles.items.count)\">" + styles.items.map(\.xf).joined() + "</cellXfs>"
        out += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return out + "<dxfs count=\"0\"/><tableStyles count=\"0\"/></styleSheet>\n"
    }

    private static func font(_ bold: String) -> String {
        "<font>\(bold)<sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
    }
}
