/// An .xlsx opened for reading: container checked, workbook,
/// relationships, styles and shared strings read. The sheet itself is
/// streamed by `forEachRow`.
package struct Workbook {
    package let sheetName: String
    let archive: ZipArchive
    let sheet: ZipArchive.Member
    let sharedStrings: SharedStrings
    /// For each cell style (`s`): whether its number format is a date.
    let dateStyles: [Bool]
    let date1904: Bool
    let limits: WorkbookLimits

    /// `sheet`: the worksheet's name (nil: the first in workbook order);
    /// an exact name first, then one alike but for case.
    package static func open(path: String, sheet: String?, limits: WorkbookLimits = .standard) throws(WorkbookError) -> Workbook {
        let archive = try ZipArchive(path: path, limits: limits)
        let workbookPath = try officeDocument(archive)
        guard let workbookMember = archive.member(workbookPath) else {
            throw .notAWorkbook("it has no \(workbookPath)")
        }
        // The sheets in document order (not by sheetId), and the date system.
        var sheets: [(name: String, id: String)] = []
        var date1904 = false
        try XMLPart.elements(of: try archive.readWhole(workbookMember), part: workbookMember.name) { e throws(WorkbookError) in
            if e.name == "sheet", let name = e.attributes["name"], let id = e.attributes["id"] { sheets.append((name, id)) }
            if e.name == "workbookPr", let v = e.attributes["date1904"] { date1904 = v == "1" || v == "true" }
        }
        guard !sheets.isEmpty else { throw .notAWorkbook("\(workbookMember.name) lists no sheet") }
        let chosen: (name: String, id: String)
        if let wanted = sheet {
            guard let found = sheets.first(where: { $0.name == wanted })
                ?? sheets.first(where: { $0.name.lowercased() == wanted.lowercased() }) else {
                throw .noSuchSheet(wanted, available: sheets.map(\.name))
            }
            chosen = found
        } else {
            chosen = sheets[0]
        }
        let rels = try relationships(archive, of: workbookMember.name)
        guard let target = rels.first(where: { $0.id == chosen.id })?.target, let sheetMember = archive.member(target) else {
            throw .notAWorkbook("sheet '\(chosen.name)' has no part in the archive")
        }
        let styles = try rels.first(where: { $0.type.hasSuffix("/styles") }).flatMap { archive.member($0.target) }
            .map { member throws(WorkbookError) in try Self.dateStyles(archive, member) } ?? []
        var strings = SharedStrings()
        if let member = rels.first(where: { $0.type.hasSuffix("/sharedStrings") }).flatMap({ archive.member($0.target) }) {
            let scanner = XMLScanner(part: member.name, stream: try archive.open(member))
            strings = try SharedStrings.read(scanner, limits: limits)
            try scanner.drain()
        }
        return Workbook(sheetName: chosen.name, archive: archive, sheet: sheetMember, sharedStrings: strings,
                        dateStyles: styles, date1904: date1904, limits: limits)
    }

    /// The workbook part named by _rels/.rels (xl/workbook.xml when there is none).
    private static func officeDocument(_ archive: ZipArchive) throws(WorkbookError) -> String {
        guard archive.member("_rels/.rels") != nil else { return "xl/workbook.xml" }
        let rels = try relationships(archive, of: "")
        return rels.first(where: { $0.type.hasSuffix("/officeDocument") })?.target ?? "xl/workbook.xml"
    }

    /// The relationships of the part at `source` ("" for the package), their
    /// targets resolved to part names (relative to the source's folder, or absolute).
    private static func relationships(_ archive: ZipArchive, of source: String) throws(WorkbookError) -> [(id: String, type: String, target: String)] {
        let folder = source.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let file = source.split(separator: "/").last.map(String.init) ?? ""
        let relsName = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard let member = archive.member(relsName) else { return [] }
        var out: [(id: String, type: String, target: String)] = []
        try XMLPart.elements(of: try archive.readWhole(member), part: member.name) { e throws(WorkbookError) in
            guard e.name == "Relationship", let id = e.attributes["Id"], let target = e.attributes["Target"],
                  e.attributes["TargetMode"] != "External" else { return }
            out.append((id, e.attributes["Type"] ?? "", resolve(target, from: folder)))
        }
        return out
    }

    /// A relationship's target as a part name: `/xl/x.xml` absolute, else
    /// relative to `folder`, with `.` and `..` resolved.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    /// For each cell format of xl/styles.xml (`cellXfs`), whether it shows a date.
    private static func dateStyles(_ archive: ZipArchive, _ member: ZipArchive.Member) throws(WorkbookError) -> [Bool] {
        var custom: [Int: String] = [:]
        var formats: [Int] = []
        try XMLPart.elements(of: try archive.readWhole(member), part: member.name) { e throws(WorkbookError) in
            if e.name == "numFmt", let id = e.attributes["numFmtId"].flatMap({ Int($0) }), let code = e.attributes["formatCode"] {
                custom[id] = code
            } else if e.name == "xf" && e.parent == "cellXfs" {
                formats.append(e.attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            }
        }
        return formats.map { id in custom[id].map(CellFormat.isDate(code:)) ?? CellFormat.builtInDates.contains(id) }
    }

    /// About how many rows the sheet holds, from its compressed size (a
    /// sheet as Excel saves it deflates to some 40 bytes a row), for sizing
    /// tables; bounded, as the size is the file's word, never used for counting.
    package var estimatedRows: Int { min(sheet.compressedSize / 40, 4_000_000) }

    /// Streams the sheet's rows that have at least one non-empty cell, in
    /// order; `body` returns false to stop.
    package func forEachRow(_ body: (borrowing SheetRow) -> Bool) throws(WorkbookError) {
        let scanner = XMLScanner(part: sheet.name, stream: ReadAheadStream(try archive.open(sheet)))
        let reader = SheetReader(scanner: scanner, workbook: self)
        try reader.read(body)
        try scanner.drain()
    }
}
