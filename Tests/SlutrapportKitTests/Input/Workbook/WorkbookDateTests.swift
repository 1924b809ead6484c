import Foundation
import Testing
@testable import SlutrapportKit

/// Dates: number cells whose format is a date, in both date systems.
@Suite struct WorkbookDateTests {
    /// The texts of numbers `values` in a cell of format `numFmtId` (custom `code` when given).
    func texts(_ values: [String], format: Int = 14, code: String? = nil, date1904: Bool = false) throws -> String {
        let cells = values.enumerated().map { "<c r=\"\(CellReference.letters($0.offset + 1))1\" s=\"1\"><v>\($0.element)</v></c>" }.joined()
        let custom = code.map { [format: $0] } ?? [:]
        let path = try WorkbookMaker.write(WorkbookMaker.parts(rows: "<row r=\"1\">\(cells)</row>", formats: [0, format], custom: custom, date1904: date1904))
        return try WorkbookMaker.rows(path).joined()
    }

    @Test func the1900SystemWithItsLeapYearQuirk() throws {
        #expect(try texts(["1", "59", "60", "61", "0", "44717", "44717.75", "2958465", "2958466", "-1"])
            == "1: 1900-01-01|1900-02-28|1900-02-29|1900-03-01|1900-01-00|2022-06-05|2022-06-05|9999-12-31|########|########")
    }

    @Test func the1904System() throws {
        #expect(try texts(["0", "1", "43255", "-1"], date1904: true) == "1: 1904-01-01|1904-01-02|2022-06-05|########")
    }

    @Test func builtInFormats() throws {
        for id in [14, 15, 16, 17, 22, 27, 31, 36, 50, 54, 57, 58] { #expect(try texts(["44717"], format: id) == "1: 2022-06-05", "format \(id)") }
        for id in [0, 1, 2, 9, 10, 11, 18, 19, 20, 21, 32, 33, 45, 46, 47, 49] { #expect(try texts(["44717"], format: id) == "1: 44717", "format \(id)") }
    }

    @Test func customFormats() throws {
        let dates = ["yyyy-mm-dd", "YYYY\\-MM\\-DD", "[$-41D]yyyy/mm/dd;@", "d mmmm yyyy", "mmm", "[Red]dd/mm/yy", "yyyy-mm-dd hh:mm:ss"]
        for code in dates { #expect(try texts(["44717"], format: 164, code: code) == "1: 2022-06-05", "\(code)") }
        let others = ["h:mm", "[h]:mm:ss", "mm:ss", "0.00", "\"day\" 0", "#,##0 \"kr\"", "General", "0\\d", "[Blue]0", "h:mm AM/PM"]
        for code in others { #expect(try texts(["44717"], format: 164, code: code) == "1: 44717", "\(code)") }
    }
}
