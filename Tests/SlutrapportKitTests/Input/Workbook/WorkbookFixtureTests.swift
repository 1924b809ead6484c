import Foundation
import Testing
@testable import SlutrapportKit

/// Workbooks saved by real programs (Tests/Fixtures/xlsx, see its README):
/// from the header row on, each row's texts are the reference CSV's fields.
@Suite struct WorkbookFixtureTests {
    static let folder = repositoryRoot + "/Tests/Fixtures/xlsx"

    /// The reference CSV's rows (no field of it is quoted or holds a comma).
    func reference(_ name: String) throws -> [String] {
        let text = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
        return text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            .map { fields in
                var f = fields
                while f.last == "" { f.removeLast() }
                return f.joined(separator: "|")
            }
    }

    func rows(_ path: String) throws -> [String] {
        var out: [String] = []
        try Workbook.open(path: path, sheet: nil).forEachRow { row in
            out.append((0..<row.count).map { row.string($0) }.joined(separator: "|"))
            return true
        }
        let header = out.firstIndex { $0.hasPrefix("deltagar_id|") || $0.hasPrefix("delprojekt|") } ?? 0
        return Array(out[header...])
    }

    @Test(arguments: ["libreoffice-sv", "libreoffice-en", "libreoffice-text-dates", "libreoffice-title-rows", "openpyxl-1904", "openpyxl-sheet-order", "xlsxwriter-inline"])
    func participantsAreTheReferenceCSV(_ name: String) throws {
        #expect(try rows(Self.folder + "/\(name)/participants.xlsx") == reference("reference/participants.csv"))
    }

    @Test func countsAreTheReferenceCSV() throws {
        #expect(try rows(Self.folder + "/counts-libreoffice/counts.xlsx") == reference("counts-reference/counts.csv"))
    }
}
