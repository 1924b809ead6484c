import Foundation
import Testing
@testable import SlutrapportKit

/// The malformed workbooks of Tests/Fixtures/broken/xlsx-* (Tests/Fixtures/xlsx/BROKEN.md), each one clear error.
@Suite struct WorkbookBrokenFixtureTests {
    static let folder = repositoryRoot + "/Tests/Fixtures/broken"
    static let bomb = WorkbookError.tooLarge(part: "xl/worksheets/sheet1.xml", reason: "inflates to more than 200 times its compressed size (a zip bomb?)")

    static let expected: [(String, WorkbookError)] = [
        ("dtd", .malformedXML(part: "xl/sharedStrings.xml", line: 2, column: 1,
                              reason: "a document type declaration (DTD); a workbook has none, and entities are never expanded")),
        ("encrypted", .passwordProtected),
        ("entity", .malformedXML(part: "xl/worksheets/sheet1.xml", line: 2, column: 2953,
                                 reason: "an entity reference other than &amp; &lt; &gt; &quot; &apos; or a character reference")),
        ("many-strings", .tooLarge(part: "xl/sharedStrings.xml", reason: "declares more than 8000000 shared strings")),
        // Read with a limit of 1,000 (the fixture holds 8,000,001 entries): 8 M strings take seconds in a debug build.
        ("many-strings-actual", .tooLarge(part: "xl/sharedStrings.xml", reason: "has more than 1000 shared strings")),
        ("no-workbook", .notAWorkbook("it has no xl/workbook.xml")),
        ("not-a-zip", .notZip),
        ("old-xls", .binaryExcel),
        ("truncated", .damaged("the zip is cut short (its directory is missing)")),
        ("zip-bomb", bomb),
        // Its headers claim 3,864 bytes: checked as it inflates, it stops there (issue 24), long before the ratio limit.
        ("zip-bomb-lying-size", .damaged("xl/worksheets/sheet1.xml inflates to more bytes than the zip's directory says: the file is damaged")),
    ]

    @Test(arguments: expected.map(\.0))
    func aBrokenWorkbookIsOneClearError(_ name: String) {
        let want = Self.expected.first { $0.0 == name }?.1
        var limits = WorkbookLimits.standard
        if name == "many-strings-actual" { limits.sharedStrings = 1000 }
        #expect(WorkbookMaker.error(Self.folder + "/xlsx-\(name)/participants.xlsx", limits: limits) == want)
    }
}
