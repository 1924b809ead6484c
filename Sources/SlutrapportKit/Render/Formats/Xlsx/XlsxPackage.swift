import Foundation

/// The parts of slutrapport.xlsx around its sheets, as Excel lays a
/// workbook out: content types, relationships, core and application
/// properties, the workbook (sheet names, print titles), styles and the
/// shared strings, in a fixed order.
struct XlsxPackage {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let spreadsheetML = "application/vnd.openxmlformats-officedocument.spreadsheetml."

    let sheets: [XlsxSheet]
    /// The workbook's title (the core properties').
    let title: String
    /// The report's language as Office tags it (`sv-SE`).
    let languageTag: String
    /// YYYY-MM-DD, only when SOURCE_DATE_EPOCH is set.
    let generated: String?

    /// Every part, in the order they are zipped in.
    func parts() -> [(name: String, contents: [UInt8])] {
        var strings = XlsxSharedStrings()
        var styles = XlsxStyles()
        // The sheets first: they number the shared strings and the styles they use.
        let sheetParts = sheets.enumerated().map { i, sheet in
            ("xl/worksheets/sheet\(i + 1).xml", Array(sheet.xml(selected: i == 0, strings: &strings, styles: &styles).utf8))
        }
        return [("[Content_Types].xml", Array(contentTypes.utf8)),
                ("_rels/.rels", Array(OfficePackage.packageRelationships(main: "xl/workbook.xml", appProperties: true).utf8)),
                ("docProps/core.xml", Array(OfficePackage.coreProperties(title: title, language: languageTag, generated: generated).utf8)),
                ("docProps/app.xml", Array(appProperties.utf8)),
                ("xl/workbook.xml", Array(workbook.utf8)),
                ("xl/_rels/workbook.xml.rels", Array(workbookRelationships.utf8)),
                ("xl/styles.xml", Array(styles.xml.utf8))]
            + sheetParts
            + [("xl/sharedStrings.xml", Array(strings.xml.utf8))]
    }

    var contentTypes: String {
        var out = OfficePackage.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(Self.spreadsheetML)sheet.main+xml\"/>"
        for i in sheets.indices {
            out += "<Override PartName=\"/xl/worksheets/sheet\(i + 1).xml\" ContentType=\"\(Self.spreadsheetML)worksheet+xml\"/>"
        }
        return out + "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(Self.spreadsheetML)styles+xml\"/>"
            + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(Self.spreadsheetML)sharedStrings+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
            + "</Types>\n"
    }

    /// The program that wrote the workbook, without its version: a new release alone changes no byte.
    var appProperties: String {
        OfficePackage.declaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\""
            + " xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\">"
            + "<Application>slutrapport</Application></Properties>\n"
    }

    /// The sheets in order (rId1… are the sheets; the styles and shared strings follow them),
    /// and each sheet's frozen rows as its print titles.
    var workbook: String {
        var out = OfficePackage.declaration + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.r)\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (i, sheet) in sheets.enumerated() {
            out += "<sheet name=\"\(XMLText().escapeText(sheet.name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
        }
        out += "</sheets>"
        let titled = sheets.enumerated().filter { $0.element.frozenRows > 0 }
        if !titled.isEmpty {
            out += "<definedNames>"
            for (i, sheet) in titled {
                // A sheet name in a formula is quoted, its own quotes doubled.
                let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
                out += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(i)\">"
                    + XMLText().escapeText("\(quoted)!$1:$\(sheet.frozenRows)") + "</definedName>"
            }
            out += "</definedNames>"
        }
        return out + "</workbook>\n"
    }

    var workbookRelationships: String {
        var out = OfficePackage.declaration + "<Relationships xmlns=\"\(OfficePackage.relationships)\">"
        for i in sheets.indices {
            out += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(OfficePackage.officeRelationship)worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
        }
        let next = sheets.count + 1
        return out + "<Relationship Id=\"rId\(next)\" Type=\"\(OfficePackage.officeRelationship)styles\" Target=\"styles.xml\"/>"
            + "<Relationship Id=\"rId\(next + 1)\" Type=\"\(OfficePackage.officeRelationship)sharedStrings\" Target=\"sharedStrings.xml\"/>"
            + "</Relationships>\n"
    }
}

/// Numbers things in the order they are first asked for: the same calls give the same numbers.
struct FirstUseNumbering<Item: Hashable> {
    private(set) var items: [Item] = []
    private var indices: [Item: Int] = [:]

    /// `first` takes the numbers from 0.
    init(_ first: [Item] = []) {
        for item in first { _ = index(of: item) }
    }

    mutating func index(of item: Item) -> Int {
        if let index = indices[item] { return index }
        indices[item] = items.count
        items.append(item)
        return items.count - 1
    }
}

/// Every text of the workbook once, in the order first used (`xl/sharedStrings.xml`).
struct XlsxSharedStrings {
    private var texts = FirstUseNumbering<String>()
    /// Every use, counted as Excel counts them (`count`).
    private(set) var uses = 0

    mutating func index(of text: String) -> Int {
        uses += 1
        return texts.index(of: text)
    }

    var xml: String {
        var out = OfficePackage.declaration + "<sst xmlns=\"\(XlsxPackage.main)\" count=\"\(uses)\" uniqueCount=\"\(texts.items.count)\">"
        for text in texts.items {
            let preserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true
            out += "<si><t" + (preserve ? " xml:space=\"preserve\"" : "") + ">\(Self.escaped(text))</t></si>"
        }
        return out + "</sst>\n"
    }

    /// XML character data in which `_xHHHH_` stays itself: readers take it
    /// for an escaped character (ECMA-376 §22.9.2.19), so its `_` is
    /// escaped in turn, as `_x005F_`.
    static func escaped(_ text: String) -> String {
        let xml = XMLText().escapeText(text)
        guard xml.contains("_x") else { return xml }
        var out = ""
        var rest = Substring(xml)
        while let underscore = rest.firstIndex(of: "_") {
            out += rest[..<underscore]
            let candidate = rest[underscore...].prefix(7)
            let hex = candidate.dropFirst(2).prefix(4)
            if candidate.count == 7, candidate.hasPrefix("_x"), candidate.hasSuffix("_"), hex.allSatisfy(\.isHexDigit) {
                out += "_x005F"
            }
            out += "_"
            rest = rest[rest.index(after: underscore)...]
        }
        return out + rest
    }
}
