import Foundation
import Testing
@testable import SlutrapportKit

/// Issue 15: dates as spreadsheets export them to CSV (SPEC §3.2). A date
/// followed by a time is that date; a serial number or a slashed date is
/// one error per column and kind, with the count of rows alike and a hint,
/// instead of an `invalid-date` a row.
@Suite struct DateHintsTests {
    let parts = PartsTests()
    let header = "id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities\n"

    /// `file:line:col code: message` of each diagnostic of reading `rows` (after the header) exactly.
    func messages(_ rows: String) throws -> [String] {
        let (p, path) = try parts.project(header + rows)
        let (_, log) = ParticipantReader.read(project: p, asOf: parts.asOf, path: path, lang: .sv)
        return log.all.map { "participants.csv:\($0.location.line):\($0.location.column) \($0.code.rawValue): \($0.message)" }
    }

    /// The figures of a read and its diagnostics by line and code (a time after a date moves the columns after it).
    struct Counted: Equatable {
        var read: PartsTests.Read
        var lines: [String]

        init(_ read: PartsTests.Read) {
            lines = read.diagnostics.map { "\($0.location.line) \($0.severity.rawValue) \($0.code.rawValue)" }
            self.read = read
            self.read.diagnostics = []
        }
    }

    /// `csv` with every ISO date followed by `time`.
    static func withTimes(_ csv: String, _ time: String) -> String {
        csv.replacingOccurrences(of: "([0-9]{4}-[0-9]{2}-[0-9]{2})", with: "$1" + time, options: .regularExpression)
    }

    @Test func aDateFollowedByATimeIsThatDate() throws {
        let iso = PartsTests.csv(rows: 1_000, seed: 11).replacingOccurrences(of: "\"x;\ny\"", with: "x")
        let (p, isoPath) = try parts.project(iso)
        let expected = Counted(parts.exact(p, isoPath))
        #expect(expected.read.cells.reduce(0, +) > 600)
        #expect(expected.lines.count > 50)
        for time in [" 00:00:00", "T00:00", " 23:59:59.999", " 0:00", " 12:00:00 AM"] {
            let (q, path) = try parts.project(Self.withTimes(iso, time))
            #expect(Counted(parts.exact(q, path)) == expected, "\(time)")
            let inParts = try #require(parts.inParts(q, path, 3))
            #expect(Counted(inParts) == expected, "\(time) in parts")
        }
    }

    @Test func anythingElseAfterADateIsNoDate() throws {
        let rows = ["2022-06-05 25:00", "2022-06-05 12:60", "2022-06-05 12:00:61", "2022-06-05 12", "2022-06-05T",
                    "2022-06-05 00:00Z", "2022-06-05T00:00+02:00", "2022-06-05 00:00:00.", "2022-06-05x00:00", "2022-06-05  00:00",
                    "2022-06-05 00:00:00 XM", "2022-02-30 00:00:00"]
            .enumerated().map { "p\($0.offset),a,man,1990,\($0.element),,,\n" }.joined()
        #expect(try messages(rows) == (2..<14).map { line in
            "participants.csv:\(line):\(line <= 11 ? 15 : 16) invalid-date: the value in column 'start_date' is not a date YYYY-MM-DD"
        })
    }

    @Test func serialNumbersAreOneErrorPerColumn() throws {
        let rows = """
            p1,a,kvinna,1990,2022-06-05,,,
            p2,a,man,1991,44717,,,
            p3,b,kvinna,1992,44718,44740,arbete,
            p4,b,man,1993,44719.5,,,
            p5,a,annat,1994,44720,,,

            """
        #expect(try messages(rows) == [
            "participants.csv:3:15 date-serial: the value in column 'start_date' looks like a spreadsheet serial number (as do 3 more rows of this column): "
                + "format the column as a date YYYY-MM-DD, or save the workbook as .xlsx",
            "participants.csv:4:24 date-serial: the value in column 'end_date' looks like a spreadsheet serial number: "
                + "format the column as a date YYYY-MM-DD, or save the workbook as .xlsx",
        ])
        let (figures, _) = try SlutrapportKitTests.figures(yaml: parts.yaml, csv: header + rows)
        #expect(figures?.overall.participants.total == 1)
    }

    @Test func aSerialColumnWithOneOtherBadDateGivesTheSummaryAndThatDate() throws {
        #expect(try messages("p1,a,kvinna,1990,44717,,,\np2,a,man,1991,1 maj,,,\np3,b,kvinna,1992,44718,,,\n") == [
            "participants.csv:2:18 date-serial: the value in column 'start_date' looks like a spreadsheet serial number (as does 1 more row of this column): "
                + "format the column as a date YYYY-MM-DD, or save the workbook as .xlsx",
            "participants.csv:3:15 invalid-date: the value in column 'start_date' is not a date YYYY-MM-DD",
        ])
    }

    static let writeISO = "write dates as YYYY-MM-DD (format the column as a date YYYY-MM-DD, or save the workbook as .xlsx)"

    /// US dates (LibreOffice's en-US export) read month first, European ones day first: the message says which.
    @Test(arguments: [
        ("6/5/2022", "6/13/2022", "6/20/2022", "06/05/22", "month/day/year"),
        ("05/06/2022", "13/06/2022", "20.06.2022", "1/12/2021 00:00", "day/month/year"),
    ])
    func slashedDatesThatReadOneWaySayWhich(first: String, second: String, end: String, third: String, order: String) throws {
        let rows = "p1,a,kvinna,1990,\(first),,,\np2,a,man,1991,\(second),\(end),arbete,\np3,b,kvinna,1992,\(third),,,\n"
        #expect(try messages(rows) == [
            "participants.csv:2:18 date-slashed: the value in column 'start_date' looks like a date written \(order) (as do 2 more rows of this column): "
                + Self.writeISO,
            "participants.csv:3:\(16 + second.count) date-slashed: the value in column 'end_date' looks like a date written \(order): " + Self.writeISO,
        ])
    }

    @Test func datesThatReadEitherWaySayTheOrderIsAmbiguous() throws {
        #expect(try messages("p1,a,kvinna,1990,05/06/2022,,,\np2,a,man,1991,6/5/22,,,\n") == [
            "participants.csv:2:18 date-slashed: the value in column 'start_date' looks like a date written day/month/year or month/day/year "
                + "(as does 1 more row of this column); day and month order is ambiguous: " + Self.writeISO,
        ])
    }

    @Test func otherOrdersAndShapes() throws {
        let rows = "p1,a,kvinna,1990,13/06/2022,2022/06/20,arbete,\np2,a,man,1991,06/13/2022,2022-6-21,arbete,\n"
        #expect(try messages(rows) == [
            "participants.csv:2:18 date-slashed: the value in column 'start_date' looks like a date (as does 1 more row of this column), "
                + "but the rows disagree on the order of day, month and year: " + Self.writeISO,
            "participants.csv:2:29 date-slashed: the value in column 'end_date' looks like a date written year/month/day (as does 1 more row of this column): "
                + Self.writeISO,
        ])
        // Neither a serial nor a date in any order: an error each.
        let odd = ["31/31/2022", "31/2/2022", "2022", "123456", "04471", "44717abc", "5/6/7", "22-06-05", "2022-02-30", "44717.", "6/5/2022 25:00"]
        #expect(try messages(odd.enumerated().map { "p\($0.offset),a,man,1990,\($0.element),,,\n" }.joined()).map { $0.components(separatedBy: " ")[1] }
                == Array(repeating: "invalid-date:", count: odd.count))
    }

    /// A file of serial and slashed start dates scattered among other errors,
    /// read in parts: the same two errors, with the same counts and positions.
    @Test func partsCountTogether() throws {
        var serials = 0, slashed = 0
        // The first of each kind: its line and the column of its start date.
        var firsts: [String] = []
        let lines = PartsTests.csv(rows: 3_000, seed: 5).replacingOccurrences(of: "\"x;\ny\"", with: "x").components(separatedBy: "\n")
        let csv = lines.enumerated().map { n, line in
            var fields = line.components(separatedBy: ",")
            guard n > 0, fields.count == 8 else { return line }
            let first = "\(n + 1):\(fields[0...3].joined().count + 5)"
            if n % 7 == 3 {
                fields[4] = "447\(n % 90 + 10)"
                if serials == 0 { firsts.append(first) }
                serials += 1
            } else if n % 11 == 5 {
                fields[4] = "6/\(n % 28 + 1)/2022"
                if slashed == 0 { firsts.append(first) }
                slashed += 1
            }
            return fields.joined(separator: ",")
        }.joined(separator: "\n")
        let (p, path) = try parts.project(csv)
        let exact = parts.exact(p, path)
        let hints = exact.diagnostics.filter { ["date-serial", "date-slashed"].contains($0.code.rawValue) }
        #expect(serials > 300 && slashed > 150)
        #expect(hints.map { "\($0.location.line):\($0.location.column)" } == firsts)
        #expect(hints.map(\.message) == [
            "the value in column 'start_date' looks like a spreadsheet serial number (as do \(serials - 1) more rows of this column): "
                + "format the column as a date YYYY-MM-DD, or save the workbook as .xlsx",
            "the value in column 'start_date' looks like a date written month/day/year (as do \(slashed - 1) more rows of this column): " + Self.writeISO,
        ])
        for count in [2, 3, 8] {
            #expect(parts.inParts(p, path, count) == exact, "\(count) parts")
        }
    }

    /// Past the log's cap the summary still comes out, in parts too.
    @Test func theSummaryOutlivesTheCap() throws {
        let csv = header + (0..<12_000).map { "p\($0),a,okänd,1990,\($0 == 5 || $0 >= 11_000 ? "44717" : "2021-01-01"),,,\n" }.joined()
        let (p, path) = try parts.project(csv)
        let exact = parts.exact(p, path)
        #expect(exact.dropped == [2_000, 0])
        #expect(exact.diagnostics.count == DiagnosticLog.kept + 1)
        let hint = try #require(exact.diagnostics.first { $0.code.rawValue == "date-serial" })
        #expect(hint.location.line == 7)
        #expect(hint.message.contains("(as do 1000 more rows of this column)"))
        #expect(parts.inParts(p, path, 3) == exact)
    }

    /// …and when the project's log, which already holds project.yaml's diagnostics, takes the file's in.
    @Test func theSummaryOutlivesTheProjectsCap() throws {
        let csv = header + (0..<10_100).map { "p\($0),a,okänd,1990,\($0 >= 10_000 ? "44717" : "2021-01-01"),,,\n" }.joined()
        let f = try Fixture(["project.yaml": parts.yaml + "\nextra_key: 1\n", "participants.csv": csv])
        var options = BuildOptions()
        options.keepEveryDiagnostic = false
        let outcome = Batch(options: options, templatesFolder: templatesFolder).run(paths: [f.folder], write: false)
        #expect(outcome.diagnostics.first?.code == .yamlUnknownKey)
        // The 9,998 rows of an unknown gender kept are one message in text (SPEC §2, one problem one message).
        #expect(outcome.diagnostics.count == 3)
        #expect(outcome.diagnostics[1].message.contains("(10000 rows: 2, 3, 4, 5, 6 and 9995 more)"))
        #expect(outcome.dropped.errors == 100)
        let hint = try #require(outcome.diagnostics.last)
        #expect("\(hint.location.line):\(hint.location.column) \(hint.code.rawValue)" == "10002:21 date-serial")
        #expect(hint.message.contains("(as do 99 more rows of this column)"))
    }
}
