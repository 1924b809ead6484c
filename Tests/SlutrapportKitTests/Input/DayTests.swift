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

    /// The reader's month table reads exactly the dates `Day(iso:)` reads, from 1900 to 2199.
    func tableAgreesWithDay(_ text: String) -> Bool {
        let table = Array(text.utf8).withUnsafeBufferPointer { Day.MonthTable.shared.parse($0) }
        let day = Day(iso: text).flatMap { (1900..<2200).contains($0.year) ? $0 : nil }
        return table?.ordinal == day?.ordinal && table?.year == day?.year
    }

    @Test func monthTableReadsWhatDayReads() async {
        for text in ["1900-01-01", "2199-12-31", "2200-01-01", "1899-12-31", "2024-02-29", "2023-02-29", "2100-02-29",
                     "2000-02-29", "2022-00-10", "2022-13-01", "2022-04-31", "2022-04-00", "2022-4-300", "2022/04/01",
                     "20a2-04-01", "2022-04-0:", "2022-04-01 ", "970-01-01"] {
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
