import Foundation
import Testing
import ZIPFoundation
@testable import SlutrapportKit

/// Every member of a workbook is checked against its CRC-32 and size as it
/// inflates (issue 24): a damaged member is `xlsx-damaged`, never read as
/// if whole. Before, a sheet whose stored bytes had one digit changed was
/// read with the changed figure. A part that starts with a UTF-8 byte-order
/// mark, which XML allows, is read.
@Suite struct WorkbookIntegrityTests {
    static let rows = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
        + "<row r=\"2\"><c r=\"A2\"><v>5</v></c><c r=\"B2\" t=\"s\"><v>2</v></c></row>"
    static let strings = "<si><t>id</t></si><si><t>gender</t></si><si><t>kvinna</t></si>"

    /// The workbook's bytes, every member stored, so that a test can change one in place.
    static func stored(_ parts: [String: Data] = WorkbookMaker.parts(rows: rows, strings: strings)) throws -> (path: String, bytes: [UInt8]) {
        let path = try WorkbookMaker.write(parts, method: .none)
        return (path, try #require(FileBytes.read(path)))
    }

    /// Replaces the first `old` in the file's bytes by `new`, of the same length.
    static func change(_ bytes: [UInt8], _ old: String, _ new: String, at path: String) throws {
        let o = Array(old.utf8), n = Array(new.utf8)
        let at = try #require((0...(bytes.count - o.count)).first { Array(bytes[$0..<($0 + o.count)]) == o })
        var changed = bytes
        changed.replaceSubrange(at..<(at + o.count), with: n)
        try Data(changed).write(to: URL(fileURLWithPath: path))
    }

    @Test func theWholeWorkbookReads() throws {
        let (path, _) = try Self.stored()
        #expect(try WorkbookMaker.rows(path) == ["1: id|gender", "2: 5|kvinna"])
    }

    @Test(arguments: [
        ("<v>5</v>", "<v>4</v>", "xl/worksheets/sheet1.xml"),
        ("<t>kvinna</t>", "<t>kvinnA</t>", "xl/sharedStrings.xml"),
        ("numFmtId=\"14\"", "numFmtId=\"15\"", "xl/styles.xml"),
        ("name=\"Blad1\"", "name=\"Blad2\"", "xl/workbook.xml"),
    ]) func aMemberThatFailsItsCRCIsDamaged(old: String, new: String, part: String) throws {
        let (path, bytes) = try Self.stored()
        try Self.change(bytes, old, new, at: path)
        #expect(WorkbookMaker.error(path) == .damaged("\(part) fails its CRC-32 check: the file is damaged"))
    }

    /// The directory's size of a member against what it inflates to.
    @Test func aMemberOfAnotherSizeThanItsDirectorySaysIsDamaged() throws {
        let sheet = Data(WorkbookMaker.sheet(Self.rows).utf8)
        var parts = WorkbookMaker.parts(rows: Self.rows, strings: Self.strings)
        parts["xl/worksheets/sheet1.xml"] = nil
        var members = parts.sorted { $0.key < $1.key }.map { (name: $0.key, method: UInt16(0), stored: $0.value) }
        members.append(("xl/worksheets/sheet1.xml", 8, try WorkbookMaker.deflated(sheet)))
        // ZipBytes states a deflated member's stored size as its size: the sheet inflates to more.
        let path = try WorkbookMaker.file(WorkbookMaker.rawZip(members))
        #expect(WorkbookMaker.error(path) == .damaged("xl/worksheets/sheet1.xml inflates to more bytes than the zip's directory says: the file is damaged"))
    }

    /// Rows read up to `</sheetData>` only: a damaged byte after it is found all the same.
    @Test func aDamagedByteAfterTheRowsIsFound() throws {
        let sheet = WorkbookMaker.sheet(Self.rows).replacingOccurrences(of: "</worksheet>", with: "<pageMargins left=\"0.7\"/></worksheet>")
        var parts = WorkbookMaker.parts(rows: Self.rows, strings: Self.strings)
        parts["xl/worksheets/sheet1.xml"] = Data(sheet.utf8)
        let (path, bytes) = try Self.stored(parts)
        #expect(WorkbookMaker.error(path) == nil)
        try Self.change(bytes, "left=\"0.7\"", "left=\"0.8\"", at: path)
        #expect(WorkbookMaker.error(path) == .damaged("xl/worksheets/sheet1.xml fails its CRC-32 check: the file is damaged"))
    }

    @Test(arguments: ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/styles.xml"])
    func aPartStartingWithAByteOrderMarkIsRead(part: String) throws {
        var parts = WorkbookMaker.parts(rows: Self.rows, strings: Self.strings)
        parts[part] = Data([0xEF, 0xBB, 0xBF]) + (parts[part] ?? Data())
        let path = try WorkbookMaker.write(parts)
        #expect(try WorkbookMaker.rows(path) == ["1: id|gender", "2: 5|kvinna"])
    }

    /// Through the participants reader: a damaged workbook is one `xlsx-damaged` error, and no figures.
    @Test func aDamagedWorkbookIsAnErrorAtTheFile() throws {
        let fixture = try Fixture(["project.yaml": minimalYAML])
        var parts = WorkbookMaker.parts(rows: Self.rows.replacingOccurrences(of: "<v>2</v></c></row>", with: "<v>2</v></c><c r=\"C2\" t=\"s\"><v>3</v></c></row>")
            .replacingOccurrences(of: "<c r=\"B1\" t=\"s\"><v>1</v></c>", with: "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>4</v></c>"),
            strings: Self.strings + "<si><t>2021-01-01</t></si><si><t>start_date</t></si>")
        let (path, bytes) = try Self.stored(parts)
        try Self.change(bytes, "<v>5</v>", "<v>4</v>", at: path)
        try FileManager.default.copyItem(atPath: path, toPath: fixture.folder + "/participants.xlsx")
        parts = [:]
        let (_, outcome) = buildReports([fixture.folder])
        #expect(positions(outcome.projects.first?.log ?? DiagnosticLog(), relativeTo: fixture.folder) == ["participants.xlsx:1:1 error xlsx-damaged"])
    }
}
