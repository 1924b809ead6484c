import Foundation
import Testing
@testable import SlutrapportKit

@Suite struct CSVTokenizerTests {
    func records(_ text: String) throws -> [[String]] {
        let f = try Fixture(["x.csv": text])
        var t = try CSVTokenizer(path: f.folder + "/x.csv", chunkSize: 7)  // tiny chunks cross every boundary
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

    @Test func utf16WithByteOrderMarkAcrossChunkBoundaries() throws {
        for bigEndian in [false, true] {
            let text = "id;kön\r\n1;K\r\n2;Annan orsak 😀\r\n"
            var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
            for unit in text.utf16 {
                bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            }
            let f = try Fixture([:])
            try Data(bytes).write(to: URL(fileURLWithPath: f.folder + "/x.csv"))
            var t = try CSVTokenizer(path: f.folder + "/x.csv", chunkSize: 5)
            t.detectDelimiter()
            var rows: [[String]] = []
            while try t.nextRecord() { rows.append((0..<t.fields.count).map { t.string($0) }) }
            #expect(rows == [["id", "kön"], ["1", "K"], ["2", "Annan orsak 😀"]])
        }
    }

    @Test func notUTF8IsSignalledAndNULIsNotText() throws {
        let f = try Fixture([:])
        try Data([0x69, 0x64, 0x0A, 0x4B, 0xF6, 0x6E, 0x0A]).write(to: URL(fileURLWithPath: f.folder + "/latin.csv"))
        var t = try CSVTokenizer(path: f.folder + "/latin.csv")
        var caught: CSVTokenizer.Failure?
        do { while try t.nextRecord() {} } catch { caught = error }
        guard case .text(.notUTF8)? = caught else { Issue.record("expected notUTF8, got \(String(describing: caught))"); return }
        var again = try CSVTokenizer(path: f.folder + "/latin.csv", fallback: .windows1252)
        var rows: [String] = []
        while try again.nextRecord() { rows.append(again.string(0)) }
        #expect(rows == ["id", "Kön"])

        try Data([0x69, 0x00, 0x64, 0x00]).write(to: URL(fileURLWithPath: f.folder + "/bin.csv"))
        var log = DiagnosticLog()
        #expect(try CSVFile.openWithHeader(path: f.folder + "/bin.csv", fallback: .utf8, log: &log) == nil)
        #expect(positions(log, relativeTo: f.folder) == ["bin.csv:1:1 error csv-not-text"])
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let f = try Fixture(["x.csv": "å,ä,ö\n"])
        var t = try CSVTokenizer(path: f.folder + "/x.csv")
        _ = try t.nextRecord()
        #expect(t.fields.indices.map(t.column) == [1, 3, 5])
    }

    @Test func unterminatedQuoteNamesTheOpeningQuote() throws {
        let f = try Fixture(["x.csv": "a,b\n1,\"open\n2,3\n"])
        var t = try CSVTokenizer(path: f.folder + "/x.csv")
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
