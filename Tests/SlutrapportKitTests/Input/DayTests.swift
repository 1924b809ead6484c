import PropertyBased
import Testing
@testable import SlutrapportKit

@Suite struct DayTests {
    @Test func parsesISODates() {
        #expect(Day(iso: "2022-09-30")?.description == "2022-09-30")
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2023-02-29") == nil)
        #expect(Day(iso: "2022-9-30") == nil)
        #expect(Day(iso: "2022-13-01") == nil)
        #expect(Day(iso: "30/09/2022") == nil)
    }

    @Test func ordinalIsDaysSince1970() {
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "2022-09-30")?.ordinal == 19265)
        #expect(Day.fromOrdinal(19265).description == "2022-09-30")
    }

    /// A date cell is a date, optionally followed by a time of day that is ignored (issue 15).
    @Test func aDateCellMayCarryATime() {
        for time in ["", " 00:00:00", "T00:00", " 00:00", " 0:00", " 9:05", " 23:59:59", " 23:59:59.999", "T12:30:05,5", " 12:00 AM",
                     " 11:59:59 pm", "T00:00:00.000000"] {
            #expect(Day(dateCell: "2022-06-05" + time)?.description == "2022-06-05", "\(time)")
        }
        for time in [" ", "T", " 24:00", " 12:60", " 12:00:60", " 12", " 123:00", " 12:0", " 12:00:0", " 00:00Z", "T00:00+02:00",
                     " 00:00:00.", " 00:00.5", "x00:00", "  00:00", " 00:00 XM", " 00:00 AMX", " 00:00AM", "\t00:00"] {
            #expect(Day(dateCell: "2022-06-05" + time) == nil, "\(time)")
        }
        #expect(Day(dateCell: "2022-02-30 00:00") == nil)
        #expect(Day(dateCell: "2022-6-5 00:00") == nil)
        // project.yaml and --as-of keep to the date alone.
        #expect(Day(iso: "2022-06-05 00:00") == nil)
    }

    /// The shortcut for ` HH:MM:SS` and ` HH:MM` decides as the general form does.
    @Test func theTimeShortcutAgreesWithTheGeneralForm() async {
        let pieces = [" ", "T", ":", "0", "1", "2", "3", "5", "9", "AM", " PM", ".", ",", "Z", "x"]
        await propertyCheck(count: 3_000, input: Gen.int(in: 0...Int.max)) { seed in
            var rng = SplitMix(state: UInt64(seed))
            var text = [" ", "T"][rng.next(2)]
            for _ in 0..<rng.next(9) { text += pieces[rng.next(pieces.count)] }
            let bytes = Array(text.utf8)
            let (short, general) = bytes.withUnsafeBufferPointer { (Day.isTimeOfDay($0, from: 0), Day.isAnyTimeOfDay($0, from: 0)) }
            #expect(short == general, "\(text)")
        }
        for text in [" 12:00 AM", " 00:00:00", " 23:59", "T24:00", " 12:60:00", " 12:00:60", " 12:00x00"] {
            let bytes = Array(text.utf8)
            #expect(bytes.withUnsafeBufferPointer { Day.isTimeOfDay($0, from: 0) == Day.isAnyTimeOfDay($0, from: 0) }, "\(text)")
        }
    }

    /// The reader's month table reads exactly the date cells `Day(dateCell:)` reads, from 1900 to 2199.
    func tableAgreesWithDay(_ text: String) -> Bool {
        let table = Array(text.utf8).withUnsafeBufferPointer { Day.MonthTable.shared.parse($0) }
        let day = Day(dateCell: text).flatMap { (1900..<2200).contains($0.year) ? $0 : nil }
        return table?.ordinal == day?.ordinal && table?.year == day?.year
    }

    @Test func monthTableReadsWhatDayReads() async {
        for text in ["1900-01-01", "2199-12-31", "2200-01-01", "1899-12-31", "2024-02-29", "2023-02-29", "2100-02-29",
                     "2000-02-29", "2022-00-10", "2022-13-01", "2022-04-31", "2022-04-00", "2022-4-300", "2022/04/01",
                     "20a2-04-01", "2022-04-0:", "2022-04-01 ", "970-01-01", "2022-04-01 00:00:00", "2022-04-01T00:00", "2022-04-01 7:30",
                     "2022-04-31 00:00", "2022-04-01 24:00", "2022-04-01T", "2199-12-31 23:59:59.5", "2200-01-01 00:00"] {
            #expect(tableAgreesWithDay(text), "\(text)")
        }
        #expect(Array("1970-01-01".utf8).withUnsafeBufferPointer { Day.MonthTable.shared.parse($0)?.ordinal } == 0)
        await propertyCheck(count: 300, input: Gen.int(in: 1890...2210), Gen.int(in: 0...13), Gen.int(in: 0...32)) { y, m, d in
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            #expect(tableAgreesWithDay("\(y)-\(two(m))-\(two(d))"))
        }
    }

    @Test func sourceDateEpochGivesADate() throws {
        #expect(try BuildOptions.generatedDate(sourceDateEpoch: "1664496000") == "2022-09-30")
        #expect(try BuildOptions.generatedDate(sourceDateEpoch: nil) == nil)
        #expect(throws: BuildOptions.InvalidSourceDateEpoch.self) { try BuildOptions.generatedDate(sourceDateEpoch: "yesterday") }
    }
}
