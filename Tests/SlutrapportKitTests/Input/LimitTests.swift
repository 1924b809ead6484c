import Foundation
import Testing
@testable import SlutrapportKit

/// Inputs far beyond what a project holds are read to the end, with a
/// diagnostic where one is due, and no crash.
@Suite struct LimitTests {
    let yaml = "name: Gräns\nperiod: {start: 2021-01-01, end: 2021-12-31}\n"

    func check(_ files: [String: Data]) throws -> (Figures?, DiagnosticLog) {
        let f = try Fixture(["project.yaml": yaml])
        for (name, data) in files { try data.write(to: URL(fileURLWithPath: f.folder + "/" + name)) }
        let project = try #require(f.load().0)
        let (tally, log) = ParticipantReader.read(project: project, asOf: project.period.end, path: f.folder + "/participants.csv", lang: .sv)
        return (Figures.compute(project: project, tally: tally, asOf: project.period.end), log)
    }

    @Test func aFieldAtTheLimitIsRead() throws {
        var csv = Data("id,gender,start_date\n\"".utf8)
        csv.append(Data(repeating: UInt8(ascii: "x"), count: CSVTokenizer.fieldLimit))
        csv.append(Data("\",kvinna,2021-02-01\n".utf8))
        csv.append(Data(repeating: UInt8(ascii: "y"), count: CSVTokenizer.fieldLimit))
        csv.append(Data(",man,2021-02-01\n".utf8))
        let (figures, log) = try check(["participants.csv": csv])
        #expect(log.all.isEmpty)
        #expect(figures?.overall.participants.total == 2)
    }

    /// One byte more, quoted or not, wherever the read buffer ends: one error
    /// at the field, and the rest of the file is not read (its bad row says nothing).
    @Test(arguments: [true, false])
    func aFieldJustPastTheLimitStopsTheFile(quoted: Bool) throws {
        var csv = Data("id,gender,start_date\n1,kvinna,2021-02-01\n2,man,".utf8)
        let q = Data((quoted ? "\"" : "").utf8)
        csv.append(q)
        csv.append(Data(repeating: UInt8(ascii: "7"), count: CSVTokenizer.fieldLimit + 1))
        csv.append(q)
        csv.append(Data("\n3,?,2021-02-01\n".utf8))
        let (figures, log) = try check(["participants.csv": csv])
        #expect(positions(log, relativeTo: "").map { String($0.split(separator: "/").last ?? "") } == ["participants.csv:3:7 error csv-too-long"])
        #expect(log.all.first?.message == "a field longer than 65536 bytes starts here (no export has one); the rest of the file is not read")
        #expect(figures?.overall.participants.total == 1)
    }

    @Test func aRecordJustPastTheLimitStopsTheFile() throws {
        // Short fields, but more bytes than a record may have.
        let fields = CSVTokenizer.recordLimit / 2 + 1
        var csv = "id,gender,start_date\n1,kvinna,2021-02-01\n"
        csv += String(repeating: "a,", count: fields) + "\n"
        let (_, log) = try check(["participants.csv": Data(csv.utf8)])
        #expect(positions(log, relativeTo: "").map { String($0.split(separator: "/").last ?? "") } == ["participants.csv:3:1 error csv-too-long"])
        #expect(log.all.first?.message == "a row longer than 1048576 bytes starts here (no export has one); the rest of the file is not read")
    }

    @Test func aLongHeaderNameIsCutInItsWarning() throws {
        let name = String(repeating: "n", count: 5_000)
        let (_, log) = try check(["participants.csv": Data("id,gender,start_date,\(name)\n".utf8)])
        #expect(log.all.map(\.message) == ["column '" + String(repeating: "n", count: 59) + "…' is not used and will be ignored"])
    }

    @Test func aHundredThousandColumns() throws {
        let header = "id,gender,start_date," + (0..<100_000).map { "c\($0)" }.joined(separator: ",")
        let row = "1,kvinna,2021-02-01," + Array(repeating: "v", count: 100_000).joined(separator: ",")
        let (figures, log) = try check(["participants.csv": Data((header + "\n" + row + "\n").utf8)])
        // 100,000 warnings: the first 10,000 kept with their positions, the rest counted.
        #expect(log.warningCount == 100_000)
        #expect(log.all.count == DiagnosticLog.kept)
        let column = header.components(separatedBy: ",c9999,")[0].count + 2
        #expect(log.all.last.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue)" } == "1:\(column) csv-extra-column")
        #expect(figures?.overall.participants.total == 1)
    }

    @Test func yamlNestedTenThousandDeep() throws {
        let f = try Fixture(["project.yaml": yaml + "partners: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"])
        let (project, log) = f.load()
        #expect(project == nil)
        #expect(positions(log, relativeTo: f.folder) == ["project.yaml:3:12 error yaml-syntax"])
    }

    @Test func yamlAliasBombIsNotExpanded() throws {
        var text = yaml + "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...30 { text += "l\(i): &l\(i) [" + Array(repeating: "*" + (i == 1 ? "a" : "l\(i - 1)"), count: 10).joined(separator: ", ") + "]\n" }
        text += "partners: *l30\n"
        let f = try Fixture(["project.yaml": text])
        let (project, log) = f.load()
        #expect(project == nil)
        // Ten items, each a list where text belongs: ten errors, not 10³⁰.
        #expect(log.all.filter { $0.severity == .error }.count == 10)
    }
}
