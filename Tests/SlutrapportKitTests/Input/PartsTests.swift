import CSlutrapportSys
import Foundation
import PropertyBased
import Testing
@testable import SlutrapportKit

/// The plain-record scanner, and a large file read in parts: whatever way a
/// file is read, the figures and every diagnostic must be those of reading
/// it exactly, one row after the other.
@Suite struct PartsTests {
    // MARK: slutrapport_scan_plain

    struct Scan: Equatable {
        var records: Int
        var consumed: Int
        var stopped: Int32
        var separators: [UInt32]
    }

    /// What the scanner finds, the same with AVX2 (where the processor has it) and with SSE2.
    func scan(_ text: String, fields: Int, max: Int = 100, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Scan {
        let bytes = Array(text.utf8)
        let results = [slutrapport_scan_plain, slutrapport_scan_plain_sse2].map { scanner in
            var separators = [UInt32](repeating: 0, count: fields * max)
            let r = bytes.withUnsafeBufferPointer { b in
                separators.withUnsafeMutableBufferPointer { s in
                    scanner(b.baseAddress, b.count, UInt8(ascii: ","), UInt32(fields), s.baseAddress, max)
                }
            }
            return Scan(records: r.records, consumed: r.consumed, stopped: r.stopped,
                        separators: Array(separators.prefix(r.records * fields)))
        }
        #expect(results[0] == results[1], sourceLocation: sourceLocation)
        return results[0]
    }

    @Test func plainRecordsAndTheirSeparators() {
        #expect(scan("a,b\nc,d\n", fields: 2) == Scan(records: 2, consumed: 8, stopped: 0, separators: [1, 3, 5, 7]))
        // Past the sixteen bytes of one SIMD step, and a last record cut off by the buffer's end.
        let row = "abcdefgh,ijklmnop,qrstuvwx\n"
        #expect(scan(row + row + "ab,c", fields: 3)
                == Scan(records: 2, consumed: 54, stopped: 0, separators: [8, 17, 26, 35, 44, 53]))
        #expect(scan("a,b\nc,d\ne,f\n", fields: 2, max: 2) == Scan(records: 2, consumed: 8, stopped: 2, separators: [1, 3, 5, 7]))
        #expect(scan("é,ö\n", fields: 2) == Scan(records: 1, consumed: 6, stopped: 0, separators: [2, 5]))
        // Past the 32 bytes of one AVX2 step.
        let long = String(repeating: "x", count: 40) + "," + String(repeating: "y", count: 30) + "\n"
        #expect(scan(long + long, fields: 2) == Scan(records: 2, consumed: 144, stopped: 0, separators: [40, 71, 112, 143]))
    }

    @Test func stopsBeforeARecordTheTokenizerMustRead() {
        let first = "aaaaaaaaaaaaaaaaaaaa,b\n"  // 23 bytes
        for (rest, why) in [("\"c\",d\n", "a quote"), ("c,d\r\n", "a carriage return"), ("c,d,e\n", "one field too many"),
                            ("c\n", "one field too few"), ("\nc,d\n", "a blank line"), ("c,\"d\"\n", "a quote in the last field")] {
            #expect(scan(first + rest, fields: 2) == Scan(records: 1, consumed: 23, stopped: 1, separators: [20, 22]), "\(why)")
        }
        #expect(scan("\n", fields: 1) == Scan(records: 0, consumed: 0, stopped: 1, separators: []))
    }

    @Test func asciiRunsEndAtTheFirstByteThatIsNotText() {
        for length in 0...70 {
            let text = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(text.withUnsafeBufferPointer { slutrapport_ascii_prefix($0.baseAddress, length) } == length)
            for position in 0..<length {
                for bad: UInt8 in [0x00, 0x80, 0xC3, 0xFF] {
                    var bytes = text
                    bytes[position] = bad
                    #expect(bytes.withUnsafeBufferPointer { slutrapport_ascii_prefix($0.baseAddress, length) } == position)
                }
            }
        }
    }

    // MARK: reading in parts

    let yaml = minimalYAML + """
        report: {as_of: 2022-06-30}
        subprojects: [{id: a, name: A}, {id: b, name: B}]
        activities: [{code: x, label: X}, {code: y, label: Y}]
        """

    /// A participant file of `rows` rows with some of everything the tokenizer
    /// and the checks know, chosen by `seed`.
    static func csv(rows: Int, seed: Int, duplicate: Bool = false) -> String {
        var rng = SplitMix(state: UInt64(seed))
        var lines = ["id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities"]
        for i in 0..<rows {
            let end = ["", "2022-03-0\(1 + rng.next(9))", "2023-01-01"][rng.next(3)]
            let reason = end.isEmpty ? "" : ["arbete", "studier", "avbrutit"][rng.next(3)]
            var fields = ["p\(i)", ["a", "b"][rng.next(2)], ["kvinna", "man", "annat"][rng.next(3)], "\(1950 + rng.next(50))",
                          "202\(1 + rng.next(2))-0\(1 + rng.next(9))-1\(rng.next(10))", end, reason, ["", "x", "y", "x;y"][rng.next(4)]]
            switch rng.next(40) {
            case 0: fields[2] = "okänd"                             // an error
            case 1: fields[7] = "\"x;\ny\""                         // a quoted line break
            case 2: fields[1] = "\"a\""                             // a quoted field
            case 3: lines.append("")                                // a blank line
            case 4: fields[4] = "1 maj"                             // an error
            case 5: fields.removeLast()                             // a short row
            default: break
            }
            let line = fields.joined(separator: ",")
            lines.append(rng.next(30) == 0 ? line + "\r" : line)    // now and then CRLF
        }
        if duplicate { lines.insert("p0,a,man,1990,2021-01-01,,,", at: 1 + rng.next(lines.count)) }
        return lines.joined(separator: "\n") + "\n"
    }

    struct Read: Equatable {
        var cells: [Int]
        var activities: [Int]
        var ages: [Int]
        var durations: ArraySlice<Int>
        var late: Int
        var diagnostics: [Diagnostic]
        var dropped: [Int]

        init(_ result: (Tally, DiagnosticLog)) {
            let (t, log) = result
            cells = t.cells
            activities = t.activityCells
            ages = t.ageCells
            durations = t.countedDurations
            late = t.lateStarters
            diagnostics = log.all
            dropped = [log.droppedErrors, log.droppedWarnings]
        }
    }

    func project(_ csv: String) throws -> (Project, String) {
        let f = try Fixture(["project.yaml": yaml, "participants.csv": csv])
        return (try #require(f.load().0), f.folder + "/participants.csv")
    }

    let asOf = Day(unchecked: 2022, month: 6, day: 30)

    func exact(_ p: Project, _ path: String) -> Read {
        Read(ParticipantReader.read(project: p, asOf: asOf, path: path, lang: .sv, parts: 1, minimumPartBytes: .max))
    }

    func inParts(_ p: Project, _ path: String, _ parts: Int) -> Read? {
        ParticipantReader.readInParts(project: p, asOf: asOf, path: path, lang: .sv, parts: parts, minimumPartBytes: 1).map(Read.init)
    }

    @Test func partsGiveWhatExactReadingGives() throws {
        // No quoted line breaks: the parts stand, and their lines add up.
        let csv = Self.csv(rows: 3_000, seed: 7).replacingOccurrences(of: "\"x;\ny\"", with: "x")
        let (p, path) = try project(csv)
        let exact = exact(p, path)
        #expect(exact.diagnostics.count > 100)
        #expect(exact.diagnostics.last { $0.severity == .error }?.location.line ?? 0 > 2_900)
        for parts in [1, 2, 3, 8] {
            #expect(inParts(p, path, parts) == exact, "\(parts) parts")
        }
    }

    @Test func aDuplicateOrAQuotedLineBreakAcrossPartsIsReadExactly() throws {
        let (p, path) = try project(Self.csv(rows: 2_000, seed: 3, duplicate: true))
        #expect(inParts(p, path, 2) == nil)
        #expect(exact(p, path).diagnostics.contains { $0.code == .duplicateParticipant })
        #expect(Read(ParticipantReader.read(project: p, asOf: asOf, path: path, lang: .sv, parts: 2, minimumPartBytes: 1)) == exact(p, path))

        // One quoted field holding most of the file's lines: every split falls inside it.
        var lines = Self.csv(rows: 400, seed: 5).replacingOccurrences(of: "\"x;\ny\"", with: "x").components(separatedBy: "\n")
        lines.insert("q,a,man,1990,2021-01-01,,,\"" + String(repeating: "x\n", count: 5_000) + "\"", at: 10)
        let (q, quoted) = try project(lines.joined(separator: "\n"))
        #expect(inParts(q, quoted, 3) == nil)
        #expect(Read(ParticipantReader.read(project: q, asOf: asOf, path: quoted, lang: .sv, parts: 3, minimumPartBytes: 1)) == exact(q, quoted))
    }

    @Test func aFileThatCannotBeReadSaysSoAtItsStart() throws {
        // A folder where the file should be: it opens, but no read succeeds.
        let f = try Fixture(["project.yaml": yaml])
        try FileManager.default.createDirectory(atPath: f.folder + "/participants.csv", withIntermediateDirectories: false)
        let project = try #require(f.load().0)
        for minimumPartBytes in [1, Int.max] {
            let (_, log) = ParticipantReader.read(project: project, asOf: asOf, path: f.folder + "/participants.csv", lang: .sv,
                                                  parts: 2, minimumPartBytes: minimumPartBytes)
            #expect(positions(log, relativeTo: f.folder) == ["participants.csv:1:1 error file-unreadable"])
        }
    }

    @Test func partsKeepTheFirstTenThousandDiagnostics() throws {
        let row = ",a,okänd,1990,2021-01-01,,,\n"
        let csv = "id,subproject,gender,birth_year,start_date,end_date,exit_reason,activities\n"
            + (0..<12_000).map { "p\($0)" + row }.joined()
        let (p, path) = try project(csv)
        let exact = exact(p, path)
        #expect(exact.dropped == [2_000, 0])
        #expect(inParts(p, path, 3) == exact)
    }

    @Test func anyFileReadsAlikeInAnyNumberOfParts() async {
        await propertyCheck(count: 30, input: Gen.int(in: 0...1_000_000), Gen.int(in: 1...5)) { seed, parts in
            let (p, path) = try project(Self.csv(rows: 300, seed: seed, duplicate: seed % 4 == 0))
            let read = Read(ParticipantReader.read(project: p, asOf: asOf, path: path, lang: .sv, parts: parts, minimumPartBytes: 1))
            #expect(read == exact(p, path))
        }
    }
}
