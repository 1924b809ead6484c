import Foundation
import Testing
@testable import SlutrapportKit

@Suite struct CSVTokenizerTests {
    func records(_ text: String) throws -> [[String]] {
        let f = try Fixture(["x.csv": text])
        let t = try CSVTokenizer(path: f.folder + "/x.csv", chunkSize: 7)  // tiny chunks cross every boundary
        t.skipByteOrderMark()
        t.detectDelimiter()
        var out: [[String]] = []
        while try t.nextRecord() {
            out.append((0..<t.fields.count).map { t.string($0) } + ["@\(t.recordLine)"])
        }
        return out
    }

    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let rows = try records("a,b,c\n\"x,1\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,2,3\n")
        #expect(rows == [["a", "b", "c", "@1"], ["x,1", "say \"hi\"", "two\nlines", "@2"], ["last", "2", "3", "@4"]])
    }

    @Test func semicolonsCRLFAndByteOrderMark() throws {
        let rows = try records("\u{FEFF}id;kön\r\n1;K\r\n\r\n2;M\r\n")
        #expect(rows == [["id", "kön", "@1"], ["1", "K", "@2"], ["2", "M", "@4"]])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let f = try Fixture(["x.csv": "å,ä,ö\n"])
        let t = try CSVTokenizer(path: f.folder + "/x.csv")
        _ = try t.nextRecord()
        #expect(t.fields.map(\.column) == [1, 3, 5])
    }

    @Test func unterminatedQuoteNamesTheOpeningQuote() throws {
        let f = try Fixture(["x.csv": "a,b\n1,\"open\n2,3\n"])
        let t = try CSVTokenizer(path: f.folder + "/x.csv")
        _ = try t.nextRecord()
        var caught: CSVTokenizer.Failure?
        do { _ = try t.nextRecord() } catch { caught = error }
        guard case .unterminatedQuote(let line, let column)? = caught else {
            Issue.record("expected an unterminated quote, got \(String(describing: caught))")
            return
        }
        #expect(line == 2 && column == 3)
    }
}
